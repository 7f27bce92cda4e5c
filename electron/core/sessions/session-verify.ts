// One liveness check: GET /rest/auth/1/session with the profile's cookies. An ended session becomes `expired`,
// never "signed in" on stale evidence; failed sign-ins that piled up since the last check become a warning.
import type { SessionState } from '../../shared/model';
import { toAppErrorInfo } from '../errors';
import type { WebAdoptionHost } from './web-adoption';
import { loadSessionDetails, sessionFacts } from './session-details';
import type { Runtime } from './session-runtimes';
import { failuresSinceLastCheck, serverWarnings } from './session-warnings';

export async function verifySession(host: WebAdoptionHost, runtime: Runtime): Promise<SessionState> {
  const { profile, client } = runtime;
  const { runtimes } = host;
  if (!client.hasSession()) return runtime.state;
  runtimes.update(runtime, { activity: 'checking' });
  try {
    const facts = await client.currentUser();
    const needsDetails = !runtime.state.user || !runtime.state.serverInfo;
    const details = needsDetails ? await loadSessionDetails(runtime.client, runtime.profile, facts.username) : {};
    const failed = failuresSinceLastCheck(runtime.state, facts);
    runtimes.update(runtime, {
      status: 'signed-in',
      activity: undefined,
      error: undefined,
      verifiedAt: new Date(host.now()).toISOString(),
      ...details,
      ...sessionFacts(facts),
      warnings: serverWarnings(profile, details.serverInfo ?? runtime.state.serverInfo),
      failedSignInsSinceCheck: failed > 0 ? failed : undefined,
    });
    await runtimes.sealCookies(runtime, runtime.state.signedInAt);
  } catch (error) {
    const info = toAppErrorInfo(error);
    // Cancelled by the person: the session is as it was before the check.
    if (info.kind === 'cancelled') runtimes.update(runtime, { activity: undefined });
    else if (info.kind === 'session-expired' || info.kind === 'not-signed-in') await host.expire(runtime, info);
    else runtimes.update(runtime, { status: 'error', activity: undefined, error: info });
  }
  host.schedule(runtime);
  return runtime.state;
}
