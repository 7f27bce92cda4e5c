import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppCore, type StoreBackendOptions } from '../../electron/core';
import { electronStoreBackend, openElectronStore } from '../../electron/main/electron-store-backend';
import { createSafeStorageCipher } from '../../electron/main/safe-storage-cipher';
import { openKeyedWindowBoundsStore, openWindowBoundsStore } from '../../electron/main/window-bounds-store';
import { resetElectronMock, safeStorage } from './electron-mock';
import { makeProfileInput } from '../support/model-fixtures';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

let dir: string;

beforeEach(async () => {
  resetElectronMock();
  dir = await mkdtemp(path.join(os.tmpdir(), 'jsm-store-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = (overrides: Partial<StoreBackendOptions> = {}): StoreBackendOptions => ({
  cwd: dir,
  configName: 'jira-session-manager',
  configFileMode: 0o600,
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false,
  watch: false,
  ...overrides,
});

const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('electronStoreBackend', () => {
  it('writes the document to <cwd>/<configName>.json with mode 0600', async () => {
    const store = electronStoreBackend(options());
    expect(store.path).toBe(path.join(dir, 'jira-session-manager.json'));
    store.store = { profiles: [{ id: 'a' }], 'cookie.jar': 'sealed' };
    expect(await mode(store.path)).toBe(0o600);
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toEqual({ profiles: [{ id: 'a' }], 'cookie.jar': 'sealed' });
  });

  it('keeps 0600 across rewrites and reads the document back in a new instance', async () => {
    const first = electronStoreBackend(options());
    first.store = { version: 1 };
    first.store = { version: 2 };
    expect(await mode(first.path)).toBe(0o600);
    expect(electronStoreBackend(options()).store).toEqual({ version: 2 });
  });

  it('tightens a file left with looser permissions as soon as it is opened', async () => {
    const file = path.join(dir, 'jira-session-manager.json');
    await writeFile(file, '{"version":1}', { mode: 0o644 });
    await chmod(file, 0o644);
    const store = electronStoreBackend(options());
    expect(await mode(file)).toBe(0o600);
    expect(store.store).toEqual({ version: 1 });
  });

  it('throws on a file it cannot parse instead of clearing it (the core keeps a backup)', async () => {
    const file = path.join(dir, 'jira-session-manager.json');
    await writeFile(file, '{ not json', { mode: 0o600 });
    expect(() => electronStoreBackend(options())).toThrow();
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });

  it('treats dotted keys as plain keys', () => {
    const store = electronStoreBackend(options());
    store.store = { 'a.b': 1 };
    expect(store.store).toEqual({ 'a.b': 1 });
    expect((store as unknown as { get(key: string): unknown }).get('a.b')).toBe(1);
  });

  it('checks a schema on open and on every write when one is given', () => {
    const store = openElectronStore({
      ...options({ configName: 'with-schema' }),
      schema: { count: { type: 'number' } },
    });
    store.store = { count: 1 };
    expect(() => {
      store.store = { count: 'one' };
    }).toThrow(/count/);
  });
});

describe('openWindowBoundsStore', () => {
  it('remembers bounds in window-state.json, mode 0600', async () => {
    const store = openWindowBoundsStore(dir);
    expect(store.load()).toBeUndefined();
    store.save({ x: 1, y: 2, width: 900, height: 700, maximized: false });
    expect(openWindowBoundsStore(dir).load()).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: false });
    expect(await mode(path.join(dir, 'window-state.json'))).toBe(0o600);
  });

  it('falls back to memory when its file is unreadable, and says so', async () => {
    await writeFile(path.join(dir, 'window-state.json'), 'garbage');
    const log = vi.fn();
    const store = openWindowBoundsStore(dir, log);
    expect(log).toHaveBeenCalledWith('warn', expect.stringContaining('Window position'), expect.any(Object));
    store.save({ width: 800, height: 600, maximized: true });
    expect(store.load()).toEqual({ width: 800, height: 600, maximized: true });
    expect(await readFile(path.join(dir, 'window-state.json'), 'utf8')).toBe('garbage');
  });
});

describe('openKeyedWindowBoundsStore', () => {
  it('keeps one position per key in web-window-state.json, mode 0600', async () => {
    const store = openKeyedWindowBoundsStore(dir);
    store('prod').save({ x: 1, y: 2, width: 900, height: 700, maximized: false });
    store('stage').save({ width: 800, height: 600, maximized: true });
    const reopened = openKeyedWindowBoundsStore(dir);
    expect(reopened('prod').load()).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: false });
    expect(reopened('stage').load()).toEqual({ width: 800, height: 600, maximized: true });
    expect(reopened('toString').load()).toBeUndefined();
    expect(await mode(path.join(dir, 'web-window-state.json'))).toBe(0o600);
  });

  it('falls back to memory when its file is unreadable, and leaves the file alone', async () => {
    await writeFile(path.join(dir, 'web-window-state.json'), '{"windows": {"prod": {"width": "wide"}}}');
    const log = vi.fn();
    const store = openKeyedWindowBoundsStore(dir, log);
    expect(log).toHaveBeenCalledWith('warn', expect.stringContaining('Window position'), expect.any(Object));
    expect(store('prod').load()).toBeUndefined();
    store('prod').save({ width: 800, height: 600, maximized: false });
    expect(store('prod').load()).toEqual({ width: 800, height: 600, maximized: false });
    expect(await readFile(path.join(dir, 'web-window-state.json'), 'utf8')).toContain('"wide"');
  });
});

describe('with the real core', () => {
  it('keeps the core’s document in a 0600 electron-store file that a restart reads back', async () => {
    const options = {
      dataDir: dir,
      cipher: createSafeStorageCipher(safeStorage, 'linux'),
      openStore: electronStoreBackend,
    };
    const core = await createAppCore(options);
    const saved = await core.invoke('profiles:save', makeProfileInput());
    await core.dispose();
    const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
    expect(files).toHaveLength(1);
    expect(await mode(path.join(dir, files[0] ?? ''))).toBe(0o600);
    const restarted = await createAppCore(options);
    await expect(restarted.invoke('profiles:list')).resolves.toEqual([saved]);
    await expect(restarted.invoke('app:info')).resolves.toMatchObject({ secretStorage: 'os-keychain' });
    await restarted.dispose();
  });
});
