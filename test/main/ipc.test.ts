import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ALL_INVOKE_CHANNELS, BRIDGE_METHODS } from '../../electron/shared/contract';
import type { IpcResponse } from '../../electron/shared/contract';
import { AppError, appError } from '../../electron/core';
import {
  FORGED_SENDER_MESSAGE,
  forwardCoreEvents,
  isAppFrameSender,
  registerIpcHandlers,
  toIpcError,
} from '../../electron/main/ipc';
import type { ShellHandlers } from '../../electron/main/ipc';
import {
  FakeBrowserWindow,
  FakeWebContents,
  FakeWebFrame,
  fakeInvokeEvent,
  ipcMain,
  resetElectronMock,
} from './electron-mock';
import { profile, session } from '../support/model-fixtures';
import { changedStates, FakeCore } from './fake-core';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

let core: FakeCore;
let window: FakeBrowserWindow;
let shell: { [C in keyof ShellHandlers]: ReturnType<typeof vi.fn> };

beforeEach(() => {
  resetElectronMock();
  core = new FakeCore([profile('a')], [session('a', 'signed-in')]);
  window = new FakeBrowserWindow();
  shell = {
    'dialog:chooseCaCertificate': vi.fn(async () => null),
    'shell:openExternal': vi.fn(async () => undefined),
    'web:open': vi.fn(async () => undefined),
    'session:webLogin': vi.fn(async () => session('a', 'signed-in')),
    'clipboard:copyToken': vi.fn(async () => undefined),
    'shell:openLogsFolder': vi.fn(async () => undefined),
    'shell:showStoreBackup': vi.fn(async () => undefined),
    'dialog:saveFile': vi.fn(async () => true),
    'dialog:openTextFile': vi.fn(async () => null),
    'updates:state': vi.fn(async () => ({ status: 'idle', currentVersion: '0.1.0' })),
    'updates:check': vi.fn(async () => ({ status: 'up-to-date', currentVersion: '0.1.0' })),
    'updates:install': vi.fn(async () => undefined),
  };
  registerIpcHandlers({
    core,
    shell: shell as unknown as ShellHandlers,
    isTrustedSender: (event) => isAppFrameSender(event, window as unknown as BrowserWindow),
  });
});

/** Calls a registered handler as Electron would, from our window's main frame unless told otherwise. */
async function call(channel: string, args: unknown[], event: IpcMainInvokeEvent = fakeInvokeEvent(window.webContents)) {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(event, ...args)) as IpcResponse<unknown>;
}

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract exactly once', () => {
    const registered = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(registered).toHaveLength(ALL_INVOKE_CHANNELS.length);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...Object.values(BRIDGE_METHODS)].sort());
  });

  it('returns a function that removes every handler', () => {
    resetElectronMock();
    const unregister = registerIpcHandlers({
      core,
      shell: shell as unknown as ShellHandlers,
      isTrustedSender: () => true,
    });
    expect(ipcMain.handlers.size).toBe(ALL_INVOKE_CHANNELS.length);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(ALL_INVOKE_CHANNELS.length);
  });

  it('cannot be registered twice (Electron would throw too)', () => {
    expect(() =>
      registerIpcHandlers({ core, shell: shell as unknown as ShellHandlers, isTrustedSender: () => true }),
    ).toThrow(/second handler/);
  });
});

describe('trusted calls', () => {
  it('serves core channels from the core and wraps the value', async () => {
    await expect(call('profiles:list', [])).resolves.toEqual({ ok: true, value: [profile('a')] });
    expect(core.callsOf('profiles:list')).toEqual([[]]);
  });

  it('passes the validated (normalised) arguments to the core', async () => {
    const logout = await call('session:logout', ['a']);
    expect(logout).toMatchObject({ ok: true, value: { profileId: 'a', serverConfirmed: true } });
    await call('settings:update', [{ notifications: false }]);
    expect(core.callsOf('settings:update')).toEqual([[{ notifications: false }]]);
  });

  it('hands the core the parsed arguments, not the raw ones', async () => {
    const input = {
      label: ' Prod ',
      baseUrl: 'jira.example.com/secure/Dashboard.jspa',
      username: 'admin',
      environment: 'production',
    };
    await call('profiles:save', [input]);
    expect(core.callsOf('profiles:save')).toEqual([
      [
        {
          label: 'Prod',
          baseUrl: 'https://jira.example.com',
          username: 'admin',
          environment: 'production',
          signInMethod: 'password',
          pollIntervalSeconds: 300,
          keepAlive: false,
        },
      ],
    ]);
  });

  it('serves the shell channels from main, never from the core', async () => {
    await expect(call('shell:openExternal', ['https://a.jira.example.com/browse/X-1'])).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(shell['shell:openExternal']).toHaveBeenCalledWith('https://a.jira.example.com/browse/X-1');
    await expect(call('dialog:chooseCaCertificate', [])).resolves.toEqual({ ok: true, value: null });
    expect(shell['dialog:chooseCaCertificate']).toHaveBeenCalledTimes(1);
    expect(core.calls).toHaveLength(0);
  });
});

