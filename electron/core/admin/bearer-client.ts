// A Jira client that signs every call with a personal access token (`Authorization: Bearer`) and holds no cookie.
// To the session service it looks like any client: its "jar" is the token, so sealing, restoring and forgetting a
// session work unchanged — but the token is sealed under its own secret name (see sessionSecret).
import { createHash } from 'node:crypto';
import { AppError, appError } from '../errors';
import { JiraClient, type JiraClientOptions, type SessionFacts } from '../jira/jira-client';
import type { SecretName } from '../secrets/secret-store';
import type { ServerProfile } from '../../shared/model';

export class BearerJiraClient extends JiraClient {
  private readonly held: { token?: string };

  constructor(options: JiraClientOptions) {
    const held: { token?: string } = {};
    super({ ...options, bearerToken: () => held.token });
    this.held = held;
  }

  /** Checks the token with GET /rest/api/2/myself and keeps it; a refused token leaves the previous one in place. */
  override async login(_username: string, token: string): Promise<SessionFacts> {
    const previous = this.held.token;
    this.held.token = token;
    try {
      return await this.currentUser();
    } catch (error) {
      this.held.token = previous;
      if (error instanceof AppError && (error.kind === 'session-expired' || error.kind === 'not-signed-in')) {
        throw appError('bad-credentials', 'Jira did not accept that personal access token.', {
          nextStep:
            'Check that the token was copied whole and has not expired or been revoked. Tokens need Jira 8.14 or later.',
        });
      }
      throw error;
    }
  }

  /** The liveness probe: a revoked or expired token gets 401 here, which the session service treats as expiry. */
  override async currentUser(): Promise<SessionFacts> {
    const user = await this.myself();
    return { username: user.name };
  }

  /** There is no server session to end (Jira discards a token request's session): forgetting the token is all. */
  override async logout(): Promise<void> {
    this.held.token = undefined;
  }

  override hasSession(): boolean {
    return this.held.token !== undefined;
  }

  override cookieVersion(): string {
    return createHash('sha256')
      .update(this.held.token ?? '')
      .digest('hex');
  }

  /** The token itself, for sealing: never log it, never send it to the renderer. */
  override serializeJar(): string {
    return this.held.token ?? '';
  }

  override restoreJar(token: string): void {
    this.held.token = token === '' ? undefined : token;
  }

  override forgetCookies(): void {
    this.held.token = undefined;
  }
}

/** The secret that holds a profile's session: its cookie jar, or its personal access token. */
export function sessionSecret(profile: Pick<ServerProfile, 'signInMethod'>): SecretName {
  return profile.signInMethod === 'token' ? 'token' : 'cookies';
}
