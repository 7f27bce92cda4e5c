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
import { sessionUrlFor } from '../../shared/base-url';
import { signedOutState } from '../../shared/session-state';
import { createProfileClient, sessionSecret } from '../admin/bearer-client';
import { endAdminAccessBeforeSignOut } from '../admin/admin-api';
import { KeyedQueue, mapWithConcurrency } from '../concurrency';
import { AppError, toAppErrorInfo } from '../errors';
import type { JiraClient, SessionFacts } from '../jira/jira-client';
import type { LogSink, Notifier } from '../ports';
import { jarToWebCookies, webCookiesToJar } from '../web/web-cookies';
import type { WebCookie, WebSessionChange } from '../web/web-session-port';
import type { SecretStore } from '../secrets/secret-store';
import { Poller } from './poller';
import { loadSessionDetails } from './session-details';
import { growingFailures, otherUserWarning, serverWarnings } from './session-warnings';

export interface SessionServiceOptions {
  secrets: SecretStore;
  now: () => number;
  log: LogSink;
  notify: Notifier;
  http: { timeoutMs: number; maxResponseBytes: number };
  concurrency: number;
  polling: boolean;
  onChange: () => void;
  /** Tells main's web windows that a profile's cookies changed here, or that its session ended. */
  onWebChange?: (change: WebSessionChange) => void;
}

/** What a web window's cookies are taken as: the result of a web sign-in, or the session it keeps working with. */
export type WebAdoption = 'sign-in' | 'sync';

const SIGNED_OUT_IN_WEB = 'Signed out in the Jira window.';

interface Runtime {
  profile: ServerProfile;
  client: JiraClient;
  state: SessionState;
  /** cookieVersion() of the jar last sealed, so an unchanged jar is not sealed and written again. */
  sealedCookies?: string;
}

export class SessionService {
  private readonly runtimes = new Map<string, Runtime>();
  private readonly queue = new KeyedQueue();
  private readonly poller: Poller;

  constructor(private readonly options: SessionServiceOptions) {
    this.poller = new Poller((profileId) => void this.refresh(profileId).catch(() => undefined));
  }

  /** Builds a runtime per profile and reopens sealed cookie jars; verification is left to `refreshAll`. */
  async restore(profiles: ServerProfile[]): Promise<void> {
    for (const profile of profiles) {
      const runtime = await this.add(profile);
      const jar = await this.options.secrets.get(profile.id, sessionSecret(profile));
      if (jar === undefined) continue;
      try {
        runtime.client.restoreJar(jar);
        runtime.sealedCookies = runtime.client.cookieVersion();
        this.set(runtime, { activity: 'checking', signedInAt: this.options.secrets.signedInAt(profile.id) });
      } catch {
        this.options.log('warn', 'A stored session could not be restored', { profileId: profile.id });
        this.options.secrets.delete(profile.id, 'cookies');
      }
    }
  }

  list(): SessionState[] {
    return [...this.runtimes.values()].map((runtime) => runtime.state);
  }

  state(profileId: string): SessionState {
    return this.runtime(profileId).state;
  }

  login(profileId: string, credentials: PasswordCredentials): Promise<SessionState> {
    const runtime = this.runtime(profileId);
    if (runtime.profile.signInMethod === 'token') {
      throw new AppError({
        kind: 'invalid-input',
        message: 'This server signs in with a personal access token, not a password.',
      });
    }
    return this.queue.run(profileId, () => this.signIn(runtime, credentials));
  }

  /** A token profile signs in with its token: the bearer client checks it, and it is sealed like a session. */
  useToken(profileId: string, token: string): Promise<SessionState> {
    const runtime = this.runtime(profileId);
    if (runtime.profile.signInMethod !== 'token') {
      throw new AppError({
        kind: 'invalid-input',
        message: 'This server signs in with a password or on the web page, not with a token.',
        nextStep: 'Choose "Personal access token" as the sign-in method under Edit server first.',
      });
    }
    return this.queue.run(profileId, () =>
      this.signIn(runtime, { username: runtime.profile.username, password: token }),
    );
  }

  /**
   * Runs a call of the admin and token features with a signed-in profile's client, in the profile's queue. A call
   * that finds the session over ends it here as a check would; changed cookies are sealed again.
   */
  withSession<T>(profileId: string, work: (client: JiraClient, profile: ServerProfile) => Promise<T>): Promise<T> {
    const runtime = this.runtime(profileId);
    return this.queue.run(profileId, async () => {
      if (!runtime.client.hasSession()) {
        throw new AppError({ kind: 'not-signed-in', message: `You are not signed in to ${runtime.profile.label}.` });
      }
      try {
        const result = await work(runtime.client, runtime.profile);
        await this.sealCookies(runtime, runtime.state.signedInAt);
        return result;
      } catch (error) {
        const info = toAppErrorInfo(error);
        if (info.kind === 'session-expired') await this.expire(runtime, info);
        throw error;
      }
    });
  }

