// The updates in the shell: the menu entries, the answer to a check from a menu, the window's updates:changed, the
// notification when an update is ready and "Restart to Update" — with electron mocked and the real electron-updater
// against a local feed (see update-controller.test.ts for the feed's failures and the daily limit).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-mock').then((mock) => mock.electronModule));

import * as electron from '../electron-mock';
import { provideElectronToRequire } from './electron-for-require';
import { startUpdateFeed, type UpdateFeedServer } from './update-feed-server';
import { createDesktopUpdates, type DesktopUpdates } from '../../../electron/main/updates/desktop-updates';
import type { Updater } from '../../../electron/main/updates/update-controller';

let restoreRequire: () => void;
let root: string;
let feed: UpdateFeedServer | undefined;
let updates: DesktopUpdates | undefined;
const doInstall = vi.fn(() => true);
const processWithResources = process as NodeJS.Process & { resourcesPath?: string };
const originalResourcesPath = processWithResources.resourcesPath;
const originalCacheHome = process.env.XDG_CACHE_HOME;

async function realDebUpdater(): Promise<Updater> {
  const { DebUpdater } = await import('electron-updater');
  return Object.assign(new DebUpdater(), { doInstall });
}

function desktopUpdates(notifications = true) {
  const window = new electron.FakeBrowserWindow();
  window.visible = true;
  const options = {
    dataDir: path.join(root, 'user-data'),
    window: () => window as unknown as BrowserWindow,
    settings: vi.fn(async () => ({ notifications })),
    notify: vi.fn(),
    onMenuChange: vi.fn(),
    beforeInstall: vi.fn(),
    loadUpdater: realDebUpdater,
  };
  updates = createDesktopUpdates(options);
  return { updates, window, options };
}

const sentStates = (window: electron.FakeBrowserWindow) =>
  window.webContents.send.mock.calls.filter(([event]) => event === 'updates:changed').map(([, state]) => state);

beforeAll(() => {
  restoreRequire = provideElectronToRequire(electron.electronModule);
});
afterAll(() => restoreRequire());

beforeEach(() => {
  electron.resetElectronMock();
  doInstall.mockClear();
  root = mkdtempSync(path.join(os.tmpdir(), 'jsm-desktop-updates-'));
  mkdirSync(path.join(root, 'resources'));
  mkdirSync(path.join(root, 'user-data'));
  processWithResources.resourcesPath = path.join(root, 'resources');
  process.env.XDG_CACHE_HOME = path.join(root, 'cache');
  electron.app.isPackaged = true;
  electron.app.paths = { userData: path.join(root, 'user-data') };
});

afterEach(async () => {
  updates?.dispose();
  updates = undefined;
  await feed?.close();
  feed = undefined;
  processWithResources.resourcesPath = originalResourcesPath;
  if (originalCacheHome === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = originalCacheHome;
  rmSync(root, { recursive: true, force: true });
});

async function withFeed(): Promise<void> {
  feed = await startUpdateFeed('newer');
  writeFileSync(
    path.join(root, 'resources', 'app-update.yml'),
    `provider: generic\nurl: ${feed.url}\nupdaterCacheDirName: jira-session-manager-updater\n`,
  );
}

describe('updates in the desktop shell', () => {
  it('Check for Updates… in a menu answers in a message box, and Restart to Update installs once it is ready', async () => {
    await withFeed();
    const { updates, window, options } = desktopUpdates();
    expect(updates.menuItems()).toEqual([
      expect.objectContaining({ id: 'check-updates', label: 'Check for Updates…' }),
    ]);

    electron.clickMenuItem(updates.menuItems(), 'check-updates');
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled());
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ message: 'Version 0.2.0 is available; downloading it in the background.' }),
    );

    await vi.waitFor(() => expect(updates.controller.state().status).toBe('downloaded'), { timeout: 10_000 });
    await vi.waitFor(() =>
      expect(options.notify).toHaveBeenCalledWith({
        title: 'Version 0.2.0 is ready',
        body: 'Restart the app to update it.',
      }),
    );
    const statuses = sentStates(window).map((state) => (state as { status: string }).status);
    expect(statuses[0]).toBe('checking');
    expect(statuses.at(-1)).toBe('downloaded');
    expect(options.onMenuChange).toHaveBeenCalled();
    expect(doInstall).not.toHaveBeenCalled();

    const items = updates.menuItems();
    expect(items).toEqual([expect.objectContaining({ id: 'install-update', label: 'Restart to Update (0.2.0)' })]);
    electron.clickMenuItem(items, 'install-update');
    expect(options.beforeInstall).toHaveBeenCalledTimes(1);
    expect(doInstall).toHaveBeenCalledTimes(1);
  });

  it('a ready update shows no notification while notifications are off', async () => {
    await withFeed();
    const { updates, options } = desktopUpdates(false);
    await updates.handlers['updates:check']();
    await vi.waitFor(() => expect(updates.controller.state().status).toBe('downloaded'), { timeout: 10_000 });
    await vi.waitFor(() => expect(options.settings).toHaveBeenCalled());
    expect(options.notify).not.toHaveBeenCalled();
  });

  it('without a feed the menu check says updates are not configured, and the channels say so too', async () => {
    const { updates } = desktopUpdates();
    expect(await updates.handlers['updates:state']()).toEqual({
      status: 'disabled',
      currentVersion: '0.1.0',
      message: 'Updates are not configured for this build.',
    });
    electron.clickMenuItem(updates.menuItems(), 'check-updates');
    await vi.waitFor(() =>
      expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({ message: 'Updates are not configured for this build.', buttons: ['OK'] }),
      ),
    );
    expect((await updates.handlers['updates:check']()).status).toBe('disabled');
    await expect(updates.handlers['updates:install']()).rejects.toMatchObject({ kind: 'invalid-input' });
  });
});
