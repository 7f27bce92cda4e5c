import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { fileDialogHandlers, MAX_TEXT_FILE_BYTES } from '../../electron/main/file-dialogs';
import { FakeBrowserWindow, dialog, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

let dir: string;
let window: FakeBrowserWindow;
let handlers: ReturnType<typeof fileDialogHandlers>;

beforeEach(async () => {
  resetElectronMock();
  dir = await mkdtemp(path.join(os.tmpdir(), 'jsm-files-'));
  window = new FakeBrowserWindow();
  handlers = fileDialogHandlers(() => window as unknown as BrowserWindow);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dialog:saveFile', () => {
  it('writes the text where the person chose, readable only by them, with the suggested name and type', async () => {
    const target = path.join(dir, 'servers.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await handlers['dialog:saveFile']('servers.json', '{"a":1}\n')).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('{"a":1}\n');
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        defaultPath: 'servers.json',
        filters: expect.arrayContaining([{ name: 'JSON', extensions: ['json'] }]),
      }),
    );
  });

  it('writes nothing when cancelled', async () => {
    expect(await handlers['dialog:saveFile']('history.csv', 'x')).toBe(false);
  });
});

describe('dialog:openTextFile', () => {
  it('reads the chosen file and names it', async () => {
    const file = path.join(dir, 'team.csv');
    await writeFile(file, 'label,url\nA,https://a\n');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    expect(await handlers['dialog:openTextFile']()).toEqual({ fileName: 'team.csv', text: 'label,url\nA,https://a\n' });
  });

  it('answers null when cancelled and refuses a file too large to be a server list', async () => {
    expect(await handlers['dialog:openTextFile']()).toBeNull();
    const file = path.join(dir, 'huge.json');
    await writeFile(file, Buffer.alloc(MAX_TEXT_FILE_BYTES + 1, 32));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    await expect(handlers['dialog:openTextFile']()).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
  });
});
