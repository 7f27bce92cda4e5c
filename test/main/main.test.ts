// main.ts runs when imported, so each test boots a fresh copy of it (vi.resetModules) against the reset electron
// mock and a FakeCore handed out by a mocked createAppCore. Mocked modules survive vi.resetModules, so the electron
// mock imported here is the very one main.ts sees.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppCoreOptions } from '../../electron/core';
import type { IpcResponse } from '../../electron/shared/contract';
import { ALL_INVOKE_CHANNELS } from '../../electron/shared/contract';
import * as electronMock from './electron-mock';
import { profile, session } from '../support/model-fixtures';
import * as fakeCore from './fake-core';
// Resolve the mocked electron now, while './electron-mock' is the instance imported above: the mock is then cached
// and every later (reset) import of main.ts gets this same instance.
import 'electron';

type ElectronMock = typeof electronMock;

const boot = vi.hoisted(() => ({
  core: null as unknown,
  options: null as AppCoreOptions | null,
  failure: null as unknown,
}));

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));
vi.mock('../../electron/core/app-core', () => ({
  createAppCore: async (options: AppCoreOptions) => {
    boot.options = options;
    if (boot.failure) throw boot.failure;
    return boot.core;
  },
}));

let userData: string;

beforeEach(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'jsm-main-'));
  boot.core = null;
  boot.options = null;
  boot.failure = null;
});

afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

interface Booted {
  electron: ElectronMock;
  core: fakeCore.FakeCore;
  fake: typeof fakeCore;
}

async function start(
  configure: (electron: ElectronMock) => void = () => undefined,
  waitForTray = true,
): Promise<Booted> {
  vi.resetModules();
  const electron = electronMock;
  const fake = fakeCore;
  electron.resetElectronMock();
  electron.app.paths.userData = userData;
  configure(electron);
  const core = new fake.FakeCore([profile('a')], [session('a', 'signed-in')]);
  boot.core = core;
  await import('../../electron/main/main');
  if (waitForTray) await vi.waitFor(() => expect(electron.FakeTray.instances).toHaveLength(1));
  return { electron, core, fake };
}

const mainWindow = (electron: ElectronMock) => {
  const window = electron.FakeBrowserWindow.instances[0];
  if (!window) throw new Error('no window');
  return window;
};

async function callIpc(electron: ElectronMock, channel: string, ...args: unknown[]) {
  const handler = electron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const event = electron.fakeInvokeEvent(mainWindow(electron).webContents);
  return (await handler(event, ...args)) as IpcResponse<unknown>;
}

