// An in-memory AppCore for the main-process tests: profiles and sessions in arrays, the few channels the shell
// uses implemented for real (sign-out changes the session and emits sessions:delta, as the real core does),
// every call recorded.
import { NO_POLICY } from '../../electron/shared/policy';
import { vi } from 'vitest';
import {
  appError,
  type AppCore,
  type WebCookie,
  type WebSessionChange,
  type WebSessionPort,
} from '../../electron/core';
import type { CoreChannel, EventMap, EventName, InvokeArgs, InvokeResult } from '../../electron/shared/contract';
import type { AppSettings, LogoutResult, ServerProfile, SessionState } from '../../electron/shared/model';
import { ESTATE_SETTINGS_DEFAULTS } from '../../electron/shared/settings';
import type { SessionsDelta } from '../../electron/shared/session-delta';
import { session } from '../support/model-fixtures';

// The shell's tests name their servers by letter; the helpers live with the other model fixtures.
export { profile, session } from '../support/model-fixtures';

type Listener = (payload: never) => void;

/** A delta that replaces the given states whole (the real core sends only the changed fields). */
export function changedStates(states: SessionState[], removed: string[] = []): SessionsDelta {
  return { changed: states.map((state) => ({ profileId: state.profileId, set: state })), removed };
}

export class FakeCore implements AppCore {
  profiles: ServerProfile[];
  sessions: SessionState[];
  settings: AppSettings = { notifications: true, persistSecretsWithoutKeychain: false, ...ESTATE_SETTINGS_DEFAULTS };
  /** When set, the next invoke of that channel rejects with it. */
  failures = new Map<CoreChannel, unknown>();
  readonly listeners = new Map<EventName, Set<Listener>>();
  readonly calls: { channel: CoreChannel; args: unknown[] }[] = [];
  suspend = vi.fn();
  resume = vi.fn(async () => undefined);
  dispose = vi.fn(async () => undefined);
  flushStore = vi.fn(async () => undefined);
  readonly webListeners = new Set<(change: WebSessionChange) => void>();
  web: WebSessionPort = {
    cookies: vi.fn(async (): Promise<WebCookie[]> => []),
    adoptSignIn: vi.fn(async (): Promise<SessionState | null> => null),
    sync: vi.fn(async () => undefined),
    onChange: (listener) => {
      this.webListeners.add(listener);
      return () => this.webListeners.delete(listener);
    },
  };

  constructor(profiles: ServerProfile[] = [], sessions: SessionState[] = []) {
    this.profiles = profiles;
    this.sessions = sessions;
  }

  invoke: AppCore['invoke'] = (async (channel: CoreChannel, ...args: unknown[]) => {
    this.calls.push({ channel, args });
    const failure = this.failures.get(channel);
    if (failure !== undefined) {
      this.failures.delete(channel);
      throw failure;
    }
    const answer = this.answers[channel] as ((...values: unknown[]) => unknown) | null;
    if (!answer) throw appError('not-found', `FakeCore does not serve ${channel}.`);
    return answer(...args);
  }) as AppCore['invoke'];

  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>();
    set.add(listener as Listener);
    this.listeners.set(event, set);
    return () => set.delete(listener as Listener);
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (value: EventMap[E]) => void)(payload);
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  callsOf(channel: CoreChannel): unknown[][] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.args);
  }

  private signOut(profileId: string): LogoutResult {
    const state = session(profileId, 'signed-out');
    this.sessions = this.sessions.map((existing) => (existing.profileId === profileId ? state : existing));
    return { profileId, state, serverConfirmed: true };
  }

  private sessionOf(profileId: string): SessionState {
    return this.sessions.find((state) => state.profileId === profileId) ?? session(profileId, 'signed-out');
  }

  // How the fake answers each core channel, or null for those no main-process test needs (they reject with
  // not-found). Complete by type: a channel added to the contract does not compile until it is decided here.
  private readonly answers: { [C in CoreChannel]: ((...args: InvokeArgs<C>) => InvokeResult<C>) | null } = {
    'app:info': () => ({ version: '0.1.0', platform: 'linux', secretStorage: 'os-keychain' }),
    'settings:get': () => this.settings,
    'settings:update': (patch) => {
      this.settings = { ...this.settings, ...patch };
      return this.settings;
    },
    'profiles:list': () => this.profiles,
    'profiles:save': null,
    'profiles:remove': null,
    'profiles:testConnection': null,
    'profiles:arrange': null,
    'certificate:inspect': () => ({
      subject: 'CN=Example Root CA',
      issuer: 'CN=Example Root CA',
      validFrom: '2024-01-01T00:00:00.000Z',
      validTo: '2034-01-01T00:00:00.000Z',
      fingerprint256: 'AA:BB',
    }),
    'sessions:list': () => this.sessions,
    'sessions:refreshAll': () => this.sessions,
    'sessions:cancel': null,
    'sessions:cancelRefreshAll': null,
    'profiles:cancelTest': null,
    'session:login': null,
    'session:loginRemembered': (profileId) => {
      const state = { ...this.sessionOf(profileId), status: 'signed-in' as const };
      this.sessions = this.sessions.map((existing) => (existing.profileId === profileId ? state : existing));
      this.emit('sessions:delta', changedStates([state]));
      return state;
    },
    'sessions:signInExpired': () =>
      this.sessions
        .filter((state) => state.status === 'expired')
        .map((state) =>
          state.passwordRemembered
            ? {
                profileId: state.profileId,
                outcome: 'signed-in' as const,
                state: { ...state, status: 'signed-in' as const },
              }
            : { profileId: state.profileId, outcome: 'needs-you' as const, state },
        ),
    'session:refresh': (profileId) => this.sessionOf(profileId),
    'session:logout': (profileId) => {
      const result = this.signOut(profileId);
      this.emit('sessions:delta', changedStates([result.state]));
      return result;
    },
    'session:logoutAll': () => {
      const results = this.sessions
        .filter((state) => state.status === 'signed-in')
        .map((state) => this.signOut(state.profileId));
      this.emit('sessions:delta', changedStates(results.map((result) => result.state)));
      return results;
    },
    'session:forgetPassword': (profileId) => this.sessionOf(profileId),
    'session:retrySignOut': (profileId) => ({
      profileId,
      state: this.sessionOf(profileId),
      serverConfirmed: true,
    }),
    'session:useToken': null,
    'websudo:release': null,
    'websudo:releaseAll': () => [],
    'tokens:list': null,
    'tokens:create': null,
    'tokens:revoke': null,
    'tokens:expiring': () => ({ tokens: [], problems: [] }),
    'profiles:export': null,
    'profiles:import': null,
    'activity:list': () => [],
    'policy:get': () => NO_POLICY,
  };
}