  /** One GET /rest/auth/1/session; an ended session becomes `expired`, never "signed in" on stale evidence. */
  refresh(profileId: string): Promise<SessionState> {
    const runtime = this.runtime(profileId);
    return this.queue.run(profileId, () => this.verify(runtime));
  }

  async refreshAll(): Promise<SessionState[]> {
    const withSession = [...this.runtimes.values()].filter((runtime) => runtime.client.hasSession());
    await mapWithConcurrency(withSession, this.options.concurrency, (runtime) =>
      this.queue.run(runtime.profile.id, () => this.verify(runtime)),
    );
    return this.list();
  }

  logout(profileId: string): Promise<LogoutResult> {
    const runtime = this.runtime(profileId);
    return this.queue.run(profileId, () => this.signOut(runtime));
  }

  async logoutAll(): Promise<LogoutResult[]> {
    const withSession = [...this.runtimes.values()].filter((runtime) => runtime.client.hasSession());
    const results = await mapWithConcurrency(withSession, this.options.concurrency, (runtime) =>
      this.queue.run(runtime.profile.id, () => this.signOut(runtime)),
    );
    const failed = results.filter((result) => !result.serverConfirmed);
    if (failed.length > 0) {
      const labels = failed.map((result) => this.runtime(result.profileId).profile.label);
      this.options.notify({
        title: 'Some servers could not confirm the sign-out',
        body: `Signed out locally, but ${labels.join(', ')} could not be reached. Their sessions may stay open until they expire.`,
      });
    }
    return results;
  }

  async forgetPassword(profileId: string): Promise<SessionState> {
    const runtime = this.runtime(profileId);
    this.options.secrets.delete(profileId, 'password');
    this.set(runtime, {});
    return runtime.state;
  }

  /** The profile's cookies in Electron's shape, for its web window. Holds secrets: main only, never IPC. */
  webCookies(profileId: string): WebCookie[] {
    // A token is no cookie: a token profile's web window starts signed out.
    if (this.runtime(profileId).profile.signInMethod === 'token') return [];
    return jarToWebCookies(this.runtime(profileId).client.serializeJar(), this.options.now());
  }

  /**
   * Takes cookies from the profile's web window once `GET /rest/auth/1/session` with exactly them names a signed-in
   * user; null when they do not (yet). With `sync`, a session that ended in the window ends here too.
   */
  adoptWebCookies(profileId: string, cookies: WebCookie[], mode: WebAdoption): Promise<SessionState | null> {
    const runtime = this.runtime(profileId);
    if (runtime.profile.signInMethod === 'token') return Promise.resolve(mode === 'sync' ? runtime.state : null);
    return this.queue.run(profileId, () => this.adopt(runtime, cookies, mode));
  }

  /**
   * Keeps the runtime in step with a saved profile: a new address or user drops the session, a new trust or
   * proxy setting a new client (keeping the session's cookies). `proxyPassword` is undefined to keep the saved one.
   */
  async profileSaved(profile: ServerProfile, proxyPassword: string | undefined): Promise<void> {
    const { secrets } = this.options;
    if (!profile.proxyUsername) secrets.delete(profile.id, 'proxyPassword');
    else if (proxyPassword !== undefined) await secrets.put(profile.id, 'proxyPassword', proxyPassword);
    const existing = this.runtimes.get(profile.id);
    if (!existing) {
      await this.add(profile);
      this.options.onChange();
      return;
    }
    await this.queue.run(profile.id, async () => {
      const runtime = existing;
      const previous = runtime.profile;
      const sameServer =
        previous.baseUrl === profile.baseUrl &&
        previous.username === profile.username &&
        sessionSecret(previous) === sessionSecret(profile);
      const jar = sameServer ? runtime.client.serializeJar() : undefined;
      runtime.profile = profile;
      runtime.client.dispose();
      runtime.client = this.createClient(profile, await secrets.get(profile.id, 'proxyPassword'));
      if (jar) runtime.client.restoreJar(jar);
      if (!sameServer) {
        this.dropSealedCookies(runtime);
        secrets.delete(profile.id, 'password');
        runtime.state = signedOutState(profile.id);
      }
      this.schedule(runtime);
      this.set(runtime, {});
    });
  }

