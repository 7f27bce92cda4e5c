// The update controller driving the real electron-updater (its DebUpdater, as a .deb install gets, and the
// `autoUpdater` main loads) against a real feed on 127.0.0.1, with only Electron mocked: app (version, packaged,
// paths, quit), net.request over real HTTP, session. resources/app-update.yml is written as electron-builder writes it
// for a `generic` publish feed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-mock').then((mock) => mock.electronModule));

import * as electron from '../electron-mock';
import { provideElectronToRequire } from './electron-for-require';
import { ARTIFACT_NAME, startUpdateFeed, type FeedMode, type UpdateFeedServer } from './update-feed-server';
import {
  createUpdateController,
  type UpdateController,
  type Updater,
} from '../../../electron/main/updates/update-controller';
import { detectUpdateFeed, loadElectronUpdater } from '../../../electron/main/updates/update-feed';
import { openLastCheckStore } from '../../../electron/main/updates/last-check-store';
import { AUTOMATIC_CHECK_INTERVAL_MS, type UpdateState } from '../../../electron/shared/updates';

const DAY = AUTOMATIC_CHECK_INTERVAL_MS;
const START = Date.parse('2026-12-01T09:00:00.000Z');
const CACHE_DIR_NAME = 'jira-session-manager-updater';

let restoreRequire: () => void;
let root: string;
let resources: string;
let userData: string;
let feed: UpdateFeedServer;
const controllers: UpdateController[] = [];
const processWithResources = process as NodeJS.Process & { resourcesPath?: string };
const originalResourcesPath = processWithResources.resourcesPath;
const originalCacheHome = process.env.XDG_CACHE_HOME;

/** What electron-builder writes into resources/ for `publish: { provider: generic, url }`. */
function writeAppUpdateYml(url: string): void {
  writeFileSync(
    path.join(resources, 'app-update.yml'),
    `provider: generic\nurl: ${url}\nupdaterCacheDirName: ${CACHE_DIR_NAME}\n`,
  );
}

interface Installed {
  updater: Updater;
  doInstall: ReturnType<typeof vi.fn>;
}
let installed: Installed[] = [];

/** A fresh DebUpdater, built as electron-updater builds its autoUpdater; only running dpkg is replaced. */
async function realDebUpdater(): Promise<Updater> {
  const { DebUpdater } = await import('electron-updater');
  const updater = new DebUpdater();
  const doInstall = vi.fn(() => true);
  Object.assign(updater, { doInstall });
  installed.push({ updater, doInstall });
  return updater;
}

function controller(
  options: { now?: () => number; checkTimeoutMs?: number; loadUpdater?: () => Promise<Updater> } = {},
) {
  const made = createUpdateController({
    currentVersion: electron.app.getVersion(),
    feed: detectUpdateFeed({ isPackaged: electron.app.isPackaged, resourcesPath: processWithResources.resourcesPath }),
    loadUpdater: options.loadUpdater ?? realDebUpdater,
    lastCheck: openLastCheckStore(userData),
    now: options.now ?? (() => START),
    checkTimeoutMs: options.checkTimeoutMs ?? 10_000,
    beforeInstall: vi.fn(),
  });
  controllers.push(made);
  return made;
}

async function settled(made: UpdateController, status: UpdateState['status']): Promise<UpdateState> {
  await vi.waitFor(() => expect(made.state().status).toBe(status), { timeout: 10_000 });
  return made.state();
}

async function useFeed(mode: FeedMode): Promise<void> {
  feed = await startUpdateFeed(mode);
  writeAppUpdateYml(feed.url);
}

beforeAll(() => {
  restoreRequire = provideElectronToRequire(electron.electronModule);
});
afterAll(() => restoreRequire());

beforeEach(() => {
  electron.resetElectronMock();
  root = mkdtempSync(path.join(os.tmpdir(), 'jsm-updates-'));
  resources = path.join(root, 'resources');
  userData = path.join(root, 'user-data');
  mkdirSync(resources);
  mkdirSync(userData);
  // A .deb install: electron-updater picks its DebUpdater from this file.
  writeFileSync(path.join(resources, 'package-type'), 'deb');
  processWithResources.resourcesPath = resources;
  process.env.XDG_CACHE_HOME = path.join(root, 'cache');
  electron.app.isPackaged = true;
  electron.app.version = '0.1.0';
  electron.app.paths = { userData };
});

