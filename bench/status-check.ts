// status-check: the added cost of one GET /rest/auth/1/session through createAppCore over a raw node:http GET,
// against one stand-in of the fleet with no latency. Both keep their connection alive between checks.
import { Agent } from 'node:http';
import type { Fleet } from './lib/fleet-client';
import { rawGet, rawSignIn } from './lib/floor';
import { signedInCore } from './lib/signed-in-core';
import { median, timed } from './lib/stats';

export async function statusCheck(fleet: Fleet, checks: number): Promise<void> {
  await fleet.set({ latencyMs: 0, connectionLatencyMs: 0 });
  const server = fleet.http[0]!;
  const { harness, profileIds } = await signedInCore([server]);
  const profileId = profileIds[0]!;
  const agent = new Agent({ keepAlive: true });
  try {
    // The raw baseline carries a session of its own, so both answer 200 with the same work on the server.
    const session = await rawSignIn(server.baseUrl);
    const raw: number[] = [];
    const core: number[] = [];
    for (let i = 0; i < checks; i++) {
      // Interleaved so that warm-up and machine noise fall on both sides alike.
      raw.push(await timed(() => rawGet(session, agent)));
      core.push(await timed(() => harness.core.invoke('session:refresh', profileId)));
    }
    const added = median(core) - median(raw);
    console.log(
      `status-check: ${checks} checks, raw node:http median ${median(raw).toFixed(2)} ms, createAppCore median ${median(core).toFixed(2)} ms, added ${added.toFixed(2)} ms per check (target < 2 ms)`,
    );
  } finally {
    agent.destroy();
    await harness.dispose();
  }
}
