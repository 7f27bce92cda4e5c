// Cookies from a profile's web window become its session once `GET /rest/auth/1/session` with exactly them names
// a signed-in user: the result of a web sign-in, or the session someone keeps working with in the window (a new
// session id after administrator re-authentication). A session that ended in the window ends here too.
import type { AppErrorInfo, SessionState } from '../../shared/model';
import { toAppErrorInfo } from '../errors';
import type { LogSink } from '../ports';
import type { SecretStore } from '../secrets/secret-store';
import { webCookiesToJar } from '../web/web-cookies';
import type { WebCookie } from '../web/web-session-port';
import { loadSessionDetails, sessionFacts } from './session-details';
import type { Runtime, SessionRuntimes } from './session-runtimes';
import { otherUserWarning, serverWarnings } from './session-warnings';

/** What a web window's cookies are taken as: the result of a web sign-in, or the session it keeps working with. */
export type WebAdoption = 'sign-in' | 'sync';

export const SIGNED_OUT_IN_WEB = 'Signed out in the Jira window.';

/** What adoption needs of the session service. */
export interface WebAdoptionHost {
  runtimes: SessionRuntimes;
  secrets: SecretStore;
  now: () => number;
  log: LogSink;
  schedule(runtime: Runtime): void;
  expire(runtime: Runtime, info: AppErrorInfo): Promise<void>;
  stopChecks(profileId: string): void;
}

/** The adopted state; null when the cookies do not (yet) name a signed-in user and nothing changed. */
export async function adoptWebCookies(
  host: WebAdoptionHost,
  runtime: Runtime,
  cookies: WebCookie[],
  mode: WebAdoption,
): Promise<SessionState | null> {
  const { profile } = runtime;
  // A token profile holds no cookie session: a web window's cookies are not its session.
  if (profile.signInMethod === 'token') return mode === 'sync' ? runtime.state : null;
  const probe = host.runtimes.createClient(profile, await host.secrets.get(profile.id, 'proxyPassword'));
  try {
    probe.restoreJar(webCookiesToJar(cookies, profile.baseUrl, host.now()));
    const signedIn = runtime.state.status === 'signed-in';
    if (probe.cookieVersion() === runtime.client.cookieVersion())
      return signedIn || mode === 'sync' ? runtime.state : null;
    const facts = probe.hasSession() ? await probe.currentUser().catch(unproven) : null;
    if (facts === null) {
      if (mode === 'sync') await endedInWeb(host, runtime, cookies);
      return mode === 'sync' ? runtime.state : null;
    }
    const sameSession = signedIn && runtime.state.user?.name === facts.username;
    runtime.client.restoreJar(probe.serializeJar());
    const now = new Date(host.now()).toISOString();
    const signedInAt = sameSession ? runtime.state.signedInAt : now;
    const details = sameSession ? {} : await loadSessionDetails(runtime.client, profile, facts.username);
    await host.runtimes.sealCookies(runtime, signedInAt);
    host.runtimes.update(runtime, {
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
        : { warnings: [...serverWarnings(profile, details.serverInfo), ...otherUserWarning(profile, facts.username)] }),
    });
    if (!sameSession)
      host.log('info', 'Signed in on the web page', { profileId: profile.id, username: facts.username });
    host.schedule(runtime);
    return runtime.state;
  } finally {
    probe.dispose();
  }
}

/** A check of a web window's cookies that did not name a user: null when they are no session, else the error. */
function unproven(error: unknown): null {
  const info = toAppErrorInfo(error);
  if (info.kind === 'session-expired' || info.kind === 'not-signed-in') return null;
  throw error;
}

/** The web window's session is gone: signed out there (Jira's token says `_lout`), or expired like any other. */
async function endedInWeb(host: WebAdoptionHost, runtime: Runtime, cookies: WebCookie[]): Promise<void> {
  if (!runtime.client.hasSession()) return;
  const signedOut = cookies.some((cookie) => cookie.name === 'atlassian.xsrf.token' && cookie.value.endsWith('_lout'));
  if (!signedOut) {
    await host.expire(runtime, { kind: 'session-expired', message: 'The session in the Jira window has ended.' });
    return;
  }
  host.stopChecks(runtime.profile.id);
  host.runtimes.clearSession(runtime, SIGNED_OUT_IN_WEB);
  host.log('info', 'Signed out in the web window', { profileId: runtime.profile.id });
}
