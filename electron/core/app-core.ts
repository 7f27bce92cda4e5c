// The whole main-process brain, without Electron: profiles, sealed sessions and every Jira call, served over
// the contract's channels. main registers each channel on ipcMain to `invoke`; the tray, the end-to-end test and
// the benchmarks call the very same function, so every action has one path.
import { EventEmitter } from 'node:events';
import type { CoreChannel, CoreEventMap, CoreEventName, InvokeArgs, InvokeResult } from '../shared/contract';
import type { AppSettings, ProfileInput } from '../shared/model';
import { parseInvokeArgs } from '../shared/schemas';
import type { ServerSelection } from '../shared/selection';
import { topicAllowed } from '../shared/settings';
import { ActivityLog } from './activity/activity-log';
import { recordActivity } from './activity/activity-handlers';
import { ActivityRecorder } from './activity/activity-recorder';
import { AdminService } from './admin/admin-service';
import { DEFAULT_PARALLEL_LIMITS, hostKey, KeyedLimiter, type ParallelLimits } from './concurrency';
import { appError } from './errors';
import { estateHandlers, withNewServerDefaults } from './estate-handlers';
import { summarizePem } from './jira/certificates';
import { logUnexpected, redactingLog } from './log';
import type { Clock, ConfirmKeepSecrets, LogSink, Notifier, OpenStoreBackend, SecretCipher } from './ports';
import { openManagedPolicy } from './policy/managed-policy';
import { ProfileStore, toProfile, type SaveOptions } from './profiles/profile-store';
import { selectedIds } from './profiles/selection';
import { SecretStore } from './secrets/secret-store';
import { createSessionAnnouncer } from './events/session-events';
import { signInExpired } from './sessions/expired-sign-in';
import { SessionService } from './sessions/session-service';
import { DocumentStore, defaultOpenStore } from './store/document-store';
import type { WebSessionChange, WebSessionPort } from './web/web-session-port';

export interface AppCoreOptions {
  /** Folder for the store file (userData in the app). */
  dataDir: string;
  cipher: SecretCipher;
  /** Defaults to conf; main passes electron-store. */
  openStore?: OpenStoreBackend;
  clock?: Clock;
  log?: LogSink;
  notify?: Notifier;
  appVersion?: string;
  /** Per-request limits for every Jira call. */
  http?: { timeoutMs?: number; maxResponseBytes?: number };
  /** How many calls refresh-all, sign-out-all and the admin actions send to one host, and to all, at once. */
  concurrency?: Partial<ParallelLimits>;
  /** Verify signed-in sessions on each profile's poll interval (off in tests that drive refresh by hand). */
  polling?: boolean;
  /** Asked before a new proxy, extra CA or pin carries a profile's session; without it nothing is kept. */
  confirmKeepSecrets?: ConfirmKeepSecrets;
  /** The administrator's policy file (main resolves the system's place for it); none when left out. */
  policyFile?: string;
}

