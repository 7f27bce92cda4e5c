// What reaches the renderer during one refresh-all: the `sessions:delta` events a real createAppCore emits while
// it verifies N signed-in servers (stand-ins with latency), measured as the JSON main would send. The target is
// linear growth, at most 2 KiB per server; the whole list once per event (as before deltas) grew with N².
import { startCore } from '../test/support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../test/support/jira-stand-in';
import type { SessionsDelta } from '../electron/shared/session-delta';

export interface EventsOptions {
  servers: number;
  latencyMs: number;
  /** How many stand-ins the servers' profiles share (each profile signs in on its own). */
  hosts?: number;
}

export interface EventsFigures {
  servers: number;
  bytes: number;
  events: number;
  listBytes: number;
}

export async function measureEvents(options: EventsOptions): Promise<EventsFigures> {
  const hostCount = Math.min(options.hosts ?? 50, options.servers);
  const hosts: JiraStandIn[] = await Promise.all(Array.from({ length: hostCount }, () => startJiraStandIn()));
  const harness = await startCore({ http: { timeoutMs: 60_000 } });
  try {
    const profiles = [];
    for (let i = 0; i < options.servers; i++) {
      profiles.push(await harness.addProfile({ baseUrl: hosts[i % hostCount]!.baseUrl, label: `Server ${i}` }));
    }
    await Promise.all(
      profiles.map((profile) =>
        harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' }),
      ),
    );
    for (const host of hosts) host.setOptions({ latencyMs: options.latencyMs });
    await harness.core.invoke('sessions:refreshAll');

    let bytes = 0;
    let events = 0;
    const stop = harness.core.on('sessions:delta', (delta: SessionsDelta) => {
      bytes += Buffer.byteLength(JSON.stringify(delta));
      events += 1;
    });
    const listBytes = Buffer.byteLength(JSON.stringify(await harness.core.invoke('sessions:list')));
    const states = await harness.core.invoke('sessions:refreshAll');
    stop();
    const signedIn = states.filter((state) => state.status === 'signed-in').length;
    if (signedIn !== options.servers) throw new Error(`only ${signedIn} of ${options.servers} sessions verified`);
    return { servers: options.servers, bytes, events, listBytes };
  } finally {
    await harness.dispose();
    await Promise.all(hosts.map((host) => host.close()));
  }
}

/** Prints `events: <N> servers, <KiB> KiB to the renderer per refresh-all`, with the per-server figure. */
export async function eventsBench(servers: number, latencyMs: number): Promise<void> {
  const small = await measureEvents({ servers: Math.max(10, Math.round(servers / 10)), latencyMs });
  const large = await measureEvents({ servers, latencyMs });
  const perServer = (figures: EventsFigures) => figures.bytes / figures.servers;
  console.log(
    `events: ${servers} servers, ${(large.bytes / 1024).toFixed(1)} KiB to the renderer per refresh-all ` +
      `(${large.events} events, ${perServer(large).toFixed(0)} B per server, target <= 2048; ` +
      `${small.servers} servers: ${perServer(small).toFixed(0)} B per server; the whole list, sent once: ` +
      `${(large.listBytes / 1024).toFixed(1)} KiB)`,
  );
}
