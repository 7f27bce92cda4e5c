// Administrator powers across the saved servers: ending admin access on one or all of them, and personal access
// tokens — listed, created, revoked, and watched for the ones about to expire. Every call runs on the profile's
// own client through the session service, so it queues behind (and expires like) the profile's other calls.
import {
  expiresSoon,
  type CreatedToken,
  type ExpiringTokensReport,
  type PersonalAccessToken,
  type TokenInput,
  type WebSudoResult,
} from '../../shared/admin';
import type { ServerProfile, SessionState } from '../../shared/model';
import type { KeyedLimiter } from '../concurrency';
import { toAppErrorInfo } from '../errors';
import type { JiraClient } from '../jira/jira-client';
import type { LogSink, Notifier } from '../ports';
import { createToken, listTokens, releaseWebSudo, revokeToken } from './admin-api';

/** The part of the session service the admin features use. */
export interface AdminSessions {
  list(): SessionState[];
  withSession<T>(profileId: string, work: (client: JiraClient, profile: ServerProfile) => Promise<T>): Promise<T>;
}

export interface AdminServiceOptions {
  sessions: AdminSessions;
  now: () => number;
  log: LogSink;
  notify: Notifier;
  /** Shared with the session service, so bursts over every server respect each host's limit together. */
  limiter: KeyedLimiter;
  /** The key a profile's calls are limited under (its host). */
  hostOf: (profileId: string) => string;
}

export class AdminService {
  /** `profileId:tokenId` of every token already announced as expiring soon, so each is announced once. */
  private readonly announced = new Set<string>();

  private readonly hostOfState = (state: SessionState) => this.options.hostOf(state.profileId);

  constructor(private readonly options: AdminServiceOptions) {}

  async releaseWebSudo(profileId: string): Promise<WebSudoResult> {
    await this.options.sessions.withSession(profileId, (client) => releaseWebSudo(client));
    this.options.log('info', 'Admin access ended', { profileId });
    return { profileId, released: true };
  }

  /** Every signed-in server (or those in `only`) at once; one that fails gets its error, the others carry on. */
  async releaseWebSudoEverywhere(
    labelOf: (profileId: string) => string,
    only?: ReadonlySet<string>,
  ): Promise<WebSudoResult[]> {
    // Token sessions hold no WebSudo (Jira does not challenge token requests).
    const targets = this.signedIn().filter(
      (state) => state.cookieNames.includes('JSESSIONID') && (!only || only.has(state.profileId)),
    );
    const results = await this.options.limiter.map(targets, this.hostOfState, (state) =>
      this.releaseWebSudo(state.profileId).catch((error: unknown): WebSudoResult => ({
        profileId: state.profileId,
        released: false,
        error: toAppErrorInfo(error),
      })),
    );
    const failed = results.filter((result) => !result.released).map((result) => labelOf(result.profileId));
    if (failed.length > 0) {
      this.options.notify({
        title: 'Admin access could not be ended everywhere',
        body: `Jira did not confirm the end of admin access on ${failed.join(', ')}. It ends there after 10 minutes without use.`,
        topic: 'sign-out',
      });
    }
    return results;
  }

  async listTokens(profileId: string): Promise<PersonalAccessToken[]> {
    const { tokens, label } = await this.options.sessions.withSession(profileId, async (client, profile) => ({
      tokens: await listTokens(client),
      label: profile.label,
    }));
    this.announceExpiring(profileId, label, tokens);
    return tokens;
  }

  async createToken(profileId: string, input: TokenInput): Promise<CreatedToken> {
    const created = await this.options.sessions.withSession(profileId, (client) => createToken(client, input));
    this.options.log('info', 'Personal access token created', { profileId, tokenId: created.id });
    return created;
  }

  async revokeToken(profileId: string, tokenId: number): Promise<void> {
    await this.options.sessions.withSession(profileId, (client) => revokeToken(client, tokenId));
    this.announced.delete(`${profileId}:${tokenId}`);
    this.options.log('info', 'Personal access token revoked', { profileId, tokenId });
  }

  /** The tokens of every signed-in server that expire within the window; a server that cannot say is listed apart. */
  async expiringTokens(): Promise<ExpiringTokensReport> {
    const report: ExpiringTokensReport = { tokens: [], problems: [] };
    const now = this.options.now();
    await this.options.limiter.map(this.signedIn(), this.hostOfState, async ({ profileId }) => {
      try {
        const tokens = await this.listTokens(profileId);
        for (const token of tokens) if (expiresSoon(token, now)) report.tokens.push({ profileId, token });
      } catch (error) {
        report.problems.push({ profileId, error: toAppErrorInfo(error) });
      }
    });
    report.tokens.sort((a, b) => (a.token.expiringAt ?? '').localeCompare(b.token.expiringAt ?? ''));
    return report;
  }

  /** A profile was signed out or removed: its tokens may be announced again after the next sign-in. */
  forget(profileId: string): void {
    for (const key of [...this.announced]) if (key.startsWith(`${profileId}:`)) this.announced.delete(key);
  }

  private signedIn(): SessionState[] {
    return this.options.sessions.list().filter((state) => state.status === 'signed-in');
  }

  private announceExpiring(profileId: string, label: string, tokens: PersonalAccessToken[]): void {
    const now = this.options.now();
    const entering = tokens.filter(
      (token) => expiresSoon(token, now) && !this.announced.has(`${profileId}:${token.id}`),
    );
    for (const token of entering) this.announced.add(`${profileId}:${token.id}`);
    if (entering.length === 0) return;
    const names = entering.map((token) => `"${token.name}"`).join(', ');
    this.options.notify({
      title: `Personal access ${entering.length === 1 ? 'token expires' : 'tokens expire'} soon: ${label}`,
      body: `${names} on ${label} ${entering.length === 1 ? 'expires' : 'expire'} within 14 days. Create a new one before scripts stop working.`,
      profileId,
      topic: 'tokens',
    });
  }
}