  /** Signs out (best effort) before the profile goes, so no session is left open on the server. */
  async profileRemoved(profileId: string): Promise<void> {
    const runtime = this.runtime(profileId);
    if (runtime.client.hasSession()) await this.queue.run(profileId, () => this.signOut(runtime));
    this.poller.stop(profileId);
    runtime.client.dispose();
    this.runtimes.delete(profileId);
    this.options.secrets.forgetProfile(profileId);
    this.options.onWebChange?.({ kind: 'ended', profileId });
    this.options.onChange();
  }

  async testConnection(profile: ServerProfile, proxyPassword: string | undefined): Promise<ConnectionTestResult> {
    const saved = this.runtimes.has(profile.id)
      ? await this.options.secrets.get(profile.id, 'proxyPassword')
      : undefined;
    const client = this.createClient(profile, proxyPassword ?? saved);
    try {
      const serverInfo = await client.serverInfo();
      return { serverInfo, sessionUrl: sessionUrlFor(profile.baseUrl), warnings: serverWarnings(profile, serverInfo) };
    } finally {
      client.dispose();
    }
  }

  /** Re-derives what each state says about stored secrets, after the persistence setting changed. */
  secretsChanged(): void {
    for (const runtime of this.runtimes.values()) this.set(runtime, {});
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
    for (const runtime of this.runtimes.values()) runtime.client.dispose();
  }

  private async signIn(runtime: Runtime, credentials: PasswordCredentials): Promise<SessionState> {
    const { profile, client } = runtime;
    const before = runtime.state;
    this.set(runtime, { status: 'signing-in', activity: undefined, error: undefined });
    try {
      const facts = await client.login(credentials.username, credentials.password);
      const details = await this.loadDetails(runtime, facts.username).catch(async (error: unknown) => {
        // Signed in but Jira will not say who we are: do not keep a session we cannot show.
        await client.logout().catch(() => undefined);
        throw error;
      });
      const signedInAt = new Date(this.options.now()).toISOString();
      await this.sealCookies(runtime, signedInAt);
      if (credentials.rememberPassword === true)
        await this.options.secrets.put(profile.id, 'password', credentials.password);
      // Unticking "Remember password" at a sign-in forgets the one saved before.
      if (credentials.rememberPassword === false) this.options.secrets.delete(profile.id, 'password');
      this.options.log('info', 'Signed in', { profileId: profile.id, username: facts.username, node: facts.nodeId });
      this.options.onWebChange?.({ kind: 'cookies-changed', profileId: profile.id });
      this.set(runtime, {
        status: 'signed-in',
        signedInAt,
        verifiedAt: signedInAt,
        signedOutReason: undefined,
        ...details,
        ...sessionFacts(facts),
        warnings: serverWarnings(profile, details.serverInfo),
      });
    } catch (error) {
      const info = toAppErrorInfo(error);
      this.options.log('warn', 'Sign-in failed', { profileId: profile.id, kind: info.kind });
      runtime.state = before;
      this.set(runtime, { activity: undefined, error: info });
    }
    this.schedule(runtime);
    return runtime.state;
  }

  private async verify(runtime: Runtime): Promise<SessionState> {
    const { profile, client } = runtime;
    if (!client.hasSession()) return runtime.state;
    this.set(runtime, { activity: 'checking' });
    try {
      const facts = await client.currentUser();
      const needsDetails = !runtime.state.user || !runtime.state.serverInfo;
      const details = needsDetails ? await this.loadDetails(runtime, facts.username) : {};
      const warnings = growingFailures(
        runtime.state,
        facts,
        serverWarnings(profile, details.serverInfo ?? runtime.state.serverInfo),
      );
      this.set(runtime, {
        status: 'signed-in',
        activity: undefined,
        error: undefined,
        verifiedAt: new Date(this.options.now()).toISOString(),
        ...details,
        ...sessionFacts(facts),
        warnings,
      });
      await this.sealCookies(runtime, runtime.state.signedInAt);
    } catch (error) {
      const info = toAppErrorInfo(error);
      if (info.kind === 'session-expired' || info.kind === 'not-signed-in') await this.expire(runtime, info);
      else this.set(runtime, { status: 'error', activity: undefined, error: info });
    }
    this.schedule(runtime);
    return runtime.state;
  }

