// The desktop shell's boundaries are ESLint rules (no-restricted-syntax, eslint.config.js): each call that opens
// the app to the outside is allowed in one file only. These tests prove each rule bites where it should, whatever
// the spelling, and stays quiet in the one file that is the call's home.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The project's own config, less the type-aware rules: these rules need no types, and the files linted here exist only
// as text, outside the TypeScript project.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function restrictedSyntax(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = (result?.messages ?? []).filter((message) => message.fatal);
  expect(fatal).toEqual([]);
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message);
}

const HANDLE = "import { ipcMain } from 'electron';\n";

describe('IPC is answered only in electron/main/ipc.ts', () => {
  it.each([
    ['electron/main/tray.ts', `${HANDLE}ipcMain.handle('x', async () => 1);\n`],
    ['electron/main/tray.ts', `${HANDLE}ipcMain?.handleOnce('x', async () => 1);\n`],
    ['electron/main/tray.ts', `${HANDLE}ipcMain['handle']('x', async () => 1);\n`],
    ['electron/main/tray.ts', `${HANDLE}const { handle } = ipcMain;\nhandle('x', async () => 1);\n`],
    ['electron/core/sessions/example.ts', 'declare const ipcMain: any;\nipcMain.handle("x", () => 1);\n'],
  ])('%s: refused (%#)', async (filePath, code) => {
    expect(await restrictedSyntax(filePath, code)).toEqual([
      'Only electron/main/ipc.ts answers IPC (ipcMain.handle), for the contract’s channels.',
    ]);
  });

  it('ipc.ts may', async () => {
    expect(await restrictedSyntax('electron/main/ipc.ts', `${HANDLE}ipcMain.handle('x', async () => 1);\n`)).toEqual(
      [],
    );
  });

  it.each(['on', 'once', 'addListener'])('no file listens with ipcMain.%s, not even ipc.ts', async (method) => {
    const code = `${HANDLE}ipcMain.${method}('x', () => undefined);\n`;
    expect(await restrictedSyntax('electron/main/ipc.ts', code)).toEqual([
      'No ipcMain listeners: every message from the page is a contract channel served by ipcMain.handle.',
    ]);
  });
});

describe("Jira's web windows come only from electron/main/web/web-window.ts, on in-memory partitions", () => {
  const WEB_WINDOW = "Create Jira's web windows only in electron/main/web/web-window.ts, which sets their guards.";
  const PERSIST = 'No persistent partition: a web session must end with the app (the sealed jar is what persists).';

  it.each([
    [
      'electron/main/web/web-windows.ts',
      "import { BaseWindow } from 'electron';\nexport const w = new BaseWindow({});\n",
    ],
    [
      'electron/main/tray.ts',
      "import { WebContentsView } from 'electron';\nexport const v = new WebContentsView({});\n",
    ],
  ])('%s: refused', async (filePath, code) => {
    expect(await restrictedSyntax(filePath, code)).toEqual([WEB_WINDOW]);
  });

  it('web-window.ts may', async () => {
    const code =
      "import { BaseWindow, WebContentsView } from 'electron';\nnew BaseWindow({});\nnew WebContentsView({});\n";
    expect(await restrictedSyntax('electron/main/web/web-window.ts', code)).toEqual([]);
  });

  it.each([
    "import { session } from 'electron';\nsession.fromPartition('persist:jira-web:a');\n",
    "import { session } from 'electron';\nconst id = 'a';\nsession.fromPartition(`persist:jira-web:${id}`);\n",
    "export const preferences = { partition: 'persist:jira' };\n",
  ])('a persistent partition is refused everywhere, even in web-window.ts (%#)', async (code) => {
    expect(await restrictedSyntax('electron/main/web/web-window.ts', code)).toEqual([PERSIST]);
  });
});

describe('windows come only from the window factory', () => {
  const code = "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({});\n";

  it('elsewhere: refused', async () => {
    expect(await restrictedSyntax('electron/main/tray.ts', code)).toEqual([
      'Create windows only in the window factory (electron/main/window.ts), which sets the secure defaults.',
    ]);
  });

  it('electron/main/window.ts may', async () => {
    expect(await restrictedSyntax('electron/main/window.ts', code)).toEqual([]);
  });
});

describe('the system browser is reached only through the allow-list wired in main.ts', () => {
  const wired =
    "import { shell } from 'electron';\nimport { createExternalLinkOpener } from './external-links';\n" +
    'export const links = createExternalLinkOpener({ servers: () => [], openExternal: (url) => shell.openExternal(url) });\n';
  const bare = "import { shell } from 'electron';\nexport const open = (url: string) => shell.openExternal(url);\n";

  it('main.ts may, handing it to createExternalLinkOpener', async () => {
    expect(await restrictedSyntax('electron/main/main.ts', wired)).toEqual([]);
  });

  it('main.ts may not call it anywhere else', async () => {
    expect(await restrictedSyntax('electron/main/main.ts', bare)).toEqual([
      'shell.openExternal may only be the openExternal handed to createExternalLinkOpener.',
    ]);
  });

  it.each([
    ['electron/main/external-links.ts', bare],
    ['electron/main/tray.ts', wired],
  ])('%s: refused (%#)', async (filePath, code) => {
    expect(await restrictedSyntax(filePath, code)).toEqual([
      'Reach the system browser only through createExternalLinkOpener (wired once, in main.ts).',
    ]);
  });
});

describe('only the preload exposes anything to the page, and only the wrapped bridge', () => {
  const preamble =
    "import { contextBridge, ipcRenderer } from 'electron';\nimport { BRIDGE_GLOBAL_NAME, buildBridge } from './bridge';\n";

  it('preload.ts exposes buildBridge(ipcRenderer) as BRIDGE_GLOBAL_NAME', async () => {
    const code = `${preamble}contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, buildBridge(ipcRenderer));\n`;
    expect(await restrictedSyntax('electron/preload/preload.ts', code)).toEqual([]);
  });

  it.each([
    'contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, ipcRenderer);',
    "contextBridge.exposeInMainWorld('ipc', buildBridge(ipcRenderer));",
    'contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, buildBridge(ipcRenderer), ipcRenderer);',
    'contextBridge.exposeInIsolatedWorld(1, BRIDGE_GLOBAL_NAME, buildBridge(ipcRenderer));',
  ])('preload.ts may not expose anything else: %s', async (call) => {
    expect(await restrictedSyntax('electron/preload/preload.ts', `${preamble}${call}\n`)).toEqual([
      'Expose only buildBridge(ipcRenderer), as BRIDGE_GLOBAL_NAME.',
    ]);
  });

  it('no other file exposes anything', async () => {
    const code = `${preamble}contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, buildBridge(ipcRenderer));\n`;
    expect(await restrictedSyntax('electron/preload/bridge.ts', code)).toEqual([
      'Only electron/preload/preload.ts exposes anything to the page.',
    ]);
  });
});

describe('ipcRenderer stays in electron/preload', () => {
  const code = "import { ipcRenderer } from 'electron';\nexport const send = () => ipcRenderer.invoke('app:info');\n";

  it('electron/preload may use it', async () => {
    expect(await restrictedSyntax('electron/preload/bridge.ts', code)).toEqual([]);
  });

  it.each(['electron/main/tray.ts', 'renderer/src/example.ts'])('%s may not', async (filePath) => {
    const messages = await restrictedSyntax(filePath, code);
    expect(messages.length).toBeGreaterThan(0);
    expect(new Set(messages)).toEqual(
      new Set(['ipcRenderer stays inside electron/preload: the page talks through window.jiraSessions.']),
    );
  });
});
