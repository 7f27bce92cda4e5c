// Reopening the sessions sealed in an earlier run: a cookie jar, or a token profile's token. Verification is left
// to the first check; a seal that cannot be read is dropped, never half-used.
import type { ServerProfile } from '../../shared/model';
import { sessionSecret } from '../admin/bearer-client';
import type { LogSink } from '../ports';
import type { SecretStore } from '../secrets/secret-store';
import type { SessionRuntimes } from './session-runtimes';

export const UNREADABLE_SESSION =
  'The saved session for this server could not be read, so it was dropped. Sign in again.';

export async function restoreSessions(
  host: { runtimes: SessionRuntimes; secrets: SecretStore; log: LogSink },
  profiles: ServerProfile[],
): Promise<void> {
  const { runtimes, secrets, log } = host;
  for (const profile of profiles) {
    const runtime = await runtimes.add(profile);
    const sealed = await secrets.get(profile.id, sessionSecret(profile));
    if (sealed === undefined) {
      if (secrets.wasUnreadable(profile.id)) runtimes.update(runtime, { signedOutReason: UNREADABLE_SESSION });
      continue;
    }
    try {
      runtime.client.restoreJar(sealed);
      runtime.sealedCookies = runtime.client.cookieVersion();
      runtimes.update(runtime, { activity: 'checking', signedInAt: secrets.signedInAt(profile.id) });
    } catch {
      log('warn', 'A stored session could not be restored', { profileId: profile.id });
      secrets.delete(profile.id, sessionSecret(profile));
    }
  }
}
