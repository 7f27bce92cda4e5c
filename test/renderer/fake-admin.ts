// The fake bridge's administrator powers: tokens per server in memory, created with a fresh raw value the fake
// shows once, and WebSudo released per server. No test-runner imports, so it also runs in a browser page.
import type {
  CreatedToken,
  ExpiringTokensReport,
  PersonalAccessToken,
  TokenInput,
  WebSudoResult,
} from '../../electron/shared/admin';
import { expiresSoon } from '../../electron/shared/admin';
import type { AppErrorInfo, SessionState } from '../../electron/shared/model';

const DAY_MS = 24 * 60 * 60 * 1000;

export class FakeAdmin {
  /** Tokens per profile id; tests may seed or inspect them. */
  readonly tokens = new Map<string, PersonalAccessToken[]>();
  /** Profiles whose WebSudo was released, in order. */
  readonly released: string[] = [];
  private nextId = 100;

  constructor(
    private readonly now: () => number,
    private readonly sessions: () => SessionState[],
  ) {}

  list(profileId: string): PersonalAccessToken[] {
    this.signedIn(profileId);
    return (this.tokens.get(profileId) ?? []).map((token) => ({ ...token }));
  }

  create(profileId: string, input: TokenInput): CreatedToken {
    this.signedIn(profileId);
    const id = this.nextId++;
    const token: PersonalAccessToken = {
      id,
      name: input.name.trim(),
      createdAt: new Date(this.now()).toISOString(),
      expiringAt: new Date(this.now() + input.expiresInDays * DAY_MS).toISOString(),
    };
    this.tokens.set(profileId, [...(this.tokens.get(profileId) ?? []), token]);
    return { ...token, rawToken: `fake-raw-token-${id}-${profileId}` };
  }

  revoke(profileId: string, tokenId: number): void {
    this.signedIn(profileId);
    const kept = (this.tokens.get(profileId) ?? []).filter((token) => token.id !== tokenId);
    if (kept.length === (this.tokens.get(profileId) ?? []).length) {
      throw { kind: 'not-found', message: 'That token does not exist any more.' } satisfies AppErrorInfo;
    }
    this.tokens.set(profileId, kept);
  }

  expiring(): ExpiringTokensReport {
    const tokens = this.sessions()
      .filter((state) => state.status === 'signed-in')
      .flatMap((state) =>
        (this.tokens.get(state.profileId) ?? [])
          .filter((token) => expiresSoon(token, this.now()))
          .map((token) => ({ profileId: state.profileId, token })),
      );
    return { tokens, problems: [] };
  }

  release(profileId: string): WebSudoResult {
    this.signedIn(profileId);
    this.released.push(profileId);
    return { profileId, released: true };
  }

  releaseAll(only?: ReadonlySet<string>): WebSudoResult[] {
    return this.sessions()
      .filter((state) => state.status === 'signed-in' && state.cookieNames.includes('JSESSIONID'))
      .filter((state) => !only || only.has(state.profileId))
      .map((state) => this.release(state.profileId));
  }

  private signedIn(profileId: string): void {
    const state = this.sessions().find((candidate) => candidate.profileId === profileId);
    if (state?.status !== 'signed-in') {
      throw { kind: 'not-signed-in', message: 'You are not signed in to this server.' } satisfies AppErrorInfo;
    }
  }
}
