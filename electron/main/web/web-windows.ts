// Jira's web UI in windows of the app, one per profile, each on the profile's own in-memory partition holding the
// profile's cookies. A window opened with `open` works in the server's pages and hands cookie changes to the core
// (`sync`); a window in sign-in mode follows the server to its identity provider and hands the cookies the sign-in
// produced to the core (`adoptSignIn`) until they name a signed-in user.
import { session as electronSession } from 'electron';
import { appError } from '../../core/errors';
import type { LogSink } from '../../core/ports';
import type { WebCookie, WebSessionChange, WebSessionPort } from '../../core/web/web-session-port';
import type { ServerProfile, SessionState } from '../../shared/model';
import { DEFAULT_WEB_PATH, webPageUrl, webPathProblem } from '../../shared/web-pages';
import { guardSession } from '../navigation-guards';
import { openKeyedWindowBoundsStore } from '../window-bounds-store';
import { sessionCookieValue } from './electron-cookies';
import { createCookieSync } from './web-cookie-sync';
import type { CookieSync } from './web-cookie-sync';
import { guardJiraSession } from './web-guards';
import { BAR_PARTITION, createWebWindow } from './web-window';
import type { WebWindow } from './web-window';

export interface WebWindowsOptions {
  port: WebSessionPort;
  /** The saved profile (label, baseUrl, environment); rejects with a not-found AppError for an unknown id. */
  profile(profileId: string): Promise<ServerProfile>;
  /** The profile's state now, for a web sign-in that was cancelled. */
  state(profileId: string): Promise<SessionState>;
  /** Electron's shell.openExternal, for http(s) links that leave the server. */
  openExternal(url: string): void;
  /** For the remembered window sizes. */
  dataDir: string;
  isPackaged: boolean;
  log?: LogSink;
}

export interface WebWindows {
  /** Opens (or focuses and navigates) the profile's window on a path of its server. */
  open(profileId: string, path?: string): Promise<void>;
  /** Signs in on the server's own login page; resolves with the state after it, or as it was when cancelled. */
  signIn(profileId: string): Promise<SessionState>;
  /** Closes the profile's window and clears its partition. */
  closeProfile(profileId: string): Promise<void>;
  /** Every window closed, every partition cleared. */
  dispose(): Promise<void>;
}

/** Never a persistent (persist:) partition: nothing of a web session may outlive the app but the core's sealed jar. */
export const partitionName = (profileId: string): string => `jira-web:${profileId}`;

/** Jira's login page, which sends a server with single sign-on to its identity provider. */
export const SIGN_IN_PATH = `/login.jsp?os_destination=${encodeURIComponent(DEFAULT_WEB_PATH)}`;

/** Electron's network error code (ERR_CONNECTION_REFUSED) or the error's name: never a message, which may hold a URL. */
function errorSummary(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : typeof error;
}

interface PendingSignIn {
  promise: Promise<SessionState>;
  resolve(state: SessionState): void;
  reject(error: unknown): void;
}

