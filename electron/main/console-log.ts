// The log sink main hands to the core and uses itself. The core redacts before it logs; main logs only kinds,
// channels and error names, never payloads.
import type { LogLevel, LogSink } from '../core';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export function createConsoleLog(minLevel: LogLevel, output: Pick<Console, LogLevel> = console): LogSink {
  const threshold = LEVELS.indexOf(minLevel);
  return (level, message, fields) => {
    if (LEVELS.indexOf(level) < threshold) return;
    if (fields === undefined) output[level](`[${level}] ${message}`);
    else output[level](`[${level}] ${message}`, fields);
  };
}
