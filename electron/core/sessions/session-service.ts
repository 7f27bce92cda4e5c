// Sign in, verify, sign out — for every saved server, each with its own client and cookie jar. Actions on one
// profile run one after another (KeyedQueue), so concurrent clicks never mix up a profile's state or cookies.
import type {
  AppErrorInfo,
  ConnectionTestResult,
  LogoutResult,
  PasswordCredentials,
  ServerProfile,
  SessionState,
} from '../../shared/model';
import { failuresFirst } from '../../shared/attention';
import { KeyedQueue, type KeyedLimiter } from '../concurrency';
import type { JiraClient } from '../jira/jira-client';
import { AppError } from '../errors';
import { logUnexpected } from '../log';
import type { ConfirmKeepSecrets, LogSink, Notifier } from '../ports';
import type { SecretStore } from '../secrets/secret-store';
import { jarToWebCookies } from '../web/web-cookies';
import type { WebCookie, WebSessionChange } from '../web/web-session-port';
import { requireSignInWith, runWithSession } from './admin-sessions';
import { restoreSessions } from './session-restore';
import { checkIntervalMs, Poller } from './poller';
import { applySavedProfile, CONNECTION_TESTS, saveProxyPassword, testConnection } from './profile-updates';
import { passwordSignIn } from './password-sign-in';
import { rememberedCredentials, signInAgainQuietly, type QuietSignInHost } from './quiet-sign-in';
import { expiryNotice, unconfirmedSignOutNotice } from './session-notices';
import { hostOfRuntime, SessionRuntimes, type Runtime } from './session-runtimes';
import { verifySession } from './session-verify';
import { retryUnconfirmedSignOut, signOut } from './sign-out';
import { adoptWebCookies, type WebAdoption, type WebAdoptionHost } from './web-adoption';

/** The cancellation group of the checks of one refresh of all servers. */
const REFRESH_ALL = 'refresh-all';

export interface SessionServiceOptions {
  secrets: SecretStore;
  now: () => number;
  log: LogSink;
  notify: Notifier;
  http: { timeoutMs: number; maxResponseBytes: number };
  limiter: KeyedLimiter;
  polling: boolean;
  onChange: (state?: SessionState) => void;
  /** Tells main's web windows that a profile's cookies changed here, or that its session ended. */
  onWebChange?: (change: WebSessionChange) => void;
}

export class SessionService {
  private readonly runtimes: SessionRuntimes;
  private readonly queue = new KeyedQueue();
  private readonly poller: Poller;
  /** What sign-in and web adoption may do here: change states, schedule checks, expire a session. */
  private readonly host: WebAdoptionHost & QuietSignInHost;

  constructor(private readonly options: SessionServiceOptions) {
    this.runtimes = new SessionRuntimes(options);
    this.host = {
      runtimes: this.runtimes,
      secrets: options.secrets,
      now: options.now,
      log: options.log,
      notify: options.notify,
      ...(options.onWebChange ? { onWebChange: options.onWebChange } : {}),
      schedule: (runtime) => this.schedule(runtime),
      expire: (runtime, info) => this.expire(runtime, info),
      stopChecks: (profileId) => this.poller.stop(profileId),
    };
    this.poller = new Poller(
      (profileId) => void this.refresh(profileId).catch(logUnexpected(this.options.log, 'A session check')),
    );
  }

  /** Builds a runtime per profile and reopens sealed cookie jars; verification is left to `refreshAll`. */
  restore(profiles: ServerProfile[]): Promise<void> {
    return restoreSessions(this.host, profiles);
  }

  list(): SessionState[] {
    return this.runtimes.all().map((runtime) => runtime.state);
  }

  state(profileId: string): SessionState {
    return this.runtimes.get(profileId).state;
  }

  /** With `token`, the "password" is a personal access token; `remembered` opens the sealed password in the queue. */
  login(profileId: string, credentials: PasswordCredentials | 'remembered', via: 'password' | 'token' = 'password') {
    const runtime = this.runtimes.get(profileId);
    requireSignInWith(runtime.profile, via);
    return this.cancellable(profileId, async () =>
      this.signIn(
        runtime,
        credentials === 'remembered' ? await rememberedCredentials(this.host.secrets, runtime.profile) : credentials,
      ),
    );
  }

