import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesktopTray, trayIconFileName } from '../../electron/main/tray';
import type { DesktopTrayOptions } from '../../electron/main/tray';
import { FakeTray, Menu, clickMenuItem, flattenMenu, nativeImage, resetElectronMock } from './electron-mock';
import type { FakeMenu, FakeNativeImage } from './electron-mock';
import { profile, session } from '../support/model-fixtures';
import { changedStates, FakeCore } from './fake-core';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

const ICON_DIR = '/opt/app/assets/tray';

beforeEach(() => resetElectronMock());

async function setup(core: FakeCore, overrides: Partial<DesktopTrayOptions> = {}) {
  const options: DesktopTrayOptions = {
    core,
    iconDir: ICON_DIR,
    platform: 'linux',
    showWindow: vi.fn(),
    quit: vi.fn(),
    openExternal: vi.fn(async () => undefined),
    openInJira: vi.fn(async () => undefined),
    webLogin: vi.fn(async () => undefined),
    confirmLogoutAll: vi.fn(async () => true),
    ...overrides,
  };
  const desktopTray = await createDesktopTray(options);
  const tray = FakeTray.instances[0];
  if (!tray) throw new Error('no tray created');
  const menu = () => (tray.menu as FakeMenu).template;
  const label = (id: string) => flattenMenu(menu()).find((item) => item.id === id)?.label;
  return { desktopTray, tray, menu, label, options };
}

const iconPath = (tray: FakeTray) => (tray.image as FakeNativeImage).path;

describe('trayIconFileName', () => {
  it('uses template images on macOS and coloured ones elsewhere', () => {
    expect(trayIconFileName('some', 'darwin')).toBe('tray-someTemplate.png');
    expect(trayIconFileName('attention', 'win32')).toBe('tray-attention.png');
    expect(trayIconFileName('none', 'linux')).toBe('tray-none.png');
  });
});

