// Proves by reading the sources what no single unit test can: there is one place that answers IPC and one place
// that exposes anything to the page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const projectDir = path.resolve(import.meta.dirname, '../..');
const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(projectDir, dir), { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
    .map((entry) => path.relative(projectDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const files = [...sourceFiles('electron'), ...sourceFiles('renderer')];
const read = (file: string) => readFileSync(path.join(projectDir, file), 'utf8');
const filesMatching = (pattern: RegExp) => files.filter((file) => pattern.test(read(file)));

describe('source scan', () => {
  it('finds the sources it is meant to scan', () => {
    expect(files).toContain('electron/main/ipc.ts');
    expect(files).toContain('electron/preload/preload.ts');
    expect(files).toContain('electron/shared/contract.ts');
  });

  it('calls ipcMain.handle only in electron/main/ipc.ts', () => {
    expect(
      filesMatching(/ipcMain\s*\??\.\s*handle|ipcMain\s*\[\s*['"`]handle|handle(Once)?\s*\}\s*=\s*ipcMain/),
    ).toEqual(['electron/main/ipc.ts']);
  });

  it('creates BrowserWindows only in the window factory (electron/main/window.ts)', () => {
    expect(filesMatching(/new\s+BrowserWindow\s*\(/)).toEqual(['electron/main/window.ts']);
  });

  it('creates the web windows (BaseWindow, WebContentsView) only in electron/main/web/web-window.ts', () => {
    expect(filesMatching(/new\s+(BaseWindow|WebContentsView)\s*\(/)).toEqual(['electron/main/web/web-window.ts']);
  });

  it('never asks for a persistent partition: web sessions end with the app', () => {
    expect(files.filter((file) => read(file).includes('fromPartition'))).toContain('electron/main/web/web-windows.ts');
    expect(filesMatching(/['"`]persist:/)).toEqual([]);
  });

  it('reaches the system browser only in main.ts, where it is wired behind the allow-list', () => {
    expect(filesMatching(/shell\s*\.\s*openExternal\s*\(/)).toEqual(['electron/main/main.ts']);
    expect(read('electron/main/main.ts')).toMatch(
      /createExternalLinkOpener\(\{[^}]*openExternal: \(url\) => shell\.openExternal\(url\)/,
    );
  });

  it('has no ipcMain listeners outside the contract (no ipcMain.on / once)', () => {
    expect(filesMatching(/ipcMain\s*\??\.\s*(on|once|addListener)\s*\(/)).toEqual([]);
  });

  it('exposes to the page only from electron/preload/preload.ts', () => {
    expect(filesMatching(/exposeInMainWorld|exposeInIsolatedWorld/)).toEqual(['electron/preload/preload.ts']);
  });

  it('uses ipcRenderer only inside electron/preload, and the renderer never touches it', () => {
    const users = filesMatching(/\bipcRenderer\b/);
    expect(users.length).toBeGreaterThan(0);
    for (const file of users) expect(file.startsWith('electron/preload/')).toBe(true);
  });

  it('hands contextBridge only the wrapped bridge, never ipcRenderer', () => {
    const preload = read('electron/preload/preload.ts');
    const exposures = [...preload.matchAll(/exposeInMainWorld\(([^;]*)\);/g)].map((match) => match[1]);
    expect(exposures).toEqual(['BRIDGE_GLOBAL_NAME, buildBridge(ipcRenderer)']);
  });
});
