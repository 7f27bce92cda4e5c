// Drives electron-updater: at most one automatic check a day (the last one's time is kept on disk), a check the
// person asks for at any time, the download in the background, and the install only when the person says so. The
// updater comes from an injected loader, so nothing of electron-updater loads before the first check and tests can
// hand in one of their own; its events feed the pure state machine in shared/updates.ts.
import type { AppUpdater } from 'electron-updater';
import { AppError, type LogSink } from '../../core';
import {
  initialUpdateState,
  isAutomaticCheckDue,
  isUpdateBusy,
  nextUpdateState,
  type UpdateEvent,
  type UpdateState,
} from '../../shared/updates';
import { describeUpdateError, updateErrorCode } from './update-errors';

/** What the controller uses of electron-updater's AppUpdater (its `autoUpdater` is one). */
export type Updater = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'on' | 'removeListener' | 'checkForUpdates' | 'quitAndInstall'
>;

/** Whether this build can update itself; decided once, before anything is loaded. */
export type UpdateFeed = { enabled: true } | { enabled: false; message: string };

/** Where the time of the last check (ISO 8601) is kept between runs. */
export interface LastCheckStore {
  load(): string | undefined;
  save(at: string): void;
}

export interface UpdateControllerOptions {
  currentVersion: string;
  feed: UpdateFeed;
  loadUpdater(): Promise<Updater>;
  lastCheck: LastCheckStore;
  now?: () => number;
  /** A feed that has not answered by then counts as failed (Electron's net requests have no timeout of their own). */
  checkTimeoutMs?: number;
  /** The first automatic check waits this long after start, so it never slows the start-up down. */
  firstCheckDelayMs?: number;
  /** How often it looks whether the daily check is due, for an app that runs for days. */
  dueCheckIntervalMs?: number;
  /** Called just before the app quits to install (main lets the window close instead of hiding it). */
  beforeInstall?(): void;
  log?: LogSink;
}

export interface UpdateController {
  state(): UpdateState;
  onChange(listener: (state: UpdateState) => void): () => void;
  /** The person asked: checks now, whatever the daily limit says. Answers once the feed has (or failed). */
  check(): Promise<UpdateState>;
  /** An automatic check: goes out only when the last one is a day old. */
  checkIfDue(): Promise<UpdateState>;
  /** Quits and installs the downloaded update, then starts the new version. */
  install(): void;
  /** Starts the automatic checks. */
  start(): void;
  dispose(): void;
}

export const CHECK_TIMEOUT_MS = 60_000;
const FIRST_CHECK_DELAY_MS = 30_000;
const DUE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const now = options.now ?? Date.now;
  const timeoutMs = options.checkTimeoutMs ?? CHECK_TIMEOUT_MS;
  const listeners = new Set<(state: UpdateState) => void>();
  const timers: ReturnType<typeof setTimeout>[] = [];
  const detach: (() => void)[] = [];
  let state = initialUpdateState(options.currentVersion);
  let loaded: Updater | null = null;
  let disposed = false;

  const dispatch = (event: UpdateEvent): void => {
    const next = nextUpdateState(state, event);
    if (JSON.stringify(next) === JSON.stringify(state)) return;
    state = next;
    for (const listener of listeners) listener(state);
  };
  const at = (): string => new Date(now()).toISOString();
  const failed = (error: unknown): void => {
    options.log?.('warn', 'Update failed', { code: updateErrorCode(error) ?? 'unknown' });
    dispatch({ type: 'failed', message: describeUpdateError(error) });
  };

  const wire = (target: Updater): Updater => {
    // Downloads run in the background; installing waits for the person, also when they simply quit.
    target.autoDownload = true;
    target.autoInstallOnAppQuit = false;
    const log = options.log;
    target.logger = log
      ? {
          info: (message?: unknown) => log('debug', `Updater: ${String(message)}`),
          warn: (message?: unknown) => log('debug', `Updater: ${String(message)}`),
          // Its errors arrive as events too; the log gets their code there, not a stack with URLs here.
          error: () => undefined,
        }
      : null;
    const on = <E extends Parameters<Updater['on']>[0]>(event: E, listener: Parameters<Updater['on']>[1]): void => {
      target.on(event, listener as never);
      detach.push(() => target.removeListener(event, listener as never));
    };
    on('checking-for-update', () => dispatch({ type: 'checking' }));
    on('update-available', (info: { version: string }) =>
      dispatch({ type: 'available', version: info.version, at: at() }),
    );
    on('update-not-available', () => dispatch({ type: 'not-available', at: at() }));
    on('download-progress', (progress: { percent: number }) =>
      dispatch({ type: 'progress', percent: progress.percent }),
    );
    on('update-downloaded', (event: { version: string }) => dispatch({ type: 'downloaded', version: event.version }));
    on('error', (error: Error) => failed(error));
    return target;
  };

  /** The check, or a rejection once the feed has been silent for too long. */
  const withTimeout = async <T>(check: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silent = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('Request timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
    });
    try {
      return await Promise.race([check, silent]);
    } finally {
      clearTimeout(timer);
    }
  };

  const load = async (): Promise<Updater> => {
    loaded ??= wire(await options.loadUpdater());
    return loaded;
  };

  const run = async (): Promise<UpdateState> => {
    options.lastCheck.save(at());
    dispatch({ type: 'checking' });
    try {
      const result = await withTimeout((await load()).checkForUpdates());
      if (result === null) {
        // electron-updater itself declined: an AppImage run without APPIMAGE, a snap, an unpacked folder.
        dispatch({ type: 'disabled', message: 'This copy of the app cannot update itself.' });
      } else if (!result.isUpdateAvailable) {
        dispatch({ type: 'not-available', at: at() });
      } else {
        // Its failures arrive as 'error' events as well; the promise only must not go unhandled.
        result.downloadPromise?.catch(() => undefined);
      }
    } catch (error) {
      failed(error);
    }
    return state;
  };

  const canCheck = (): boolean => !disposed && state.status !== 'disabled' && state.status !== 'downloaded';
  const check = async (): Promise<UpdateState> => (canCheck() && !isUpdateBusy(state) ? run() : state);
  const checkIfDue = async (): Promise<UpdateState> =>
    canCheck() && !isUpdateBusy(state) && isAutomaticCheckDue(options.lastCheck.load(), now()) ? run() : state;

  if (!options.feed.enabled) dispatch({ type: 'disabled', message: options.feed.message });

  return {
    state: () => state,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    check,
    checkIfDue,
    install: () => {
      if (state.status !== 'downloaded' || !loaded) {
        throw new AppError({ kind: 'invalid-input', message: 'No update has been downloaded yet.' });
      }
      options.beforeInstall?.();
      // Silent, then the new version starts: the person already said "Restart to update".
      loaded.quitAndInstall(true, true);
    },
    start: () => {
      if (!canCheck()) return;
      // run() never rejects: every failure becomes the error state.
      const automatic = (): void => void checkIfDue();
      timers.push(setTimeout(automatic, options.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS));
      timers.push(setInterval(automatic, options.dueCheckIntervalMs ?? DUE_CHECK_INTERVAL_MS));
    },
    dispose: () => {
      disposed = true;
      timers.splice(0).forEach((timer) => clearTimeout(timer));
      detach.splice(0).forEach((remove) => remove());
      listeners.clear();
    },
  };
}