describe('isAppFrameSender', () => {
  it('accepts the main frame of our window on the app origin', () => {
    expect(isAppFrameSender(fakeInvokeEvent(window.webContents), window as unknown as BrowserWindow)).toBe(true);
  });

  it('refuses a child frame even when it claims the main frame’s ids', () => {
    const main = window.webContents.mainFrame;
    const child = new FakeWebFrame(main.url, main.processId, main.routingId);
    child.parent = main;
    expect(isAppFrameSender(fakeInvokeEvent(window.webContents, child), window as unknown as BrowserWindow)).toBe(
      false,
    );
  });

  it('refuses everything when there is no window', () => {
    expect(isAppFrameSender(fakeInvokeEvent(window.webContents), null)).toBe(false);
  });
});

describe('forged senders', () => {
  const expectRefused = async (event: IpcMainInvokeEvent) => {
    const response = await call('session:logoutAll', [], event);
    expect(response).toEqual({ ok: false, error: { kind: 'invalid-input', message: FORGED_SENDER_MESSAGE } });
    expect(core.calls).toHaveLength(0);
  };

  it('refuses a page that is not the app (navigated elsewhere)', async () => {
    window.webContents.mainFrame.url = 'https://evil.example.com/';
    await expectRefused(fakeInvokeEvent(window.webContents));
  });

  it('refuses a file:// page and an app:// page of another host', async () => {
    window.webContents.mainFrame.url = 'file:///tmp/index.html';
    await expectRefused(fakeInvokeEvent(window.webContents));
    window.webContents.mainFrame.url = 'app://other-host/index.html';
    await expectRefused(fakeInvokeEvent(window.webContents));
  });

  it('refuses a subframe, even one on the app origin', async () => {
    const subframe = new FakeWebFrame(
      'app://jira-session-manager/index.html',
      window.webContents.mainFrame.processId,
      7,
    );
    subframe.parent = window.webContents.mainFrame;
    await expectRefused(fakeInvokeEvent(window.webContents, subframe));
  });

  it('refuses a top frame that is not our window’s main frame', async () => {
    const other = new FakeWebFrame('app://jira-session-manager/index.html', 999, 1);
    await expectRefused(fakeInvokeEvent(window.webContents, other));
  });

  it('refuses another webContents', async () => {
    await expectRefused(fakeInvokeEvent(new FakeWebContents()));
  });

  it('refuses a frame that is already gone, and any call when the window is', async () => {
    await expectRefused(fakeInvokeEvent(window.webContents, null));
    window.destroyed = true;
    await expectRefused(fakeInvokeEvent(window.webContents));
  });

  it('refuses every channel the same way', async () => {
    const event = fakeInvokeEvent(new FakeWebContents());
    for (const channel of ALL_INVOKE_CHANNELS) {
      const response = await call(channel, [], event);
      expect(response).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    }
    expect(core.calls).toHaveLength(0);
    expect(shell['shell:openExternal']).not.toHaveBeenCalled();
  });
});

