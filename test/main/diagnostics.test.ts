// The failures you can diagnose: a rotating log file with the core's redaction, the folders the window may ask
// main to show, main's uncaught failures logged, and a window that comes back after its renderer died.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redactingLog } from '../../electron/core/log';
import type { LogSink } from '../../electron/core/ports';
import { logProcessFailures, reloadAfterRendererGone } from '../../electron/main/crash-handling';
import { confirmKeepSecrets } from '../../electron/main/dialogs';
import { LOG_ARCHIVES_KEPT, LOG_FILE_MAX_BYTES, createFileLog } from '../../electron/main/file-log';
import { createFolderOpener } from '../../electron/main/folders';
import { FakeBrowserWindow, dialog, resetElectronMock, shell } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

let dir: string;
beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(path.join(os.tmpdir(), 'jsm-logs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the log file', () => {
  it('holds the redacted lines, at or above its level', () => {
    const log = redactingLog(createFileLog(dir, 'info'));
    log('debug', 'Not at this level');
    log('info', 'Signed in', { profileId: 'p1', password: 'hunter2', cookies: 'JSESSIONID=ABC' });
    const text = readFileSync(path.join(dir, 'main.log'), 'utf8');
    expect(text).toMatch(
      /\[info\]\s+Signed in \{"profileId":"p1","password":"\[redacted\]","cookies":"\[redacted\]"\}/,
    );
    expect(text).not.toMatch(/hunter2|JSESSIONID=ABC|Not at this level/);
    expect(statSync(path.join(dir, 'main.log')).mode & 0o777).toBe(0o600);
  });

  it(`rotates at about 1 MiB and keeps ${LOG_ARCHIVES_KEPT} older files`, () => {
    const log = createFileLog(dir, 'info');
    const line = 'x'.repeat(8 * 1024);
    const lines = Math.ceil(((LOG_ARCHIVES_KEPT + 2) * LOG_FILE_MAX_BYTES) / line.length);
    for (let i = 0; i < lines; i++) log('info', `${i} ${line}`);
    const names = ['main.log', ...Array.from({ length: LOG_ARCHIVES_KEPT + 1 }, (_, i) => `main.${i + 1}.log`)];
    expect(names.map((name) => existsSync(path.join(dir, name)))).toEqual([
      ...Array.from({ length: LOG_ARCHIVES_KEPT + 1 }, () => true),
      false,
    ]);
    for (const name of names.slice(0, -1)) {
      expect(statSync(path.join(dir, name)).size).toBeLessThanOrEqual(LOG_FILE_MAX_BYTES + line.length + 100);
    }
    // The newest line is in main.log, older ones moved down the archive.
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain(`${lines - 1} x`);
    expect(readFileSync(path.join(dir, 'main.1.log'), 'utf8')).not.toContain(`${lines - 1} x`);
  });
});

describe('folders', () => {
  it('opens the logs folder, creating it first', async () => {
    const logsDir = path.join(dir, 'logs');
    await createFolderOpener({ logsDir, storeBackupPath: async () => undefined }).openLogsFolder();
    expect(existsSync(logsDir)).toBe(true);
    expect(shell.openPath).toHaveBeenCalledWith(logsDir);
  });

  it('shows the set-aside store file main knows, and says so when there is none', async () => {
    const backup = path.join(dir, 'jira-session-manager.unreadable-x.json');
    await createFolderOpener({ logsDir: dir, storeBackupPath: async () => backup }).showStoreBackup();
    expect(shell.showItemInFolder).toHaveBeenCalledWith(backup);
    const none = createFolderOpener({ logsDir: dir, storeBackupPath: async () => undefined }).showStoreBackup();
    await expect(none).rejects.toMatchObject({ info: { kind: 'not-found' } });
  });
});

describe("main's own failures", () => {
  it('logs uncaught exceptions and unhandled rejections by name and stack, never their message', () => {
    const emitter = new EventEmitter();
    const target = emitter as unknown as NodeJS.Process;
    const first: Parameters<LogSink>[] = [];
    const second: Parameters<LogSink>[] = [];
    logProcessFailures(target, (...line) => first.push(line));
    logProcessFailures(target, (...line) => second.push(line));
    expect(emitter.listenerCount('uncaughtException')).toBe(1);
    expect(emitter.listenerCount('unhandledRejection')).toBe(1);
    emitter.emit('uncaughtException', new RangeError('token=secret-1'));
    emitter.emit('unhandledRejection', new TypeError('password=secret-2'));
    expect(first).toEqual([]);
    expect(second.map(([level, message, fields]) => [level, message, fields?.error])).toEqual([
      ['error', 'Main (uncaught exception) failed unexpectedly', 'RangeError'],
      ['error', 'Main (unhandled rejection) failed unexpectedly', 'TypeError'],
    ]);
    expect(String(second[0]?.[2]?.stack)).toMatch(/^\s+at /);
    expect(JSON.stringify(second)).not.toMatch(/secret-/);
  });

  it('reloads a window whose renderer crashed, but not one that closed cleanly', () => {
    const window = new FakeBrowserWindow();
    const log = vi.fn();
    reloadAfterRendererGone(window as unknown as Electron.BrowserWindow, log);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(window.reload).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('error', 'The window stopped', { reason: 'crashed', exitCode: 139 });
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(window.reload).toHaveBeenCalledTimes(1);
  });
});

describe('keeping a session over a new route', () => {
  const change = {
    profileId: 'p1',
    label: 'Production',
    baseUrl: 'https://jira.example.com',
    parts: ['proxy' as const],
  };

  it('keeps it only on an explicit "Keep signed in"; signing out is the default and the cancel answer', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await confirmKeepSecrets(null, change)).toBe(true);
    const [options] = dialog.showMessageBox.mock.calls[0] as [Electron.MessageBoxOptions];
    expect(options).toMatchObject({ buttons: ['Sign out', 'Keep signed in'], defaultId: 0, cancelId: 0 });
    expect(options.message).toBe('The proxy of Production changed.');
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await confirmKeepSecrets(null, change)).toBe(false);
  });
});
