// Save and open dialogs for the server list's export and import and the history's CSV: the renderer never names a
// path; the person picks it here and main reads or writes it.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { OpenedTextFile } from '../shared/contract-estate';
import { appError } from '../core';

/** The same limit the contract puts on an import's text. */
export const MAX_TEXT_FILE_BYTES = 16 * 1024 * 1024;

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.json': { name: 'JSON', extensions: ['json'] },
  '.csv': { name: 'CSV', extensions: ['csv'] },
};

export async function saveTextFile(window: BrowserWindow | null, suggestedName: string, text: string) {
  const filter = FILTERS[path.extname(suggestedName).toLowerCase()];
  const options: SaveDialogOptions = {
    title: 'Save',
    defaultPath: suggestedName,
    filters: filter ? [filter, { name: 'All files', extensions: ['*'] }] : [],
  };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return false;
  await writeFile(result.filePath, text, { encoding: 'utf8', mode: 0o600 });
  return true;
}

export async function openTextFile(window: BrowserWindow | null): Promise<OpenedTextFile | null> {
  const options: OpenDialogOptions = {
    title: 'Import servers',
    buttonLabel: 'Preview import',
    properties: ['openFile'],
    filters: [
      { name: 'Server lists', extensions: ['json', 'csv'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const file = result.filePaths[0];
  if (result.canceled || file === undefined) return null;
  if ((await stat(file)).size > MAX_TEXT_FILE_BYTES) {
    throw appError('invalid-input', 'The file is too large to be a server list (more than 16 MiB).');
  }
  return { fileName: path.basename(file), text: await readFile(file, 'utf8') };
}

/** The shell handlers of the two channels, for main's handler table. */
export function fileDialogHandlers(window: () => BrowserWindow | null) {
  return {
    'dialog:saveFile': (suggestedName: string, text: string) => saveTextFile(window(), suggestedName, text),
    'dialog:openTextFile': () => openTextFile(window()),
  };
}