describe('createDesktopTray', () => {
  it('starts from profiles:list and sessions:list', async () => {
    const core = new FakeCore([profile('a'), profile('b')], [session('a', 'signed-in')]);
    const { tray, label } = await setup(core);
    expect(core.callsOf('profiles:list')).toHaveLength(1);
    expect(core.callsOf('sessions:list')).toHaveLength(1);
    expect(label('status')).toBe('1 of 2 servers signed in');
    expect(tray.tooltip).toBe('Jira Session Manager: 1 of 2 servers signed in');
    expect(iconPath(tray)).toBe(path.join(ICON_DIR, 'tray-some.png'));
  });

  it('a tray sign-out reaches the core, and the next menu shows it', async () => {
    const core = new FakeCore([profile('a'), profile('b')], [session('a', 'signed-in'), session('b', 'signed-in')]);
    const { tray, menu, label } = await setup(core);
    expect(label('status')).toBe('2 of 2 servers signed in');
    const menusBefore = Menu.buildFromTemplate.mock.calls.length;

    clickMenuItem(menu(), 'logout:a');
    await vi.waitFor(() => expect(label('status')).toBe('1 of 2 servers signed in'));

    expect(core.callsOf('session:logout')).toEqual([['a']]);
    expect(label('status:a')).toBe('Signed out');
    expect(flattenMenu(menu()).find((item) => item.id === 'logout:a')?.enabled).toBe(false);
    expect(Menu.buildFromTemplate.mock.calls.length).toBe(menusBefore + 1);
    expect(tray.setContextMenu).toHaveBeenCalledTimes(Menu.buildFromTemplate.mock.calls.length);
  });

  it('sign-out of all asks first, then makes the one core call', async () => {
    const core = new FakeCore([profile('a'), profile('b')], [session('a', 'signed-in'), session('b', 'signed-in')]);
    const confirmLogoutAll = vi.fn(async () => true);
    const { tray, menu, label } = await setup(core, { confirmLogoutAll });
    clickMenuItem(menu(), 'logout-all');
    await vi.waitFor(() => expect(label('status')).toBe('0 of 2 servers signed in'));
    expect(confirmLogoutAll).toHaveBeenCalledWith(2);
    expect(core.callsOf('session:logoutAll')).toEqual([[]]);
    expect(core.callsOf('session:logout')).toEqual([]);
    expect(iconPath(tray)).toBe(path.join(ICON_DIR, 'tray-none.png'));
  });

  it('does not sign out of all when the user cancels', async () => {
    const core = new FakeCore([profile('a')], [session('a', 'signed-in')]);
    const confirmLogoutAll = vi.fn(async () => false);
    const { menu } = await setup(core, { confirmLogoutAll });
    clickMenuItem(menu(), 'logout-all');
    await vi.waitFor(() => expect(confirmLogoutAll).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(core.callsOf('session:logoutAll')).toEqual([]);
  });

  it('rebuilds after sessions:delta and profiles:changed, icon and tooltip included', async () => {
    const core = new FakeCore([profile('a')], [session('a', 'signed-in')]);
    const { tray, label } = await setup(core);
    core.emit('sessions:delta', { changed: [{ profileId: 'a', set: { status: 'expired' } }], removed: [] });
    await vi.waitFor(() => expect(iconPath(tray)).toBe(path.join(ICON_DIR, 'tray-attention.png')));
    expect(tray.tooltip).toBe('Jira Session Manager: 0 of 1 server signed in, 1 needs attention');
    core.emit('profiles:changed', [profile('a'), profile('b', { label: 'New server' })]);
    // The second rebuild within a second waits for the interval's trailing edge.
    await vi.waitFor(() => expect(label('server:b')).toBe('○ New server'), { timeout: 3000 });
    expect(label('status')).toBe('0 of 2 servers signed in');
  });

  it('replays the deltas that arrive during start-up onto the initial list', async () => {
    const core = new FakeCore([profile('a'), profile('b')], [session('a', 'signed-in'), session('b', 'signed-in')]);
    const invoke = core.invoke as (channel: string, ...args: unknown[]) => Promise<unknown>;
    core.invoke = (async (channel: string, ...args: unknown[]) => {
      if (channel === 'sessions:list') {
        const listed = core.sessions;
        core.emit('sessions:delta', changedStates([session('a', 'signed-out')], ['b']));
        return listed;
      }
      return invoke(channel, ...args);
    }) as FakeCore['invoke'];
    const { label } = await setup(core);
    expect(label('status:a')).toBe('Signed out');
    expect(label('status')).toBe('0 of 2 servers signed in');
  });

  it('rebuilds the menu at most once a second during a burst, and always shows the last state', async () => {
    vi.useFakeTimers();
    try {
      const ids = Array.from({ length: 20 }, (_, index) => `s${index}`);
      const core = new FakeCore(
        ids.map((id) => profile(id)),
        ids.map((id) => session(id, 'signed-in')),
      );
      const { tray, label } = await setup(core);
      const builtAtStart = tray.setContextMenu.mock.calls.length;
      // Twenty deltas ten times a second, as the core sends them during a refresh-all of two seconds.
      for (const id of ids) {
        core.emit('sessions:delta', { changed: [{ profileId: id, set: { status: 'expired' } }], removed: [] });
        await vi.advanceTimersByTimeAsync(100);
      }
      await vi.advanceTimersByTimeAsync(1000);
      const rebuilds = tray.setContextMenu.mock.calls.length - builtAtStart;
      expect(rebuilds).toBeGreaterThanOrEqual(2);
      expect(rebuilds).toBeLessThanOrEqual(3);
      expect(label('status')).toBe('0 of 20 servers signed in');
      expect(tray.tooltip).toBe('Jira Session Manager: 0 of 20 servers signed in, 20 need attention');
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens a server in the browser through the injected opener', async () => {
    const core = new FakeCore([profile('a', { baseUrl: 'https://jira.example.com/jira' })], []);
    const { menu, options } = await setup(core);
    clickMenuItem(menu(), 'open:a');
    expect(options.openExternal).toHaveBeenCalledWith('https://jira.example.com/jira');
  });

  it("opens Jira signed in, and a web profile's login page, through the web windows", async () => {
    const core = new FakeCore([profile('a', { signInMethod: 'web' })], [session('a', 'expired')]);
    const { menu, options } = await setup(core);
    clickMenuItem(menu(), 'jira:a');
    expect(options.openInJira).toHaveBeenCalledWith('a');
    clickMenuItem(menu(), 'web-login:a');
    expect(options.webLogin).toHaveBeenCalledWith('a');
  });

  it('shows the window on a click of the icon (not on macOS) and from the menu', async () => {
    const core = new FakeCore();
    const linux = await setup(core);
    linux.tray.emit('click');
    clickMenuItem(linux.menu(), 'show-window');
    expect(linux.options.showWindow).toHaveBeenCalledTimes(2);
    clickMenuItem(linux.menu(), 'quit');
    expect(linux.options.quit).toHaveBeenCalledTimes(1);
    resetElectronMock();
    const mac = await setup(new FakeCore(), { platform: 'darwin' });
    expect(mac.tray.listenerCount('click')).toBe(0);
    expect(iconPath(mac.tray)).toBe(path.join(ICON_DIR, 'tray-noneTemplate.png'));
  });

  it('logs a failed sign-out without secrets and keeps working', async () => {
    const core = new FakeCore([profile('a')], [session('a', 'signed-in')]);
    const log = vi.fn();
    const { menu, label } = await setup(core, { log });
    core.failures.set('session:logout', Object.assign(new Error('JSESSIONID=abc'), { kind: 'unreachable' }));
    clickMenuItem(menu(), 'logout:a');
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('warn', 'Tray: sign-out failed', { kind: 'unreachable' }));
    expect(JSON.stringify(log.mock.calls)).not.toContain('JSESSIONID');
    expect(label('status')).toBe('1 of 1 server signed in');
  });

  it('loads each icon once and unsubscribes and destroys the tray on dispose', async () => {
    const core = new FakeCore([profile('a')], [session('a', 'signed-in')]);
    const { desktopTray, tray } = await setup(core);
    core.emit('sessions:delta', changedStates([session('a', 'signed-in')]));
    core.emit('sessions:delta', changedStates([session('a', 'signed-in')]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const loaded = nativeImage.createFromPath.mock.calls.map(([file]) => path.basename(file));
    expect(loaded).toEqual(['tray-none.png', 'tray-some.png']);
    desktopTray.dispose();
    expect(core.listenerCount('sessions:delta')).toBe(0);
    expect(core.listenerCount('profiles:changed')).toBe(0);
    expect(tray.destroy).toHaveBeenCalledTimes(1);
  });
});

describe('createDesktopTray: admin access', () => {
  it('ends admin access everywhere through websudo:releaseAll', async () => {
    const core = new FakeCore([profile('a')], [session('a', 'signed-in', { adminLevel: 'system-admin' })]);
    const { menu } = await setup(core);
    clickMenuItem(menu(), 'release-admin-all');
    await vi.waitFor(() => expect(core.callsOf('websudo:releaseAll')).toEqual([[]]));
  });
});
