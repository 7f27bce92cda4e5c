// The log file in the app's logs folder, written by electron-log's file transport: about 1 MiB per file, rotated
// to main.1.log … main.<n>.log, oldest dropped. main feeds it through the core's redacting log, so it holds
// the same redacted lines as the console. electron-log's `node` entry is used on purpose: its `main` entry
// registers an IPC channel on import through which any renderer could write into the log.
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';
import type { LogLevel, LogSink } from '../core/ports';

export const LOG_FILE_NAME = 'main.log';
export const LOG_FILE_MAX_BYTES = 1024 * 1024;
/** Rotated files kept beside the current one. */
export const LOG_ARCHIVES_KEPT = 3;

export function createFileLog(logsDir: string, minLevel: LogLevel): LogSink {
  const logger = electronLog.create({ logId: `jsm-file-${logsDir}` });
  for (const transport of Object.values(logger.transports)) {
    if (transport) transport.level = false;
  }
  const file = logger.transports.file;
  file.level = minLevel;
  file.resolvePathFn = () => path.join(logsDir, LOG_FILE_NAME);
  file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  file.maxSize = LOG_FILE_MAX_BYTES;
  file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  // Called by the transport when the file passes maxSize, before it starts the file afresh.
  file.archiveLogFn = (current) => rotate(current.path, LOG_ARCHIVES_KEPT);
  return (level, message, fields) => {
    if (fields === undefined) logger[level](message);
    else logger[level](message, JSON.stringify(fields));
  };
}

/** main.log -> main.1.log, main.1.log -> main.2.log, …; the oldest beyond `kept` is deleted. */
function rotate(filePath: string, kept: number): void {
  const { dir, name, ext } = path.parse(filePath);
  const archive = (index: number) => path.join(dir, `${name}.${index}${ext}`);
  rmSync(archive(kept), { force: true });
  for (let index = kept - 1; index >= 1; index--) {
    if (existsSync(archive(index))) renameSync(archive(index), archive(index + 1));
  }
  renameSync(filePath, archive(1));
}

/** One sink that writes to several (the console while developing, the file always). */
export function combineLogs(...sinks: LogSink[]): LogSink {
  return (level, message, fields) => {
    for (const sink of sinks) sink(level, message, fields);
  };
}