describe('before ready', () => {
  it('registers the app scheme, enables the sandbox and takes the single-instance lock', async () => {
    const { electron } = await start();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it('a second instance quits at once and builds nothing', async () => {
    const { electron } = await start((mock) => {
      mock.app.gotLock = false;
    }, false);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(boot.options).toBeNull();
    expect(electron.FakeBrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });
});

describe('on ready', () => {
  it('builds the core with the Electron adapters', async () => {
    const { electron } = await start();
    const options = boot.options;
    expect(options).toMatchObject({ dataDir: userData, appVersion: '0.1.0', polling: true });
    expect(typeof options?.notify).toBe('function');
    const { electronStoreBackend } = await import('../../electron/main/electron-store-backend');
    expect(options?.openStore).toBe(electronStoreBackend);
    electron.safeStorage.backend = 'basic_text';
    const expected = process.platform === 'linux' ? 'weak' : 'os-keychain';
    await expect(options?.cipher.availability()).resolves.toBe(expected);
  });

  it('serves the renderer, sets the menu, registers IPC, then opens the window and the tray', async () => {
    const { electron } = await start();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(electron.ipcMain.handlers.size).toBe(ALL_INVOKE_CHANNELS.length);
    const window = mainWindow(electron);
    expect(window.loadURL).toHaveBeenCalledWith('app://jira-session-manager/index.html');
    expect(window.options.webPreferences?.preload).toBe(
      path.join(electron.app.appPath, 'dist', 'preload', 'preload.cjs'),
    );
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(electron.FakeTray.instances).toHaveLength(1);
    expect(electron.ipcMain.handle.mock.invocationCallOrder[0]).toBeLessThan(
      window.loadURL.mock.invocationCallOrder[0] ?? 0,
    );
  });

  it('leaves start-up verification to the core, which does it once as it opens', async () => {
    const { core } = await start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(core.callsOf('sessions:refreshAll')).toHaveLength(0);
  });

  it('answers the renderer through the core and pushes its events to the window', async () => {
    const { electron, core } = await start();
    await expect(callIpc(electron, 'profiles:list')).resolves.toEqual({ ok: true, value: [profile('a')] });
    core.emit('sessions:delta', fakeCore.changedStates([session('a', 'expired')]));
    expect(mainWindow(electron).webContents.send).toHaveBeenCalledWith(
      'sessions:delta',
      fakeCore.changedStates([session('a', 'expired')]),
    );
  });

  it('opens only saved servers in the system browser', async () => {
    const { electron } = await start();
    await expect(callIpc(electron, 'shell:openExternal', 'https://a.jira.example.com/browse/X-1')).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://a.jira.example.com/browse/X-1');
    await expect(callIpc(electron, 'shell:openExternal', 'https://evil.example.com/')).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('sends link clicks in the window through the same allow-list', async () => {
    const { electron } = await start();
    const contents = mainWindow(electron).webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://a.jira.example.com/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(electron.shell.openExternal).toHaveBeenCalledWith('https://a.jira.example.com/'));
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('gives the core a notifier that shows OS notifications (the core applies the setting)', async () => {
    const { electron, core } = await start();
    const notice = { title: 'Session expired', body: 'Jira a: your session expired.', profileId: 'a' };
    boot.options?.notify?.(notice);
    expect(electron.FakeNotification.instances).toHaveLength(1);
    expect(electron.FakeNotification.instances[0]?.options).toMatchObject({ title: notice.title, body: notice.body });
    // One path: main does not read the setting again (its one read is at start, for the Settings screen's effects).
    expect(core.callsOf('settings:get')).toHaveLength(1);
    mainWindow(electron).hide();
    electron.FakeNotification.instances[0]?.emit('click');
    expect(mainWindow(electron).isVisible()).toBe(true);
    // The window is told which server the notice was about, so it selects it.
    expect(mainWindow(electron).webContents.send).toHaveBeenCalledWith('window:showServer', 'a');
  });

  it('a notice about no server only shows the window', async () => {
    const { electron } = await start();
    boot.options?.notify?.({ title: 'Some servers could not confirm the sign-out', body: '…' });
    electron.FakeNotification.instances[0]?.emit('click');
    expect(mainWindow(electron).isVisible()).toBe(true);
    expect(mainWindow(electron).webContents.send).not.toHaveBeenCalledWith('window:showServer', expect.anything());
  });

  it('reports a failed start and exits', async () => {
    boot.failure = new Error('EACCES: permission denied, open ~/.config/x.json');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.resetModules();
    const electron = electronMock;
    electron.resetElectronMock();
    electron.app.paths.userData = userData;
    await import('../../electron/main/main');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Jira Session Manager could not start',
      'An unexpected error stopped the app while starting.',
    );
    expect(electron.FakeBrowserWindow.instances).toHaveLength(0);
    // Logged by name only: the message may hold paths or worse.
    expect(consoleError).toHaveBeenCalledWith('[error] Start-up failed', { error: 'Error' });
    consoleError.mockRestore();
  });
});

describe('while running', () => {
  it('a second launch brings the window forward', async () => {
    const { electron } = await start();
    const window = mainWindow(electron);
    window.hide();
    window.minimized = true;
    electron.app.emit('second-instance', {}, [], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('pauses on suspend and verifies again on resume', async () => {
    const { electron, core } = await start();
    electron.powerMonitor.emit('suspend');
    expect(core.suspend).toHaveBeenCalledTimes(1);
    electron.powerMonitor.emit('resume');
    expect(core.resume).toHaveBeenCalledTimes(1);
  });

  it('pauses checks when it starts without a network, and asks Electron rather than guessing', async () => {
    const { core, electron } = await start((mock) => {
      mock.net.online = false;
    });
    expect(electron.net.isOnline).toHaveBeenCalled();
    expect(core.suspend).toHaveBeenCalledTimes(1);
    expect(core.resume).not.toHaveBeenCalled();
  });

  it('keeps running when the window is closed: it hides to the tray', async () => {
    const { electron } = await start();
    const window = mainWindow(electron);
    expect(window.close()).toBe(true);
    expect(window.hide).toHaveBeenCalled();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('the tray’s Quit quits', async () => {
    const { electron } = await start();
    const menu = electron.FakeTray.instances[0]?.menu;
    electron.clickMenuItem(menu?.template ?? [], 'quit');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });
});

describe("Jira's web UI in app windows", () => {
  const jar = [
    {
      name: 'JSESSIONID',
      value: 'SEALED-SESSION',
      domain: 'a.jira.example.com',
      hostOnly: true,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'unspecified' as const,
    },
  ];

  it("opens the server signed in: web:open puts the profile's cookies in its own partition before the page loads", async () => {
    const { electron, core } = await start();
    vi.mocked(core.web.cookies).mockResolvedValue(jar);
    await expect(callIpc(electron, 'web:open', 'a', '/secure/admin/ViewSystemInfo.jspa')).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(core.web.cookies).toHaveBeenCalledWith('a');
    const set = electron.callLog.indexOf('cookies.set jira-web:a JSESSIONID');
    const load = electron.callLog.indexOf('loadURL https://a.jira.example.com/secure/admin/ViewSystemInfo.jspa');
    expect(set).toBeGreaterThanOrEqual(0);
    expect(load).toBeGreaterThan(set);
    expect(electron.FakeBaseWindow.instances).toHaveLength(1);
  });

  it('refuses a path that would leave the server, before any window opens', async () => {
    const { electron } = await start();
    await expect(callIpc(electron, 'web:open', 'a', '//evil.example.com/')).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
    expect(electron.FakeBaseWindow.instances).toHaveLength(0);
  });

  it("opens Jira from the tray, and closes the profile's window and clears its partition when its session ends", async () => {
    const { electron, core } = await start();
    vi.mocked(core.web.cookies).mockResolvedValue(jar);
    const tray = electron.FakeTray.instances[0];
    electron.clickMenuItem((tray?.menu as electronMock.FakeMenu).template, 'jira:a');
    await vi.waitFor(() =>
      expect(electron.callLog).toContain('loadURL https://a.jira.example.com/secure/Dashboard.jspa'),
    );
    const window = electron.FakeBaseWindow.instances[0];
    for (const listener of core.webListeners) listener({ kind: 'ended', profileId: 'a' });
    await vi.waitFor(() => expect(electron.callLog).toContain('clearStorageData jira-web:a'));
    expect(window?.isDestroyed()).toBe(true);
  });

  it('closes every web window and clears its partition when the app quits', async () => {
    const { electron } = await start();
    await callIpc(electron, 'web:open', 'a');
    electron.app.emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    expect(electron.callLog).toContain('clearStorageData jira-web:a');
    expect(electron.FakeBaseWindow.instances[0]?.isDestroyed()).toBe(true);
  });
});

describe('quitting', () => {
  it('disposes the core before letting the app quit, then really closes the window', async () => {
    const { electron, core } = await start();
    const firstQuit = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', firstQuit);
    expect(firstQuit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    expect(core.dispose).toHaveBeenCalledTimes(1);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.FakeTray.instances[0]?.destroy).toHaveBeenCalled();
    expect(core.listenerCount('sessions:delta')).toBe(0);

    const secondQuit = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', secondQuit);
    expect(secondQuit.preventDefault).not.toHaveBeenCalled();
    expect(mainWindow(electron).close()).toBe(false);
    expect(core.dispose).toHaveBeenCalledTimes(1);
  });

  it('does not wait forever for a core that never finishes', async () => {
    const { electron, core } = await start();
    vi.useFakeTimers();
    try {
      core.dispose.mockImplementation(() => new Promise<undefined>(() => undefined));
      electron.app.emit('before-quit', { preventDefault: vi.fn() });
      await vi.advanceTimersByTimeAsync(5_000);
      expect(electron.app.quit).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('diagnostics', () => {
  it('writes its log lines, redacted, to a file in the logs folder, and opens that folder from Help and IPC', async () => {
    const { electron } = await start();
    const logsDir = path.join(userData, 'logs');
    boot.options?.log?.('info', 'A line from the core', { password: 'hunter2' });
    const text = readFileSync(path.join(logsDir, 'main.log'), 'utf8');
    expect(text).toMatch(/A line from the core \{"password":"\[redacted\]"\}/);
    expect(text).not.toContain('hunter2');

    const template = electron.Menu.setApplicationMenu.mock.calls[0]?.[0] as { template: MenuItemConstructorOptions[] };
    const help = template.template.find((item) => item.role === 'help');
    const open = (help?.submenu as MenuItemConstructorOptions[]).find((item) => item.label === 'Open Logs Folder');
    (open?.click as () => void)();
    await vi.waitFor(() => expect(electron.shell.openPath).toHaveBeenCalledWith(logsDir));
    expect(await callIpc(electron, 'shell:openLogsFolder')).toEqual({ ok: true, value: undefined });
    expect(electron.shell.openPath).toHaveBeenCalledTimes(2);
  });

  it('asks with a native dialog before a changed route keeps a session', async () => {
    const { electron } = await start();
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    const kept = await boot.options?.confirmKeepSecrets?.({
      profileId: 'a',
      label: 'A',
      baseUrl: 'https://a.jira.example.com',
      parts: ['pinned certificate'],
    });
    expect(kept).toBe(true);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      mainWindow(electron),
      expect.objectContaining({ message: 'The pinned certificate of A changed.' }),
    );
  });

  it('reloads the window after its renderer crashed', async () => {
    const { electron } = await start();
    mainWindow(electron).webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(mainWindow(electron).reload).toHaveBeenCalledTimes(1);
  });
});

describe('updates', () => {
  it('run from source, updates are off: the menus and the channels say they are not configured', async () => {
    const { electron } = await start();
    const expected = {
      status: 'disabled',
      currentVersion: '0.1.0',
      message: 'Updates are not configured for this build. (It runs from source.)',
    };
    expect(await callIpc(electron, 'updates:state')).toEqual({ ok: true, value: expected });
    expect(await callIpc(electron, 'updates:check')).toEqual({ ok: true, value: expected });
    expect(await callIpc(electron, 'updates:install')).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });

    const template = electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as {
      template: MenuItemConstructorOptions[];
    };
    const help = template.template.find((item) => item.role === 'help');
    expect((help?.submenu as MenuItemConstructorOptions[]).map((item) => item.label)).toContain('Check for Updates…');
    const trayIds = electron.flattenMenu(electron.FakeTray.instances[0]?.menu?.template ?? []).map((item) => item.id);
    expect(trayIds).toContain('check-updates');
    electron.clickMenuItem(electron.FakeTray.instances[0]?.menu?.template ?? [], 'check-updates');
    await vi.waitFor(() =>
      expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
        expect.objectContaining({ message: expected.message }),
      ),
    );
  });
});