export interface AppCore {
  /** Validates the arguments and runs the channel; rejects with an AppError (see errors.ts). */
  invoke<C extends CoreChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends CoreEventName>(event: E, listener: (payload: CoreEventMap[E]) => void): () => void;
  /** Jira's web UI: cookies out to main's web windows and back (never a channel: values stay in main). */
  readonly web: WebSessionPort;
  /** Resolves once every change so far is on disk (sealed sessions are written just after they change). */
  flushStore(): Promise<void>;
  /** The machine is going to sleep or went offline: pause liveness checks. */
  suspend(): void;
  /** The machine woke up or came back online: resume checks and verify every session at once. */
  resume(): Promise<void>;
  dispose(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024;
/** How often, with polling on, the signed-in servers' tokens are checked for ones entering the expiry window. */
export const TOKEN_WATCH_INTERVAL_MS = 6 * 60 * 60 * 1000;

type Handlers = { [C in CoreChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>> | InvokeResult<C> };

export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const now = () => (options.clock ?? Date).now();
  const log = redactingLog(options.log ?? (() => undefined));
  const store = DocumentStore.open(options.openStore ?? defaultOpenStore, options.dataDir, now, log);
  if (store.problem)
    log('error', 'The store file could not be read and was set aside', { backupPath: store.problem.backupPath });
  const profiles = new ProfileStore(store);
  const secrets = new SecretStore(store, options.cipher, await options.cipher.availability(), log);
  const policy = await openManagedPolicy(options.policyFile, store, secrets, log);
  const settings = (): AppSettings => ({ ...store.read().settings });

  const limiter = new KeyedLimiter({ ...DEFAULT_PARALLEL_LIMITS, ...options.concurrency });
  const activityLog = new ActivityLog(options.dataDir, now, log);
  const activity = new ActivityRecorder(activityLog, (id) => profiles.find(id), now);
  const events = new EventEmitter();
  const announcer = createSessionAnnouncer(
    () => sessions.list(),
    (delta) => events.emit('sessions:delta', delta),
  );
  const announceProfiles = () => events.emit('profiles:changed', profiles.list());
  const webChanges = new EventEmitter();

  const notify: Notifier = (notice) => {
    if (settings().notifications && topicAllowed(settings(), notice.topic)) options.notify?.(notice);
  };
  const sessions = new SessionService({
    secrets,
    now,
    log,
    notify,
    http: {
      timeoutMs: options.http?.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxResponseBytes: options.http?.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    },
    limiter,
    polling: options.polling ?? false,
    checkFloorMs: policy.floorSeconds * 1000,
    onChange: (state) => {
      if (state) activity.observe(state);
      announcer.changed(state);
    },
    onWebChange: (change: WebSessionChange) => webChanges.emit('change', change),
  });
  const admin = new AdminService({
    sessions,
    now,
    log,
    notify,
    limiter,
    hostOf: (profileId) => hostKey(profiles.get(profileId).baseUrl),
  });
  const tokenWatch = options.polling
    ? setInterval(() => void admin.expiringTokens().catch(() => undefined), TOKEN_WATCH_INTERVAL_MS)
    : undefined;
  tokenWatch?.unref();
  await sessions.restore(profiles.list());
  // What changed while restoring is in the list every listener loads first.
  announcer.sync();
  // Restored sessions are unverified until the server confirms them; that must not hold up start-up.
  void sessions.refreshAll().catch(logUnexpected(log, 'The start-up session check'));

  /** A bulk action's selection (shared/selection.ts), refused whole when it names a server that is gone. */
  const only = (selection?: ServerSelection) => selectedIds(selection, profiles.list());
  const saveProfile = async (input: ProfileInput, how?: SaveOptions) => {
    const profile = profiles.save(policy.withFloor(input), how);
    await sessions.profileSaved(profile, input.proxyPassword, options.confirmKeepSecrets);
    return profile;
  };
  const handlers: Handlers = recordActivity(activity, {
    ...estateHandlers({ profiles, now, saveProfile, announceProfiles, activity: activityLog, policy }),
    'app:info': () => ({
      version: options.appVersion ?? '0.0.0',
      platform: process.platform,
      secretStorage: secrets.level,
      ...(store.problem ? { storeProblem: store.problem } : {}),
    }),
    'settings:get': settings,
    'settings:update': async (patch) => {
      store.update((draft) => Object.assign(draft.settings, policy.settingsPatch(patch)));
      await secrets.syncPersistence((profileId) => sessions.state(profileId).signedInAt);
      sessions.secretsChanged();
      return settings();
    },
    'profiles:list': () => profiles.list(),
    'profiles:save': async (input) => {
      const profile = await saveProfile(withNewServerDefaults(input, settings()));
      announceProfiles();
      return profile;
    },
    'profiles:remove': async (profileId) => {
      profiles.changeable(profileId);
      await sessions.profileRemoved(profileId);
      profiles.remove(profileId);
      announceProfiles();
    },
    'profiles:arrange': (profileIds, arrangement) => {
      const arranged = profiles.arrange(profileIds, arrangement);
      announceProfiles();
      return arranged;
    },
    'profiles:testConnection': (input) =>
      sessions.testConnection(toProfile(input, input.id ?? 'connection-test'), input.proxyPassword),
    'certificate:inspect': (pem) => summarizePem(pem),
    'sessions:list': () => {
      // What is pending goes first, so the list equals what the deltas have said (see replayOnto).
      announcer.flush();
      return sessions.list();
    },
    'sessions:refreshAll': (selection) => sessions.refreshAll(only(selection)),
    'sessions:cancel': (profileId) => sessions.cancel(profileId),
    'sessions:cancelRefreshAll': () => sessions.cancelRefreshAll(),
    'profiles:cancelTest': () => sessions.cancelConnectionTests(),
    'session:login': (profileId, credentials) => sessions.login(profileId, policy.credentials(credentials)),
    'session:loginRemembered': (profileId) => sessions.login(profileId, 'remembered'),
    'sessions:signInExpired': (selection) =>
      signInExpired(
        {
          list: () => sessions.list(),
          state: (profileId) => sessions.state(profileId),
          login: (profileId, how) => activity.signingIn(profileId, 'password', () => sessions.login(profileId, how)),
        },
        profiles.list(),
        limiter,
        only(selection),
      ),
    'session:refresh': (profileId) => sessions.refresh(profileId),
    'session:logout': async (profileId) => {
      admin.forget(profileId);
      return sessions.logout(profileId);
    },
    'session:logoutAll': (selection) => sessions.logoutAll(only(selection)),
    'session:retrySignOut': (profileId) => sessions.retrySignOut(profileId),
    'session:forgetPassword': (profileId) => sessions.forgetPassword(profileId),
    'session:useToken': (profileId, { token }) =>
      sessions.login(profileId, { username: profiles.get(profileId).username, password: token }, 'token'),
    'websudo:release': (profileId) => admin.releaseWebSudo(profileId),
    'websudo:releaseAll': (selection) =>
      admin.releaseWebSudoEverywhere((profileId) => profiles.get(profileId).label, only(selection)),
    'tokens:list': (profileId) => admin.listTokens(profileId),
    'tokens:create': (profileId, input) => admin.createToken(profileId, input),
    'tokens:revoke': (profileId, tokenId) => admin.revokeToken(profileId, tokenId),
    'tokens:expiring': () => admin.expiringTokens(),
  });

  let disposed = false;
  return {
    async invoke(channel, ...args) {
      if (disposed) throw appError('internal-error', 'The app is shutting down.');
      const checked = parseInvokeArgs(channel, args);
      if (!checked.ok) {
        throw appError('invalid-input', checked.message, checked.field ? { field: checked.field } : {});
      }
      // parseInvokeArgs refused any channel that is not in the contract, and Handlers covers every one that is.
      const handler = handlers[channel] as (...values: unknown[]) => unknown;
      try {
        return (await handler(...checked.args)) as InvokeResult<typeof channel>;
      } finally {
        // Changes travel before the answer, so a state in an answer is never followed by an older delta.
        announcer.flush();
      }
    },
    web: {
      cookies: async (profileId) => sessions.webCookies(profileId),
      adoptSignIn: (profileId, cookies) =>
        activity.signingIn(profileId, 'web', () => sessions.adoptWebCookies(profileId, cookies, 'sign-in')),
      sync: async (profileId, cookies) => {
        await sessions.adoptWebCookies(profileId, cookies, 'sync');
      },
      onChange(listener) {
        webChanges.on('change', listener);
        return () => webChanges.off('change', listener);
      },
    },
    on(event, listener) {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    flushStore: () => store.flush(),
    suspend: () => sessions.suspend(),
    resume: () => sessions.resume(),
    async dispose() {
      disposed = true;
      clearInterval(tokenWatch);
      sessions.dispose();
      announcer.flush();
      announcer.dispose();
      activityLog.flush();
      events.removeAllListeners();
      await store.flush();
      webChanges.removeAllListeners();
    },
  };
}