  /** Runs an admin or token call with a signed-in profile's client, in the profile's queue (admin-sessions.ts). */
  withSession<T>(profileId: string, work: (client: JiraClient, profile: ServerProfile) => Promise<T>): Promise<T> {
    const runtime = this.runtimes.get(profileId);
    return this.queue.run(profileId, () => runWithSession(this.host, runtime, work));
  }

  /** One GET /rest/auth/1/session; an ended session becomes `expired`, never "signed in" on stale evidence. */
  refresh(profileId: string): Promise<SessionState> {
    const runtime = this.runtimes.get(profileId);
    return this.cancellable(profileId, () => verifySession(this.host, runtime));
  }

  /** Each result is announced as it arrives; one that hangs holds up only itself; `only` limits it to a selection. */
  async refreshAll(only?: ReadonlySet<string>): Promise<SessionState[]> {
    const withSession = this.runtimes.all(only).filter((runtime) => runtime.client.hasSession());
    // Registered at once, so Cancel also ends the checks still waiting for a free slot.
    const checks = withSession.map((runtime) => {
      const id = runtime.profile.id;
      const check = this.runtimes.cancellations.track(id, () => verifySession(this.host, runtime), REFRESH_ALL);
      const settle = (error: unknown) => {
        if (error instanceof AppError) return runtime.state;
        throw error;
      };
      return { runtime, check: () => this.queue.run(id, check).catch(settle) };
    });
    // A sign-out a server did not confirm is tried again alongside: it may answer now.
    const retries = this.runtimes
      .all(only)
      .filter((runtime) => runtime.state.signOutUnconfirmed)
      .map((runtime) => this.retrySignOut(runtime.profile.id).catch(() => undefined));
    await Promise.all([
      this.options.limiter.map(
        checks,
        ({ runtime }) => hostOfRuntime(runtime),
        ({ check }) => check(),
      ),
      ...retries,
    ]);
    return this.list();
  }

  /** Ends the profile's sign-in or check in flight (the request is aborted) and any queued behind it. */
  cancel(profileId: string): void {
    this.runtimes.get(profileId);
    this.runtimes.cancellations.cancel(profileId);
  }

  /** Ends what is left of a refresh of all servers; the servers already checked keep their result. */
  cancelRefreshAll(): void {
    this.runtimes.cancellations.cancel(REFRESH_ALL);
  }

  /** "Try again" for a sign-out the server did not confirm (sign-out.ts). */
  retrySignOut(profileId: string): Promise<LogoutResult> {
    const runtime = this.runtimes.get(profileId);
    return this.queue.run(profileId, () => retryUnconfirmedSignOut(this.host, runtime));
  }

  logout(profileId: string): Promise<LogoutResult> {
    const runtime = this.runtimes.get(profileId);
    return this.queue.run(profileId, () => signOut(this.host, runtime));
  }

  async logoutAll(only?: ReadonlySet<string>): Promise<LogoutResult[]> {
    const withSession = this.runtimes.all(only).filter((runtime) => runtime.client.hasSession());
    const results = await this.options.limiter.map(withSession, hostOfRuntime, (runtime) =>
      this.queue.run(runtime.profile.id, () => signOut(this.host, runtime)),
    );
    const failed = results.filter((result) => !result.serverConfirmed);
    if (failed.length > 0)
      this.options.notify(
        unconfirmedSignOutNotice(failed.map((result) => this.runtimes.get(result.profileId).profile.label)),
      );
    return failuresFirst(results);
  }

  /** Queued behind a sign-in in flight, so a sign-in that remembers the password cannot undo the forgetting. */
  forgetPassword(profileId: string): Promise<SessionState> {
    const runtime = this.runtimes.get(profileId);
    return this.queue.run(profileId, async () => {
      this.options.secrets.delete(profileId, 'password');
      this.runtimes.update(runtime, {});
      return runtime.state;
    });
  }

  /** The profile's cookies in Electron's shape, for its web window. Holds secrets: main only, never IPC. */
  webCookies(profileId: string): WebCookie[] {
    // A token is no cookie: a token profile's web window starts signed out.
    if (this.runtimes.get(profileId).profile.signInMethod === 'token') return [];
    return jarToWebCookies(this.runtimes.get(profileId).client.serializeJar(), this.options.now());
  }