  /** The server ended the session: drop its cookies and, with a remembered password, sign in again once. */
  private async expire(runtime: Runtime, info: AppErrorInfo): Promise<void> {
    const { profile, client } = runtime;
    client.forgetCookies();
    this.dropSealedCookies(runtime);
    const wasSignedIn = runtime.state.status === 'signed-in';
    this.set(runtime, { status: 'expired', activity: undefined, error: { ...info, kind: 'session-expired' } });
    // A web sign-in needs the person (an identity provider, a second step): only a password can be replayed.
    const password =
      profile.signInMethod === 'password' ? await this.options.secrets.get(profile.id, 'password') : undefined;
    if (password !== undefined) {
      this.options.log('info', 'Signing in again with the remembered password', { profileId: profile.id });
      await this.signIn(runtime, { username: profile.username, password });
      if (runtime.state.status === 'signed-in') return;
    }
    if (wasSignedIn) {
      this.options.notify({
        title: `Session expired: ${profile.label}`,
        body:
          profile.signInMethod === 'web'
            ? `Your Jira session on ${profile.label} has ended. Sign in on the web page again to continue.`
            : profile.signInMethod === 'token'
              ? `The personal access token for ${profile.label} was revoked or has expired. Sign in with a new one.`
              : `Your Jira session on ${profile.label} has ended. Sign in again to continue.`,
        profileId: profile.id,
      });
    }
  }

  private async signOut(runtime: Runtime): Promise<LogoutResult> {
    const { profile, client } = runtime;
    this.set(runtime, { activity: 'signing-out' });
    let error: AppErrorInfo | undefined;
    try {
      await endAdminAccessBeforeSignOut(client);
      await client.logout();
    } catch (caught) {
      error = toAppErrorInfo(caught);
      client.forgetCookies();
    }
    this.dropSealedCookies(runtime);
    this.poller.stop(profile.id);
    runtime.state = signedOutState(profile.id);
    this.set(runtime, {});
    this.options.log('info', 'Signed out', { profileId: profile.id, serverConfirmed: !error });
    this.options.onWebChange?.({ kind: 'ended', profileId: profile.id });
    return { profileId: profile.id, state: runtime.state, serverConfirmed: !error, ...(error ? { error } : {}) };
  }

  private async adopt(runtime: Runtime, cookies: WebCookie[], mode: WebAdoption): Promise<SessionState | null> {
    const { profile } = runtime;
    const probe = this.createClient(profile, await this.options.secrets.get(profile.id, 'proxyPassword'));
    try {
      probe.restoreJar(webCookiesToJar(cookies, profile.baseUrl, this.options.now()));
      const signedIn = runtime.state.status === 'signed-in';
      if (probe.cookieVersion() === runtime.client.cookieVersion())
        return signedIn || mode === 'sync' ? runtime.state : null;
      const facts = probe.hasSession()
        ? await probe.currentUser().catch((error: unknown) => this.unproven(error))
        : null;
      if (facts === null) {
        if (mode === 'sync') await this.endedInWeb(runtime, cookies);
        return mode === 'sync' ? runtime.state : null;
      }
      const sameSession = signedIn && runtime.state.user?.name === facts.username;
      runtime.client.restoreJar(probe.serializeJar());
      const now = new Date(this.options.now()).toISOString();
      const signedInAt = sameSession ? runtime.state.signedInAt : now;
      const details = sameSession ? {} : await this.loadDetails(runtime, facts.username);
      await this.sealCookies(runtime, signedInAt);
      this.set(runtime, {
        status: 'signed-in',
        activity: undefined,
        error: undefined,
        signedOutReason: undefined,
        signedInAt,
        verifiedAt: now,
        ...details,
        ...sessionFacts(facts),
        ...(sameSession
          ? {}
          : {
              warnings: [...serverWarnings(profile, details.serverInfo), ...otherUserWarning(profile, facts.username)],
            }),
      });
      if (!sameSession)
        this.options.log('info', 'Signed in on the web page', { profileId: profile.id, username: facts.username });
      this.schedule(runtime);
      return runtime.state;
    } finally {
      probe.dispose();
    }
  }

  /** A check of a web window's cookies that did not name a user: null when they are not a session, else the error. */
  private unproven(error: unknown): null {
    const info = toAppErrorInfo(error);
    if (info.kind === 'session-expired' || info.kind === 'not-signed-in') return null;
    throw error;
  }

