// Defence in depth for logs: the core never hands a secret to the log on purpose, and this wrapper makes
// sure a field that could hold one (by its name) is replaced before any sink sees it.
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