afterEach(async () => {
  controllers.splice(0).forEach((made) => made.dispose());
  installed = [];
  await feed?.close();
  processWithResources.resourcesPath = originalResourcesPath;
  if (originalCacheHome === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = originalCacheHome;
  rmSync(root, { recursive: true, force: true });
});

describe('updates against a local feed', () => {
  it('finds the newer version, downloads it in the background with its sha512 checked, and installs only when asked', async () => {
    await useFeed('newer');
    const updates = controller();
    const seen: string[] = [];
    updates.onChange((state) => seen.push(state.status));

    const answered = await updates.check();
    expect(answered.version).toBe('0.2.0');
    const ready = await settled(updates, 'downloaded');
    expect(ready).toMatchObject({ status: 'downloaded', version: '0.2.0', currentVersion: '0.1.0' });
    expect(seen.slice(0, 2)).toEqual(['checking', 'available']);
    expect(feed.hits(`/${ARTIFACT_NAME}`)).toBe(1);

    const file = path.join(root, 'cache', CACHE_DIR_NAME, 'pending', ARTIFACT_NAME);
    expect(existsSync(file)).toBe(true);
    expect(createHash('sha512').update(readFileSync(file)).digest('base64')).toBe(feed.sha512);

    // Downloaded is not installed: not by itself, and not when the person just quits.
    const [{ doInstall }] = installed as [Installed];
    electron.app.emit('quit', {}, 0);
    expect(doInstall).not.toHaveBeenCalled();
    expect(electron.app.quit).not.toHaveBeenCalled();

    updates.install();
    expect(doInstall).toHaveBeenCalledWith({ isSilent: true, isForceRunAfter: true, isAdminRightsRequired: false });
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
  });

  it('refuses to install before an update has been downloaded', async () => {
    await useFeed('same');
    const updates = controller();
    expect(() => updates.install()).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
    await updates.check();
    expect(() => updates.install()).toThrow('No update has been downloaded yet.');
    expect(installed[0]?.doInstall).not.toHaveBeenCalled();
  });

  it('says up to date when the feed names the running version', async () => {
    await useFeed('same');
    const updates = controller();
    const state = await updates.check();
    expect(state).toEqual({ status: 'up-to-date', currentVersion: '0.1.0', checkedAt: new Date(START).toISOString() });
    expect(feed.hits('/latest')).toBe(1);
    expect(feed.hits(`/${ARTIFACT_NAME}`)).toBe(0);
  });

  it('the main loader gives electron-updater’s own autoUpdater, which reads app-update.yml', async () => {
    await useFeed('same');
    const updates = controller({ loadUpdater: loadElectronUpdater });
    const state = await updates.check();
    expect(state.status).toBe('up-to-date');
    const { autoUpdater, DebUpdater } = await import('electron-updater');
    expect(autoUpdater).toBeInstanceOf(DebUpdater);
    expect(autoUpdater.autoInstallOnAppQuit).toBe(false);
    expect(feed.hits('/latest')).toBe(1);
  });

  it('checks automatically at most once a day, across restarts, while a check the person asks for always goes out', async () => {
    await useFeed('same');
    let now = START;
    const first = controller({ now: () => now });
    expect((await first.checkIfDue()).status).toBe('up-to-date');
    expect(feed.hits('/latest')).toBe(1);
    first.dispose();

    // A restart an hour later: the time of the last check was kept on disk.
    now = START + 60 * 60 * 1000;
    const second = controller({ now: () => now });
    expect((await second.checkIfDue()).status).toBe('idle');
    now = START + DAY - 1;
    await second.checkIfDue();
    expect(feed.hits('/latest')).toBe(1);

    expect((await second.check()).status).toBe('up-to-date');
    expect(feed.hits('/latest')).toBe(2);

    // The manual check counts too: a day after it, the automatic one goes out again.
    now = START + 2 * DAY - 2;
    await second.checkIfDue();
    expect(feed.hits('/latest')).toBe(2);
    now = START + 2 * DAY - 1;
    await second.checkIfDue();
    expect(feed.hits('/latest')).toBe(3);
  });

  it('start() runs the automatic check after its delay, once', async () => {
    await useFeed('same');
    const updates = createUpdateController({
      currentVersion: '0.1.0',
      feed: { enabled: true },
      loadUpdater: realDebUpdater,
      lastCheck: openLastCheckStore(userData),
      firstCheckDelayMs: 10,
      dueCheckIntervalMs: 20,
    });
    controllers.push(updates);
    updates.start();
    await settled(updates, 'up-to-date');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(feed.hits('/latest')).toBe(1);
  });

  it('is disabled when the build has no feed: no app-update.yml, or not packaged', async () => {
    feed = await startUpdateFeed('newer');
    const loadUpdater = vi.fn(realDebUpdater);
    const unconfigured = controller({ loadUpdater });
    expect(unconfigured.state()).toEqual({
      status: 'disabled',
      currentVersion: '0.1.0',
      message: 'Updates are not configured for this build.',
    });
    expect((await unconfigured.check()).status).toBe('disabled');
    expect((await unconfigured.checkIfDue()).status).toBe('disabled');
    expect(() => unconfigured.install()).toThrow(expect.objectContaining({ kind: 'invalid-input' }));

    writeAppUpdateYml(feed.url);
    electron.app.isPackaged = false;
    const fromSource = controller({ loadUpdater });
    expect(fromSource.state().status).toBe('disabled');
    expect(fromSource.state().message).toMatch(/^Updates are not configured for this build/);
    await fromSource.check();

    expect(loadUpdater).not.toHaveBeenCalled();
    expect(feed.requests.size).toBe(0);
  });

  it.each([
    ['missing', 'The update server has no release information for this app (404 Not Found).'],
    ['html', 'The update server answered with something other than release information (a web page, perhaps).'],
    ['silent', 'The update server did not answer in time.'],
    ['corrupt-artifact', 'The downloaded update did not match its checksum, so it was thrown away.'],
  ] as const)('a feed that answers %s ends in the error state with a plain message', async (mode, message) => {
    await useFeed(mode);
    const updates = controller({ checkTimeoutMs: 500 });
    await updates.check();
    const state = await settled(updates, 'error');
    expect(state.message).toBe(message);
    expect(state.message).not.toMatch(/\bat |127\.0\.0\.1|Error:/);
    expect(() => updates.install()).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
    expect(installed[0]?.doInstall).not.toHaveBeenCalled();
  });
});
