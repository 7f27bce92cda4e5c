// An in-memory AppCore for the main-process tests: profiles and sessions in arrays, the few channels the shell
// uses implemented for real (sign-out changes the session and emits sessions:changed, as the real core does),
// every call recorded.
import { vi } from 'vitest';
import type { AppCore } from '../../electron/core/app-core';
import { appError } from '../../electron/core/errors';
import type { WebCookie, WebSessionChange, WebSessionPort } from '../../electron/core/web/web-session-port';
import type { CoreChannel, EventMap, EventName } from '../../electron/shared/contract';
import type {
  AppSettings,
  LogoutResult,
  ServerProfile,
  SessionState,
  SessionStatus,
} from '../../electron/shared/model';

export function profile(id: string, overrides: Partial<ServerProfile> = {}): ServerProfile {
  return {
    id,
    label: `Jira ${id}`,
    baseUrl: `https://${id}.jira.example.com`,
    username: 'admin',
    environment: 'production',
    signInMethod: 'password',
    pollIntervalSeconds: 300,
    keepAlive: false,
    ...overrides,
  };
}

export function session(profileId: string, status: SessionStatus, overrides: Partial<SessionState> = {}): SessionState {
  return {
    profileId,
    status,
    cookieNames: status === 'signed-in' ? ['JSESSIONID'] : [],
    persisted: status === 'signed-in',
    passwordRemembered: false,
    warnings: [],
    ...(status === 'signed-in' ? { user: { name: 'admin', displayName: 'Ada Admin', groups: [] } } : {}),
    ...overrides,
  };
}

type Listener = (payload: never) => void;

export class FakeCore implements AppCore {
  profiles: ServerProfile[];
  sessions: SessionState[];
  settings: AppSettings = { notifications: true, persistSecretsWithoutKeychain: false };
  /** When set, the next invoke of that channel rejects with it. */
  failures = new Map<CoreChannel, unknown>();
  readonly listeners = new Map<EventName, Set<Listener>>();
  readonly calls: { channel: CoreChannel; args: unknown[] }[] = [];
  suspend = vi.fn();
  resume = vi.fn(async () => undefined);
  dispose = vi.fn(async () => undefined);
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
    return this.serve(channel, args);
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

  private serve(channel: CoreChannel, args: unknown[]): unknown {
    switch (channel) {
      case 'app:info':
        return { version: '0.1.0', platform: 'linux', secretStorage: 'os-keychain' };
      case 'settings:get':
        return this.settings;
      case 'settings:update':
        this.settings = { ...this.settings, ...(args[0] as Partial<AppSettings>) };
        return this.settings;
      case 'profiles:list':
        return this.profiles;
      case 'sessions:list':
      case 'sessions:refreshAll':
        return this.sessions;
      case 'certificate:inspect':
        return {
          subject: 'CN=Example Root CA',
          issuer: 'CN=Example Root CA',
          validFrom: '2024-01-01T00:00:00.000Z',
          validTo: '2034-01-01T00:00:00.000Z',
          fingerprint256: 'AA:BB',
        };
      case 'session:logout': {
        const result = this.signOut(String(args[0]));
        this.emit('sessions:changed', this.sessions);
        return result;
      }
      case 'session:logoutAll': {
        const results = this.sessions
          .filter((state) => state.status === 'signed-in')
          .map((state) => this.signOut(state.profileId));
        this.emit('sessions:changed', this.sessions);
        return results;
      }
      case 'session:refresh':
      case 'session:forgetPassword':
        return this.sessions.find((state) => state.profileId === args[0]) ?? session(String(args[0]), 'signed-out');
      default:
        throw appError('not-found', `FakeCore does not serve ${channel}.`);
    }
  }
}
