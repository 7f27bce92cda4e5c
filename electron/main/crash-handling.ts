// Nothing fails silently: an uncaught exception or unhandled rejection in main is logged (name and stack
// frames, never the message, which may quote a value), and a window whose renderer died is reloaded.
import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import { describeError } from '../core/log';
import type { LogSink } from '../core/ports';

const CURRENT_LOG = Symbol.for('jira-session-manager.process-failure-log');
type WithLog = NodeJS.Process & { [CURRENT_LOG]?: LogSink };

/**
 * Logs main's uncaught failures. One listener pair per process, whatever re-runs this (tests boot main many
 * times): a later call only swaps the log they write to.
 */
export function logProcessFailures(target: NodeJS.Process, log: LogSink): void {
  const holder = target as WithLog;
  const registered = holder[CURRENT_LOG] !== undefined;
  holder[CURRENT_LOG] = log;
  if (registered) return;
  const report = (what: string) => (error: unknown) => {
    const current = holder[CURRENT_LOG];
    current?.('error', `${what} failed unexpectedly`, describeError(error));
  };
  target.on('uncaughtException', report('Main (uncaught exception)'));
  target.on('unhandledRejection', report('Main (unhandled rejection)'));
}

/** A renderer that crashed or was killed comes back on its own; a clean exit (the window closing) does not. */
export function reloadAfterRendererGone(window: BrowserWindow, log: LogSink): void {
  window.webContents.on('render-process-gone', (_event: unknown, details: RenderProcessGoneDetails) => {
    log('error', 'The window stopped', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    window.reload();
  });
}
