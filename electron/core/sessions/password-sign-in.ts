// Sign-in with a password through `POST /rest/auth/1/session`, then who we are and what the server is. A failed
// attempt leaves the state (and the session the profile had) as it was, with the error added.
import type { PasswordCredentials, SessionState } from '../../shared/model';
import { toAppErrorInfo } from '../errors';
import { withContextPathHint } from '../jira/context-path';
import type { LogSink } from '../ports';
import type { SecretStore } from '../secrets/secret-store';
import type { WebSessionChange } from '../web/web-session-port';
import { serverInfoAt } from './profile-updates';
import { loadSessionDetails, sessionFacts } from './session-details';
import type { Runtime, SessionRuntimes } from './session-runtimes';
import { serverWarnings } from './session-warnings';

export interface PasswordSignInHost {
  runtimes: SessionRuntimes;
  secrets: SecretStore;
  now: () => number;
  log: LogSink;
  onWebChange?: (change: WebSessionChange) => void;
}

export async function passwordSignIn(
  host: PasswordSignInHost,
  runtime: Runtime,
  credentials: PasswordCredentials,
): Promise<void> {
  const { profile, client } = runtime;
  const { runtimes, secrets } = host;
  const before = runtime.state;
  runtimes.update(runtime, { status: 'signing-in', activity: undefined, error: undefined });
  try {
    const facts = await client.login(credentials.username, credentials.password);
    const details = await loadSessionDetails(client, profile, facts.username).catch(async (error: unknown) => {
      // Signed in but Jira will not say who we are: do not keep a session we cannot show.
      await client.logout().catch(() => undefined);
      throw error;
    });
    const signedInAt = new Date(host.now()).toISOString();
    await runtimes.sealCookies(runtime, signedInAt);
    if (credentials.rememberPassword === true) await secrets.put(profile.id, 'password', credentials.password);
    // Unticking "Remember password" at a sign-in forgets the one saved before.
    if (credentials.rememberPassword === false) secrets.delete(profile.id, 'password');
    host.log('info', 'Signed in', { profileId: profile.id, username: facts.username, node: facts.nodeId });
    host.onWebChange?.({ kind: 'cookies-changed', profileId: profile.id });
    runtimes.update(runtime, {
      status: 'signed-in',
      signedInAt,
      verifiedAt: signedInAt,
      signedOutReason: undefined,
      // Set again by a quiet re-sign-in after this; a sign-in by hand is not one.
      quietSignIn: undefined,
      failedSignInsSinceCheck: undefined,
      ...details,
      ...sessionFacts(facts),
      warnings: serverWarnings(profile, details.serverInfo),
    } satisfies Partial<SessionState>);
  } catch (error) {
    const info = toAppErrorInfo(
      await withContextPathHint(error, profile.baseUrl, async (candidate) =>
        serverInfoAt(runtimes, profile, candidate, await secrets.get(profile.id, 'proxyPassword')),
      ),
    );
    host.log('warn', 'Sign-in failed', { profileId: profile.id, kind: info.kind });
    runtime.state = before;
    // A cancelled sign-in is no failure: the state is as it was, without an error to show.
    runtimes.update(runtime, { activity: undefined, error: info.kind === 'cancelled' ? undefined : info });
  }
}
