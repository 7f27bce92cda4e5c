// Every saved server's runtime — its profile, its Jira client with the cookie jar, and the state the renderer
// sees — and the only place that changes a state, seals a jar or drops one, so what a state says about stored
// secrets (cookie names, persisted, password remembered) is always derived, never set by hand.
import type { ServerProfile, SessionState } from '../../shared/model';
import { signedOutState } from '../../shared/session-state';
import { hostKey } from '../concurrency';
import { AppError } from '../errors';
import type { JiraClient } from '../jira/jira-client';
import { createProfileClient } from '../jira/profile-client';
import { RateLimitGate } from '../jira/rate-limit-gate';
import type { LogSink } from '../ports';
import type { SecretStore } from '../secrets/secret-store';
import { sessionSecret } from '../admin/bearer-client';
import { Cancellations } from './cancellations';

export interface Runtime {
  profile: ServerProfile;
  client: JiraClient;
  state: SessionState;
  /** cookieVersion() of the jar last sealed, so an unchanged jar is not sealed and written again. */
  sealedCookies?: string;
  /** Quiet re-sign-ins on the local day named, for "3rd time today". */
  quietSignIns?: { day: string; count: number };
}

/** The key a runtime's calls are limited under in bursts over every server (KeyedLimiter). */
export const hostOfRuntime = (runtime: Runtime): string => hostKey(runtime.profile.baseUrl);

export interface SessionRuntimesOptions {
  secrets: SecretStore;
  now: () => number;
  log: LogSink;
  http: { timeoutMs: number; maxResponseBytes: number };
  /** Called after every change of a state, with the new state. */
  onChange: (state?: SessionState) => void;
}

export class SessionRuntimes {
  private readonly runtimes = new Map<string, Runtime>();
  /** One gate for every client: a 429 holds back that server for all of them. */
  private readonly rateLimits = new RateLimitGate();
  /** What the person can cancel, per profile: each client aborts its request with its key's signal. */
  readonly cancellations = new Cancellations();

  constructor(private readonly options: SessionRuntimesOptions) {}

  async add(profile: ServerProfile): Promise<Runtime> {
    const proxyPassword = await this.options.secrets.get(profile.id, 'proxyPassword');
    const runtime: Runtime = {
      profile,
      client: this.createClient(profile, proxyPassword),
      state: signedOutState(profile.id),
    };
    this.runtimes.set(profile.id, runtime);
    // What the store says from the start (a remembered password, an unconfirmed sign-out), not only after a change.
    this.update(runtime, {});
    return runtime;
  }

  get(profileId: string): Runtime {
    const runtime = this.runtimes.get(profileId);
    if (!runtime)
      throw new AppError({ kind: 'not-found', message: 'That server is not in the list (it may have been removed).' });
    return runtime;
  }

  find(profileId: string): Runtime | undefined {
    return this.runtimes.get(profileId);
  }

  /** Every runtime, or those of the profiles in `only` (a bulk action's selection). */
  all(only?: ReadonlySet<string>): Runtime[] {
    const every = [...this.runtimes.values()];
    return only ? every.filter((runtime) => only.has(runtime.profile.id)) : every;
  }

  remove(profileId: string): void {
    this.runtimes.get(profileId)?.client.dispose();
    this.runtimes.delete(profileId);
  }

  /** `cancelKey`: whose Cancel aborts this client's requests (the profile's own, unless the client is a probe). */
  createClient(profile: ServerProfile, proxyPassword: string | undefined, cancelKey = profile.id): JiraClient {
    return createProfileClient(profile, proxyPassword, {
      ...this.options.http,
      now: this.options.now,
      rateLimits: this.rateLimits,
      signal: () => this.cancellations.signal(cancelKey),
      onExchange: (exchange) => this.options.log('debug', 'Jira call', { profileId: profile.id, ...exchange }),
    });
  }

  /** Applies a change and re-derives what comes from the jar and the secret store, then announces it. */
  update(runtime: Runtime, patch: Partial<SessionState>): void {
    const { secrets } = this.options;
    const id = runtime.profile.id;
    const next: SessionState = {
      ...runtime.state,
      ...patch,
      cookieNames: runtime.client.cookieNames(),
      persisted: secrets.isPersisted(id, sessionSecret(runtime.profile)),
      passwordRemembered: secrets.has(id, 'password'),
      signOutUnconfirmed: secrets.has(id, 'unconfirmedSession') || undefined,
    };
    for (const key of Object.keys(next) as (keyof SessionState)[]) {
      if (next[key] === undefined) delete next[key];
    }
    runtime.state = next;
    this.options.onChange(next);
  }

  async sealCookies(runtime: Runtime, signedInAt: string | undefined): Promise<void> {
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

  dropSealedCookies(runtime: Runtime): void {
    // Both kinds: after a switch of sign-in method the old one must go too.
    this.options.secrets.delete(runtime.profile.id, 'cookies');
    this.options.secrets.delete(runtime.profile.id, 'token');
    runtime.sealedCookies = undefined;
  }

  /** Forgets the session here — cookies in memory and sealed — and shows the server signed out, with why. */
  clearSession(runtime: Runtime, signedOutReason?: string): void {
    runtime.client.forgetCookies();
    this.dropSealedCookies(runtime);
    runtime.state = { ...signedOutState(runtime.profile.id), ...(signedOutReason ? { signedOutReason } : {}) };
    this.update(runtime, {});
  }

  dispose(): void {
    for (const runtime of this.runtimes.values()) runtime.client.dispose();
  }
}