  /**
   * Takes cookies from the profile's web window once `GET /rest/auth/1/session` with exactly them names a signed-in
   * user; null when they do not (yet). With `sync`, a session that ended in the window ends here too.
   */
  adoptWebCookies(profileId: string, cookies: WebCookie[], mode: WebAdoption): Promise<SessionState | null> {
    const runtime = this.runtimes.get(profileId);
    return this.queue.run(profileId, () => adoptWebCookies(this.host, runtime, cookies, mode));
  }

  /**
   * Keeps the runtime in step with a saved profile. A new address or user drops the session and the remembered
   * password; so does a new route (proxy, extra CA, pinned certificate) unless `confirmKeepSecrets` says yes.
   * `proxyPassword` is undefined to keep the saved one — only while the proxy and its user stay the same.
   */
  async profileSaved(
    profile: ServerProfile,
    proxyPassword: string | undefined,
    confirmKeepSecrets?: ConfirmKeepSecrets,
  ): Promise<void> {
    const existing = this.runtimes.find(profile.id);
    if (!existing) {
      await this.queue.run(profile.id, () =>
        saveProxyPassword(this.options.secrets, undefined, profile, proxyPassword),
      );
      await this.runtimes.add(profile);
      this.options.onChange();
      return;
    }
    await this.queue.run(profile.id, async () => {
      const kept = await applySavedProfile(this.host, existing, profile, proxyPassword, confirmKeepSecrets);
      if (!kept) this.options.onWebChange?.({ kind: 'ended', profileId: profile.id });
      this.schedule(existing);
    });
  }

  /** Signs out (best effort) before the profile goes, so no session is left open on the server. */
  async profileRemoved(profileId: string): Promise<void> {
    const runtime = this.runtimes.get(profileId);
    if (runtime.client.hasSession()) await this.queue.run(profileId, () => signOut(this.host, runtime));
    this.poller.stop(profileId);
    this.runtimes.remove(profileId);
    this.options.secrets.forgetProfile(profileId);
    this.options.onWebChange?.({ kind: 'ended', profileId });
    this.options.onChange();
  }

  testConnection(profile: ServerProfile, proxyPassword: string | undefined): Promise<ConnectionTestResult> {
    return testConnection(this.runtimes, this.options.secrets, profile, proxyPassword);
  }

  cancelConnectionTests(): void {
    this.runtimes.cancellations.cancel(CONNECTION_TESTS);
  }

  /** Re-derives what each state says about stored secrets, after the persistence setting changed. */
  secretsChanged(): void {
    for (const runtime of this.runtimes.all()) this.runtimes.update(runtime, {});
  }

  suspend(): void {
    this.poller.pauseAll();
  }

  async resume(): Promise<void> {
    this.poller.resumeAll();
    await this.refreshAll();
  }

  dispose(): void {
    this.poller.stopAll();
    this.runtimes.dispose();
  }

  /** Queued work on one profile that its Cancel can abort. */
  private cancellable<T>(profileId: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(profileId, this.runtimes.cancellations.track(profileId, work));
  }

  private async signIn(runtime: Runtime, credentials: PasswordCredentials): Promise<SessionState> {
    await passwordSignIn(this.host, runtime, credentials);
    this.schedule(runtime);
    return runtime.state;
  }

  /** The server ended the session: drop its cookies and, with a remembered password, sign in again once. */
  private async expire(runtime: Runtime, info: AppErrorInfo): Promise<void> {
    const { profile, client } = runtime;
    client.forgetCookies();
    this.runtimes.dropSealedCookies(runtime);
    const wasSignedIn = runtime.state.status === 'signed-in';
    this.runtimes.update(runtime, {
      status: 'expired',
      activity: undefined,
      error: { ...info, kind: 'session-expired' },
    });
    if (await signInAgainQuietly(this.host, runtime)) return;
    if (wasSignedIn) this.options.notify(expiryNotice(profile));
  }

  /** Any profile holding a session is checked (an unreachable one may come back); a 429 pushes the check out. */
  private schedule(runtime: Runtime): void {
    const { profile, state, client } = runtime;
    if (!this.options.polling || !client.hasSession()) {
      this.poller.stop(profile.id);
      return;
    }
    const retryAfterMs = state.error?.kind === 'rate-limited' ? (state.error.retryAfterSeconds ?? 0) * 1000 : 0;
    this.poller.start(profile.id, Math.max(checkIntervalMs(profile), retryAfterMs));
  }
}