  /** The web window's session is gone: signed out there (Jira's token says `_lout`), or expired like any other. */
  private async endedInWeb(runtime: Runtime, cookies: WebCookie[]): Promise<void> {
    if (!runtime.client.hasSession()) return;
    const signedOut = cookies.some(
      (cookie) => cookie.name === 'atlassian.xsrf.token' && cookie.value.endsWith('_lout'),
    );
    if (!signedOut) {
      await this.expire(runtime, { kind: 'session-expired', message: 'The session in the Jira window has ended.' });
      return;
    }
    runtime.client.forgetCookies();
    this.dropSealedCookies(runtime);
    this.poller.stop(runtime.profile.id);
    runtime.state = { ...signedOutState(runtime.profile.id), signedOutReason: SIGNED_OUT_IN_WEB };
    this.set(runtime, {});
    this.options.log('info', 'Signed out in the web window', { profileId: runtime.profile.id });
  }

  private async sealCookies(runtime: Runtime, signedInAt: string | undefined): Promise<void> {
    const version = runtime.client.cookieVersion();
    if (version === runtime.sealedCookies) return;
    await this.options.secrets.put(
      runtime.profile.id,
      sessionSecret(runtime.profile),
      runtime.client.serializeJar(),
      signedInAt ? { signedInAt } : {},
    );
    runtime.sealedCookies = version;
  }

  private dropSealedCookies(runtime: Runtime): void {
    // Both kinds: after a switch of sign-in method the old one must go too.
    this.options.secrets.delete(runtime.profile.id, 'cookies');
    this.options.secrets.delete(runtime.profile.id, 'token');
    runtime.sealedCookies = undefined;
  }

  private loadDetails(
    runtime: Runtime,
    username: string,
  ): Promise<Pick<SessionState, 'user' | 'serverInfo' | 'adminLevel'>> {
    return loadSessionDetails(runtime.client, runtime.profile, username);
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

  private async add(profile: ServerProfile): Promise<Runtime> {
    const proxyPassword = await this.options.secrets.get(profile.id, 'proxyPassword');
    const runtime: Runtime = {
      profile,
      client: this.createClient(profile, proxyPassword),
      state: signedOutState(profile.id),
    };
    this.runtimes.set(profile.id, runtime);
    return runtime;
  }

  private createClient(profile: ServerProfile, proxyPassword: string | undefined): JiraClient {
    return createProfileClient(profile, {
      baseUrl: profile.baseUrl,
      ...(profile.proxyUrl
        ? {
            proxy: {
              url: profile.proxyUrl,
              ...(profile.proxyUsername ? { username: profile.proxyUsername, password: proxyPassword ?? '' } : {}),
            },
          }
        : {}),
      trust: {
        ...(profile.caCertificate ? { caCertificate: profile.caCertificate } : {}),
        ...(profile.pinnedCertificate?.pem
          ? {
              pinnedCertificate: {
                pem: profile.pinnedCertificate.pem,
                fingerprint256: profile.pinnedCertificate.fingerprint256,
              },
            }
          : {}),
      },
      timeoutMs: this.options.http.timeoutMs,
      maxResponseBytes: this.options.http.maxResponseBytes,
      now: this.options.now,
      onExchange: (exchange) => this.options.log('debug', 'Jira call', { profileId: profile.id, ...exchange }),
    });
  }

  private runtime(profileId: string): Runtime {
    const runtime = this.runtimes.get(profileId);
    if (!runtime)
      throw new AppError({ kind: 'not-found', message: 'That server is not in the list (it may have been removed).' });
    return runtime;
  }

  /** Applies a change and re-derives what comes from the jar and the secret store, then announces it. */
  private set(runtime: Runtime, patch: Partial<SessionState>): void {
    const { secrets } = this.options;
    const id = runtime.profile.id;
    const next: SessionState = {
      ...runtime.state,
      ...patch,
      cookieNames: runtime.client.cookieNames(),
      persisted: secrets.isPersisted(id, sessionSecret(runtime.profile)),
      passwordRemembered: secrets.has(id, 'password'),
    };
    for (const key of Object.keys(next) as (keyof SessionState)[]) {
      if (next[key] === undefined) delete next[key];
    }
    runtime.state = next;
    this.options.onChange();
  }
}

/** Keep-alive probes at least this often, whatever the poll interval, so the server's idle timeout never runs out. */
export const KEEP_ALIVE_INTERVAL_MS = 10 * 60 * 1000;

function checkIntervalMs(profile: ServerProfile): number {
  const pollMs = profile.pollIntervalSeconds * 1000;
  return profile.keepAlive ? Math.min(pollMs, KEEP_ALIVE_INTERVAL_MS) : pollMs;
}

function sessionFacts(facts: SessionFacts): Partial<SessionState> {
  return { nodeId: facts.nodeId, ...(facts.loginInfo ? { loginInfo: facts.loginInfo } : {}) };
}
