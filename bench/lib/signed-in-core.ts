// A real createAppCore (temporary data folder) with one profile per fleet server, every one signed in.
import { startCore, type CoreHarness } from '../../test/support/core-harness';
import type { FleetServer } from '../fleet';

export interface SignedInCore {
  harness: CoreHarness;
  profileIds: string[];
}

export async function signedInCore(servers: FleetServer[]): Promise<SignedInCore> {
  const harness = await startCore({ http: { timeoutMs: 60_000 } });
  const profiles = await Promise.all(
    servers.map((server, i) =>
      harness.addProfile({
        baseUrl: server.baseUrl,
        label: `Server ${i}`,
        ...(server.caPem ? { caCertificate: server.caPem } : {}),
      }),
    ),
  );
  await Promise.all(
    profiles.map((profile) =>
      harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' }),
    ),
  );
  return { harness, profileIds: profiles.map((profile) => profile.id) };
}

/** One refresh-all; throws unless every session was verified, so a failure never passes for speed. */
export async function refreshAllVerified(core: SignedInCore): Promise<void> {
  const states = await core.harness.core.invoke('sessions:refreshAll');
  const failed = states.filter((state) => state.status !== 'signed-in');
  if (failed.length > 0)
    throw new Error(
      `${failed.length} of ${states.length} sessions not verified: ${JSON.stringify(
        failed.slice(0, 3).map((state) => [state.status, state.error?.message]),
      )}`,
    );
}
