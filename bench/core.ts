// Benchmarks of the session engine, each a ratio against a baseline measured in the same run:
//   status-check  the added cost of one GET /rest/auth/1/session through createAppCore over a raw node:http GET
//   refresh-all   verifying N signed-in servers with 50 ms latency at once, against doing it one after another
//   events        what reaches the renderer per refresh-all of --events-servers servers (bench/events.ts)
// Usage: npm run bench:core [-- --servers 200 --latency 50 --checks 300]
import { request } from 'node:http';
import { parseArgs } from 'node:util';
import { removeTemporaryDirs, startCore } from '../test/support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../test/support/jira-stand-in';
import { eventsBench } from './events';

const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: '200' },
    latency: { type: 'string', default: '50' },
    checks: { type: 'string', default: '300' },
    'events-servers': { type: 'string', default: '1000' },
  },
});
const serverCount = Number(values.servers);
const latencyMs = Number(values.latency);
const checks = Number(values.checks);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function rawGet(url: string, cookie: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'application/json', Cookie: cookie } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function statusCheckOverhead(): Promise<void> {
  const server = await startJiraStandIn();
  const harness = await startCore();
  try {
    const profile = await harness.addProfile({ baseUrl: server.baseUrl });
    await harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    // The raw baseline carries a session of its own, so both answer 200 with the same work on the server.
    const login = await fetch(`${server.baseUrl}/rest/auth/1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((header) => header.split(';')[0])
      .join('; ');
    const url = `${server.baseUrl}/rest/auth/1/session`;
    const raw: number[] = [];
    const core: number[] = [];
    for (let i = 0; i < checks; i++) {
      // Interleaved so that warm-up and machine noise fall on both sides alike.
      raw.push(await timed(() => rawGet(url, cookie)));
      core.push(await timed(() => harness.core.invoke('session:refresh', profile.id)));
    }
    const added = median(core) - median(raw);
    console.log(
      `status-check: ${checks} checks, raw node:http median ${median(raw).toFixed(2)} ms, createAppCore median ${median(core).toFixed(2)} ms, added ${added.toFixed(2)} ms per check (target < 2 ms)`,
    );
  } finally {
    await harness.dispose();
    await server.close();
  }
}

async function refreshAll(): Promise<void> {
  const servers: JiraStandIn[] = await Promise.all(Array.from({ length: serverCount }, () => startJiraStandIn()));
  const harness = await startCore({ http: { timeoutMs: 30_000 } });
  try {
    const profiles = await Promise.all(
      servers.map((server, i) => harness.addProfile({ baseUrl: server.baseUrl, label: `Server ${i}` })),
    );
    await Promise.all(
      profiles.map((profile) =>
        harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' }),
      ),
    );
    for (const server of servers) server.setOptions({ latencyMs });

    const sequential = await timed(async () => {
      for (const profile of profiles) await harness.core.invoke('session:refresh', profile.id);
    });
    const parallelRuns: number[] = [];
    for (let run = 0; run < 3; run++) {
      parallelRuns.push(
        await timed(async () => {
          const states = await harness.core.invoke('sessions:refreshAll');
          const signedIn = states.filter((state) => state.status === 'signed-in').length;
          if (signedIn !== serverCount)
            throw new Error(
              `only ${signedIn} of ${serverCount} sessions verified: ${JSON.stringify(
                states
                  .filter((s) => s.status !== 'signed-in')
                  .map((s) => [s.status, s.error])
                  .slice(0, 3),
              )}`,
            );
        }),
      );
    }
    const parallel = median(parallelRuns);
    console.log(
      `refresh-all-sequential: ${serverCount} servers, ${latencyMs} ms latency, ${(sequential / 1000).toFixed(2)} s`,
    );
    console.log(
      `refresh-all: ${serverCount} servers, ${latencyMs} ms latency, ${(parallel / 1000).toFixed(2)} s, ${(sequential / parallel).toFixed(1)}x faster than sequential`,
    );
  } finally {
    await harness.dispose();
    await Promise.all(servers.map((server) => server.close()));
  }
}

await statusCheckOverhead();
await refreshAll();
await eventsBench(Number(values['events-servers']), latencyMs);
removeTemporaryDirs();
