// Signing out: DELETE /rest/auth/1/session, after ending admin access. Local state is cleared either way; when the
// server did not confirm it, the old session's cookies are kept sealed (secret `unconfirmedSession`) and the server
// is marked "may still be signed in on the server" until a later DELETE with them succeeds or finds the session
// gone (a 401) — from "Try again", after a sign-out that the server confirmed, or from a refresh.
import type { AppErrorInfo, LogoutResult } from '../../shared/model';
import { endAdminAccessBeforeSignOut } from '../admin/admin-api';
import { toAppErrorInfo } from '../errors';
import type { LogSink } from '../ports';
import type { SecretStore } from '../secrets/secret-store';
import type { WebSessionChange } from '../web/web-session-port';
import type { Runtime, SessionRuntimes } from './session-runtimes';

export interface SignOutHost {
  runtimes: SessionRuntimes;
  secrets: SecretStore;
  log: LogSink;
  onWebChange?: (change: WebSessionChange) => void;
  stopChecks(profileId: string): void;
}

export async function signOut(host: SignOutHost, runtime: Runtime): Promise<LogoutResult> {
  const { profile, client } = runtime;
  const { runtimes, secrets } = host;
  runtimes.update(runtime, { activity: 'signing-out' });
  // A token is forgotten, not ended: there is no server session to come back for.
  const jar = profile.signInMethod !== 'token' && client.hasSession() ? client.serializeJar() : undefined;
  let error: AppErrorInfo | undefined;
  try {
    await endAdminAccessBeforeSignOut(client);
    await client.logout();
  } catch (caught) {
    error = toAppErrorInfo(caught);
    client.forgetCookies();
  }
  if (error && jar) await secrets.put(profile.id, 'unconfirmedSession', jar);
  host.stopChecks(profile.id);
  runtimes.clearSession(runtime);
  host.log('info', 'Signed out', { profileId: profile.id, serverConfirmed: !error });
  host.onWebChange?.({ kind: 'ended', profileId: profile.id });
  // The server answers again: a session it did not confirm ending before can be ended now.
  if (!error) await retryUnconfirmedSignOut(host, runtime);
  return { profileId: profile.id, state: runtime.state, serverConfirmed: !error, ...(error ? { error } : {}) };
}

/**
 * DELETE /rest/auth/1/session with the cookies of a sign-out the server did not confirm, on a client of its own (the
 * profile may hold a new session by now). A 401 means the session is already gone: confirmed as well.
 */
export async function retryUnconfirmedSignOut(host: SignOutHost, runtime: Runtime): Promise<LogoutResult> {
  const { profile } = runtime;
  const { runtimes, secrets } = host;
  const jar = await secrets.get(profile.id, 'unconfirmedSession');
  const result = (error?: AppErrorInfo): LogoutResult => ({
    profileId: profile.id,
    state: runtime.state,
    serverConfirmed: !error,
    ...(error ? { error } : {}),
  });
  if (jar === undefined) {
    // A seal that could not be opened was dropped: nothing is left to end from here.
    runtimes.update(runtime, {});
    return result();
  }
  const probe = runtimes.createClient(
    profile,
    await secrets.get(profile.id, 'proxyPassword'),
    `${profile.id}:sign-out`,
  );
  try {
    probe.restoreJar(jar);
    await probe.logout();
    secrets.delete(profile.id, 'unconfirmedSession');
    host.log('info', 'An unconfirmed sign-out is confirmed now', { profileId: profile.id });
    runtimes.update(runtime, {});
    return result();
  } catch (caught) {
    return result(toAppErrorInfo(caught));
  } finally {
    probe.dispose();
  }
}
