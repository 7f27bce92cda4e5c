// electron/preload/preload.ts and bridge.ts (kept beside the main-process tests: both run with electron mocked).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_EVENTS, BRIDGE_METHODS } from '../../electron/shared/contract';
import type { JiraSessionsBridge } from '../../electron/shared/contract';
import { buildBridge } from '../../electron/preload/bridge';
import { contextBridge, ipcRenderer, ipcRendererApi, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

const EXPECTED_KEYS = [...Object.keys(BRIDGE_METHODS), ...Object.keys(BRIDGE_EVENTS)].sort();

beforeEach(() => resetElectronMock());

interface Exposure {
  calls: number;
  globals: string[];
  name: string;
  api: JiraSessionsBridge;
}
let exposure: Exposure | undefined;

/** Runs preload.ts once (its only effect is the exposure) and remembers what it handed to contextBridge. */
async function loadPreload(): Promise<Exposure> {
  if (!exposure) {
    await import('../../electron/preload/preload');
    const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, JiraSessionsBridge];
    exposure = {
      calls: contextBridge.exposeInMainWorld.mock.calls.length,
      globals: [...contextBridge.exposed.keys()],
      name,
      api,
    };
  }
  return exposure;
}

describe('preload', () => {
  it('exposes exactly the contract’s methods and subscriptions as window.jiraSessions', async () => {
    const { calls, globals, name, api } = await loadPreload();
    expect(calls).toBe(1);
    expect(globals).toEqual(['jiraSessions']);
    expect(name).toBe('jiraSessions');
    expect(Object.keys(api).sort()).toEqual(EXPECTED_KEYS);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or a generic invoke', async () => {
    const { api } = await loadPreload();
    for (const value of Object.values(api)) {
      expect(value).not.toBe(ipcRenderer);
      expect(value).not.toBe(ipcRenderer.invoke);
      expect(value).not.toBe(ipcRenderer.on);
    }
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('routes the exposed methods through ipcRenderer.invoke', async () => {
    const { api } = await loadPreload();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await expect(api.listProfiles()).resolves.toEqual([]);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('profiles:list');
  });
});

describe('buildBridge', () => {
  it.each(Object.entries(BRIDGE_METHODS))(
    '%s invokes %s with its arguments and unwraps the value',
    async (method, channel) => {
      ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { answer: method } });
      const bridge = buildBridge(ipcRendererApi) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      await expect(bridge[method]?.('x', { y: 1 })).resolves.toEqual({ answer: method });
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(channel, 'x', { y: 1 });
    },
  );

  it('rejects with the plain AppErrorInfo object', async () => {
    const error = { kind: 'bad-credentials', message: 'Wrong username or password.' };
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error });
    const bridge = buildBridge(ipcRendererApi);
    const rejection = await bridge.login('a', { username: 'u', password: 'p' }).catch((reason: unknown) => reason);
    expect(rejection).toEqual(error);
    expect(rejection).not.toBeInstanceOf(Error);
  });

  it.each(Object.entries(BRIDGE_EVENTS))('%s subscribes to %s without leaking the IPC event', (method, event) => {
    const bridge = buildBridge(ipcRendererApi) as unknown as Record<
      string,
      (listener: (payload: unknown) => void) => () => void
    >;
    const listener = vi.fn();
    const unsubscribe = bridge[method]?.(listener);
    expect(ipcRenderer.listenerCount(event)).toBe(1);
    ipcRenderer.emit(event, { sender: ipcRenderer, senderId: 0 }, ['payload']);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([['payload']]);
    unsubscribe?.();
    expect(ipcRenderer.listenerCount(event)).toBe(0);
    ipcRenderer.emit(event, {}, ['later']);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps other subscriptions when one unsubscribes', () => {
    const bridge = buildBridge(ipcRendererApi);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = bridge.onSessionsDelta(first);
    bridge.onSessionsDelta(second);
    stopFirst();
    ipcRenderer.emit('sessions:delta', {}, { changed: [], removed: ['a'] });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ changed: [], removed: ['a'] });
  });

  it('refuses a subscription without a listener', () => {
    const bridge = buildBridge(ipcRendererApi);
    expect(() => bridge.onProfilesChanged(undefined as never)).toThrow(TypeError);
    expect(ipcRenderer.listenerCount('profiles:changed')).toBe(0);
  });
});
