// Defence in depth for logs: the core never hands a secret to the log on purpose, and this wrapper makes
// sure a field that could hold one (by its name) is replaced before any sink sees it.
import { AppError } from './errors';
import type { LogSink } from './ports';

const SECRET_FIELD = /pass(word)?|cookie|jar|token|secret|authorization|session(id|value)?$/i;

export function redactingLog(sink: LogSink): LogSink {
  return (level, message, fields) => {
    if (!fields) return sink(level, message);
    const safe: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) safe[key] = SECRET_FIELD.test(key) ? '[redacted]' : value;
    sink(level, message, safe);
  };
}

/** An error as a log may hold it: its name and stack frames. The message line is left out: it may quote a value. */
export function describeError(error: unknown): { error: string; stack?: string } {
  if (!(error instanceof Error)) return { error: typeof error };
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  return { error: error.name, ...(frames ? { stack: frames } : {}) };
}

/**
 * A catch handler for work nobody awaits (the start-up check, the poller): an AppError is a server's answer the
 * state already shows, anything else is a bug and is logged.
 */
export function logUnexpected(log: LogSink, what: string): (error: unknown) => void {
  return (error) => {
    if (error instanceof AppError) return;
    log('error', `${what} failed unexpectedly`, describeError(error));
  };
}