function pendingSignIn(): PendingSignIn {
  let resolve!: (state: SessionState) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<SessionState>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

interface Entry {
  window: WebWindow;
  sync: CookieSync;
  baseUrl: string;
  /** Opened by `signIn`, so closed once the sign-in is done. */
  openedForSignIn: boolean;
  pending?: PendingSignIn;
  /** Settled once the jar's cookies are in the partition. */
  ready: Promise<void>;
}

export function createWebWindows(options: WebWindowsOptions): WebWindows {
  const { port } = options;
  const entries = new Map<string, Entry>();
  const usedPartitions = new Set<string>();
  const guardedSessions = new Set<string>();
  const boundsStore = openKeyedWindowBoundsStore(options.dataDir, options.log);
  const warn = (message: string, profileId: string, error?: unknown): void =>
    options.log?.('warn', message, {
      profileId,
      ...(error === undefined ? {} : { error: errorSummary(error) }),
    });

  const fromPartition = (name: string): Electron.Session => {
    const partition = electronSession.fromPartition(name);
    if (!guardedSessions.has(name)) {
      guardedSessions.add(name);
      if (name === BAR_PARTITION) guardSession(partition);
      else guardJiraSession(partition);
    }
    return partition;
  };

  const finishSignIn = (entry: Entry, state: SessionState): void => {
    entry.window.setMode('work');
    const pending = entry.pending;
    entry.pending = undefined;
    pending?.resolve(state);
    if (entry.openedForSignIn) entry.window.close();
  };

  const handOver = async (profileId: string, entry: Entry, cookies: WebCookie[]): Promise<void> => {
    if (entry.window.mode() === 'work') return port.sync(profileId, cookies);
    // A sign-in is done only when there is a session cookie to check.
    if (sessionCookieValue(cookies) === undefined) return;
    const state = await port.adoptSignIn(profileId, cookies);
    if (state !== null && entries.get(profileId) === entry) finishSignIn(entry, state);
  };

  /** The profile's window, made and loaded unless another call made it meanwhile (then `created` is false). */
  const openWindow = async (
    profileId: string,
    path: string,
    pending?: PendingSignIn,
  ): Promise<{ entry: Entry; created: boolean }> => {
    const profile = await options.profile(profileId);
    const jar = await port.cookies(profileId);
    const existing = entries.get(profileId);
    if (existing) return { entry: existing, created: false };
    const partition = partitionName(profileId);
    fromPartition(BAR_PARTITION);
    fromPartition(partition);
    usedPartitions.add(partition);
    const window = createWebWindow({
      profile,
      partition,
      mode: pending ? 'sign-in' : 'work',
      isPackaged: options.isPackaged,
      boundsStore: boundsStore(profileId),
      openExternal: options.openExternal,
      onSignInRedirect: () => options.log?.('info', 'The server asked for a sign-in in its web window', { profileId }),
      onClosed: () => void closed(profileId, entry),
      onError: (error) => warn('Web window problem', profileId, error),
    });
    const sync = createCookieSync({
      session: window.session,
      serverUrl: new URL(profile.baseUrl),
      onCookies: (cookies) => handOver(profileId, entry, cookies),
      onError: (error) => warn('Web session cookies not handed over', profileId, error),
    });
    // A sign-in is waited for from the start, so one that finishes (or a window closed) at once still settles it.
    const entry: Entry = {
      window,
      sync,
      baseUrl: profile.baseUrl,
      openedForSignIn: pending !== undefined,
      pending,
      ready: Promise.resolve(),
    };
    entries.set(profileId, entry);
    // Every cookie is in before the first request, or a cluster sends it to another node without the session.
    entry.ready = sync.copyIn(jar);
    try {
      await entry.ready;
    } catch (error) {
      warn('Web session cookies not copied in', profileId, error);
    }
    if (!window.isClosed()) window.load(webPageUrl(profile.baseUrl, path));
    return { entry, created: true };
  };

  const closed = async (profileId: string, entry: Entry): Promise<void> => {
    entry.sync.dispose();
    if (entries.get(profileId) === entry) entries.delete(profileId);
    const pending = entry.pending;
    entry.pending = undefined;
    // Cancelled: the state as it is (a removed profile's not-found error reaches the caller).
    if (pending) await options.state(profileId).then(pending.resolve, pending.reject);
  };

  const clearPartition = async (partition: string): Promise<void> => {
    await electronSession.fromPartition(partition).clearStorageData();
    usedPartitions.delete(partition);
  };

  const closeProfile = async (profileId: string): Promise<void> => {
    entries.get(profileId)?.window.close();
    const partition = partitionName(profileId);
    if (usedPartitions.has(partition)) await clearPartition(partition);
  };

  const unsubscribe = port.onChange((change: WebSessionChange) => {
    if (change.kind === 'ended') {
      closeProfile(change.profileId).catch((error: unknown) =>
        warn('Web session not cleared', change.profileId, error),
      );
      return;
    }
    const entry = entries.get(change.profileId);
    // A window signing in is making its own session; the jar's would overwrite it before it is adopted.
    if (!entry || entry.window.mode() === 'sign-in') return;
    port
      .cookies(change.profileId)
      .then((cookies) => entry.sync.copyIn(cookies))
      .catch((error: unknown) => warn('Web session cookies not copied in', change.profileId, error));
  });

  /** A second `open` focuses the window and goes to the page, unless it is in the middle of a sign-in. */
  const revisit = async (entry: Entry, path: string): Promise<void> => {
    entry.window.focus();
    if (entry.pending) return;
    await entry.ready.catch(() => undefined);
    if (!entry.window.isClosed()) entry.window.load(webPageUrl(entry.baseUrl, path));
  };

  /** A second `signIn` shares the first one's promise; a window of the web UI switches to sign-in and stays. */
  const joinSignIn = (entry: Entry): Promise<SessionState> => {
    entry.window.focus();
    if (entry.pending) return entry.pending.promise;
    entry.pending = pendingSignIn();
    entry.window.setMode('sign-in');
    entry.window.load(webPageUrl(entry.baseUrl, SIGN_IN_PATH));
    return entry.pending.promise;
  };

  return {
    async open(profileId, path = DEFAULT_WEB_PATH) {
      const problem = webPathProblem(path);
      if (problem) throw appError('invalid-input', problem, { field: 'path' });
      const existing = entries.get(profileId);
      const opened = existing ? { entry: existing, created: false } : await openWindow(profileId, path);
      if (!opened.created) await revisit(opened.entry, path);
    },
    async signIn(profileId) {
      const existing = entries.get(profileId);
      if (existing) return joinSignIn(existing);
      const pending = pendingSignIn();
      const opened = await openWindow(profileId, SIGN_IN_PATH, pending);
      return opened.created ? pending.promise : joinSignIn(opened.entry);
    },
    closeProfile,
    async dispose() {
      unsubscribe();
      for (const entry of entries.values()) entry.window.close();
      await Promise.all([...usedPartitions].map(clearPartition));
    },
  };
}
