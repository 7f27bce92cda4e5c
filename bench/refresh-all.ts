// refresh-all: verifying every signed-in server at once through createAppCore, with latency charged for the
// connection set-up and for each answer, against checking them one after another (measured on a sample and
// extrapolated: 1000 servers one by one at 50 ms would take minutes), against the floor (plain node:http, all at
// once) and against a Python peer (bench/peer.py) checking them one by one and with 32 threads.
// refresh-all-https: the same over HTTPS with each server's private CA, against the same over HTTP.
// Rounds are interleaved and start with no connection left over from the round before.
import { IDLE_SOCKET_MS } from '../electron/core/jira/agents';
import type { Fleet } from './lib/fleet-client';
import { floor, rawSignIn, type RawSession } from './lib/floor';
import { pythonAvailable, runPythonPeer } from './lib/python-peer';
import { refreshAllVerified, signedInCore, type SignedInCore } from './lib/signed-in-core';
import { interleaved, ratio, seconds, sleep, timed } from './lib/stats';

export interface RefreshAllOptions {
  latencyMs: number;
  /** Servers checked one by one for the sequential figure. */
  sample: number;
  rounds: number;
  /** Also run bench/peer.py (when python3 is there) against the same servers. */
  peer: boolean;
}

/** Waits until the keep-alive sockets of the last burst are closed, so the next round sets up its own. */
const settle = () => sleep(IDLE_SOCKET_MS + 300);

/** Medians of interleaved rounds, each starting with no connection left over from the one before. */
const compare = (options: RefreshAllOptions, first: () => Promise<void>, second: () => Promise<void>) =>
  interleaved(options.rounds, settle, first, second);

const withLatency = (fleet: Fleet, latencyMs: number) => fleet.set({ latencyMs, connectionLatencyMs: latencyMs });

async function disposeAll(cores: SignedInCore[]): Promise<void> {
  await Promise.all(cores.map((core) => core.harness.dispose()));
}

export async function refreshAll(fleet: Fleet, options: RefreshAllOptions): Promise<void> {
  const count = fleet.http.length;
  await withLatency(fleet, 0);
  const core = await signedInCore(fleet.http);
  try {
    const raw = await Promise.all(fleet.http.map((server) => rawSignIn(server.baseUrl)));
    await withLatency(fleet, options.latencyMs);

    const sample = core.profileIds.slice(0, Math.min(options.sample, count));
    const sampleMs = await timed(async () => {
      for (const profileId of sample) await core.harness.core.invoke('session:refresh', profileId);
    });
    const sequential = (sampleMs / sample.length) * count;

    const [floorMs, parallel] = await compare(
      options,
      () => floor(raw),
      () => refreshAllVerified(core),
    );
    console.log(
      `refresh-all-sequential: ${count} servers, ${options.latencyMs} ms latency, ${seconds(sequential)} s (${sample.length} checked one by one, extrapolated)`,
    );
    console.log(
      `refresh-all-floor: ${count} servers, ${options.latencyMs} ms latency, ${seconds(floorMs)} s (plain node:http, all at once)`,
    );
    console.log(
      `refresh-all: ${count} servers, ${options.latencyMs} ms latency, ${seconds(parallel)} s, ${ratio(sequential, parallel)}x faster than sequential, ${ratio(parallel, floorMs)}x the floor (targets >= 100x, <= 3x)`,
    );
    if (options.peer) await pythonPeer(raw, options, parallel);
  } finally {
    await disposeAll([core]);
  }
}

async function pythonPeer(raw: RawSession[], options: RefreshAllOptions, refreshAllMs: number): Promise<void> {
  if (!pythonAvailable()) {
    console.log('python-peer: python3 not found, peer skipped');
    return;
  }
  await settle();
  const peer = await runPythonPeer(raw, options.sample);
  console.log(
    `python-peer: ${raw.length} servers, ${options.latencyMs} ms latency, one by one ${seconds(peer.oneByOneMs)} s (${Math.min(options.sample, raw.length)} checked, extrapolated), 32 threads ${seconds(peer.threadedMs)} s; refresh-all ${ratio(peer.threadedMs, refreshAllMs)}x faster than the threaded peer`,
  );
}

export async function refreshAllHttps(fleet: Fleet, options: RefreshAllOptions): Promise<void> {
  const count = fleet.https.length;
  await withLatency(fleet, 0);
  const cores = [await signedInCore(fleet.https), await signedInCore(fleet.http.slice(0, count))];
  const [https, http] = cores as [SignedInCore, SignedInCore];
  try {
    await withLatency(fleet, options.latencyMs);
    const [httpMs, httpsMs] = await compare(
      options,
      () => refreshAllVerified(http),
      () => refreshAllVerified(https),
    );
    console.log(
      `refresh-all-https: ${count} servers, private CA, ${ratio(httpsMs, httpMs)}x the same over HTTP (${httpsMs.toFixed(0)} ms against ${httpMs.toFixed(0)} ms, ${options.latencyMs} ms latency; target <= 1.5x)`,
    );
  } finally {
    await disposeAll(cores);
  }
}