describe('malformed payloads', () => {
  it.each([
    ['session:logout', [42]],
    ['session:logout', []],
    ['session:logout', ['a', 'extra']],
    ['session:login', ['a', { username: 'admin' }]],
    ['settings:update', [{ notifications: 'yes' }]],
    ['settings:update', [{ somethingElse: true }]],
    ['profiles:save', [{ label: 'x', baseUrl: 'ftp://jira', username: 'a', environment: 'production' }]],
    ['profiles:remove', [{ toString: 'a' }]],
    ['certificate:inspect', ['not a pem']],
    ['shell:openExternal', ['not a url']],
    ['sessions:list', ['unexpected']],
  ])('%s %j is refused with invalid-input and never reaches a handler', async (channel, args) => {
    const response = await call(channel, args);
    expect(response.ok).toBe(false);
    expect(response).toMatchObject({ error: { kind: 'invalid-input' } });
    if (!response.ok) expect(response.error.message.length).toBeGreaterThan(0);
    expect(core.calls).toHaveLength(0);
    expect(shell['shell:openExternal']).not.toHaveBeenCalled();
  });

  it('names the field a bad profile is refused for, so the form can mark it', async () => {
    const response = await call('profiles:save', [
      { label: 'x', baseUrl: 'ftp://jira', username: 'a', environment: 'production' },
    ]);
    expect(response).toMatchObject({ ok: false, error: { kind: 'invalid-input', field: 'baseUrl' } });
  });
});

describe('errors', () => {
  it('returns an AppError as its info, kind and next step intact', async () => {
    core.failures.set(
      'session:logout',
      appError('unreachable', 'The server did not answer.', { nextStep: 'Check the VPN.' }),
    );
    await expect(call('session:logout', ['a'])).resolves.toEqual({
      ok: false,
      error: { kind: 'unreachable', message: 'The server did not answer.', nextStep: 'Check the VPN.' },
    });
  });

  it('maps anything else to internal-error without its message', async () => {
    const log = vi.fn();
    resetElectronMock();
    registerIpcHandlers({ core, shell: shell as unknown as ShellHandlers, isTrustedSender: () => true, log });
    core.failures.set('sessions:list', new Error('request failed: Cookie: JSESSIONID=s3cr3t'));
    const response = await call('sessions:list', []);
    expect(response).toMatchObject({ ok: false, error: { kind: 'internal-error' } });
    expect(JSON.stringify(response)).not.toContain('s3cr3t');
    expect(JSON.stringify(log.mock.calls)).not.toContain('s3cr3t');
    expect(log).toHaveBeenCalledWith('error', 'IPC handler failed', { channel: 'sessions:list', error: 'Error' });
  });

  it('sends only the fields of AppErrorInfo', () => {
    const info = { kind: 'server-error', message: 'Boom', status: 500, config: { headers: { Cookie: 'x' } } };
    expect(toIpcError(info as never)).toEqual({ kind: 'server-error', message: 'Boom', status: 500 });
    expect(toIpcError(new AppError({ kind: 'timeout', message: 'Slow' }).info)).toEqual({
      kind: 'timeout',
      message: 'Slow',
    });
  });
});

describe('forwardCoreEvents', () => {
  it('pushes sessions:delta and profiles:changed to the window', () => {
    forwardCoreEvents(core, () => window as unknown as BrowserWindow);
    const delta = changedStates([session('a', 'expired')], ['gone']);
    core.emit('sessions:delta', delta);
    core.emit('profiles:changed', [profile('b')]);
    expect(window.webContents.send).toHaveBeenNthCalledWith(1, 'sessions:delta', delta);
    expect(window.webContents.send).toHaveBeenNthCalledWith(2, 'profiles:changed', [profile('b')]);
  });

  it('sends nothing to a closed window or a page that is not the app', () => {
    let current: FakeBrowserWindow | null = null;
    forwardCoreEvents(core, () => current as unknown as BrowserWindow | null);
    core.emit('sessions:delta', changedStates([]));
    current = window;
    window.webContents.mainFrame.url = 'https://evil.example.com/';
    core.emit('sessions:delta', changedStates([]));
    window.webContents.mainFrame.url = 'app://jira-session-manager/index.html';
    window.destroyed = true;
    core.emit('sessions:delta', changedStates([]));
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('stops forwarding when unsubscribed', () => {
    const stop = forwardCoreEvents(core, () => window as unknown as BrowserWindow);
    expect(core.listenerCount('sessions:delta')).toBe(1);
    stop();
    expect(core.listenerCount('sessions:delta')).toBe(0);
    expect(core.listenerCount('profiles:changed')).toBe(0);
  });
});
