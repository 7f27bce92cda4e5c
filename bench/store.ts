// The store at N signed-in servers (stand-ins of the fleet, no latency), each figure a ratio against plain work
// in the same run:
//   save        one profiles:save through createAppCore (the store file rewritten atomically, the secrets
//               untouched) against an atomic rewrite of the same file with node:fs (temporary file, fsync,
//               rename) — target at most 5x
//   cold start  createAppCore on the folder until it answers sessions:list (profiles and sealed sessions
//               restored) against reading and parsing what the store holds (the store file and every session
//               file) — target at most 10x
//   sign-in     one sign-in with N servers signed in against the same with an empty store — target 1.05x
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../electron/core/store/atomic-write';
import { STORE_FILE_NAME } from '../electron/core/store/document-store';
import { SESSIONS_DIR } from '../electron/core/store/secret-files';
import type { ProfileInput, ServerProfile } from '../electron/shared/model';
import { startCore, type CoreHarness } from '../test/support/core-harness';
import type { FleetServer } from './fleet';
import type { Fleet } from './lib/fleet-client';
import { median, ratio, sleep, timed } from './lib/stats';

/** Profiles share this many stand-ins: each signs in on its own, so the store holds N sessions all the same. */
export const STORE_HOSTS = 50;

const editable = (profile: ServerProfile, label: string): ProfileInput => ({
  id: profile.id,
  label,
  baseUrl: profile.baseUrl,
  username: profile.username,
  environment: 'test',
});

async function signedInStore(hosts: FleetServer[], servers: number): Promise<CoreHarness> {
  const harness = await startCore({ http: { timeoutMs: 60_000 } });
  const profiles: ServerProfile[] = [];
  for (let i = 0; i < servers; i++) {
    profiles.push(await harness.addProfile({ baseUrl: hosts[i % hosts.length]!.baseUrl, label: `Server ${i}` }));
  }
  await Promise.all(
    profiles.map((profile) =>
      harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' }),
    ),
  );
  await harness.core.flushStore();
  return harness;
}

/** Reads and parses everything the store holds: the baseline of a cold start. */
function readAndParse(dataDir: string): void {
  JSON.parse(readFileSync(join(dataDir, `${STORE_FILE_NAME}.json`), 'utf8'));
  const sessions = join(dataDir, SESSIONS_DIR);
  for (const name of readdirSync(sessions)) JSON.parse(readFileSync(join(sessions, name), 'utf8'));
}

async function saveFigure(harness: CoreHarness, rounds: number): Promise<{ save: number; rewrite: number }> {
  const storePath = join(harness.dataDir, `${STORE_FILE_NAME}.json`);
  const profiles = await harness.core.invoke('profiles:list');
  const saves: number[] = [];
  const rewrites: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const text = readFileSync(storePath, 'utf8');
    rewrites.push(await timed(async () => writeFileAtomicSync(`${storePath}.bench`, text, 0o600)));
    const profile = profiles[round % profiles.length]!;
    saves.push(await timed(() => harness.core.invoke('profiles:save', editable(profile, `Server ${round}`))));
  }
  rmSync(`${storePath}.bench`, { force: true });
  return { save: median(saves), rewrite: median(rewrites) };
}

/** Sign-ins to one more profile of each core, alternating which goes first; signed out (untimed) in between. */
async function signInFigure(full: CoreHarness, empty: CoreHarness, host: FleetServer, samples: number) {
  const measured = await Promise.all(
    [full, empty].map((harness) => harness.addProfile({ baseUrl: host.baseUrl, label: 'Measured' })),
  );
  const times: [number[], number[]] = [[], []];
  for (let sample = 0; sample < samples; sample++) {
    for (const side of sample % 2 ? [1, 0] : [0, 1]) {
      const harness = side === 0 ? full : empty;
      const profileId = measured[side]!.id;
      times[side]!.push(
        await timed(() => harness.core.invoke('session:login', profileId, { username: 'admin', password: 'admin' })),
      );
      await harness.core.invoke('session:logout', profileId);
      // The secret file is written off the critical path; both sides write the same one, never during a sample.
      await harness.core.flushStore();
    }
  }
  // Each pair ran back to back, so the load of the moment falls on both: their ratios are compared, not two far
  // apart medians.
  const pairs = times[0].map((many, sample) => many / times[1][sample]!);
  return { withMany: median(times[0]), withNone: median(times[1]), ratio: median(pairs) };
}

async function coldStartFigure(harness: CoreHarness, rounds: number): Promise<{ start: number; read: number }> {
  const reads: number[] = [];
  const starts: number[] = [];
  for (let round = 0; round < rounds; round++) {
    reads.push(await timed(async () => readAndParse(harness.dataDir)));
    let again: CoreHarness | undefined;
    starts.push(
      await timed(async () => {
        again = await startCore({ cipher: harness.cipher, http: { timeoutMs: 60_000 } }, harness.dataDir);
        await again.core.invoke('sessions:list');
      }),
    );
    // The start-up check of every session runs on after the list is there; let it finish before the next round.
    while ((await again!.core.invoke('sessions:list')).some((state) => state.activity === 'checking')) await sleep(50);
    await again!.dispose();
  }
  return { start: median(starts), read: median(reads) };
}

export async function storeBench(fleet: Fleet, servers: number, rounds: number): Promise<void> {
  await fleet.set({ latencyMs: 0, connectionLatencyMs: 0 });
  const hosts = fleet.http.slice(0, STORE_HOSTS);
  const full = await signedInStore(hosts, servers);
  const empty = await startCore({ http: { timeoutMs: 60_000 } });
  let fullRunning = true;
  try {
    const { save, rewrite } = await saveFigure(full, rounds * 7);
    const signIn = await signInFigure(full, empty, hosts[0]!, rounds * 50);
    // The cold starts open its folder: it must be closed, everything written.
    fullRunning = false;
    await full.dispose();
    const { start, read } = await coldStartFigure(full, Math.max(5, rounds));
    console.log(
      `store: ${servers} servers, save ${ratio(save, rewrite)}x an atomic rewrite, cold start ${ratio(start, read)}x read and parse ` +
        `(save ${save.toFixed(2)} ms, rewrite ${rewrite.toFixed(2)} ms; start ${start.toFixed(1)} ms, ` +
        `read and parse ${read.toFixed(1)} ms; targets 5x and 10x)`,
    );
    console.log(
      `sign-in: ${servers} servers in the store, ${signIn.ratio.toFixed(2)}x an empty store (median of paired ` +
        `sign-ins; ${signIn.withMany.toFixed(2)} ms against ${signIn.withNone.toFixed(2)} ms; target 1.05x)`,
    );
  } finally {
    if (fullRunning) await full.dispose();
    await empty.dispose();
  }
}
