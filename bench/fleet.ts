// A fleet of Jira stand-ins in a process of its own (started by bench/lib/fleet-client.ts), so the servers'
// work never shares the event loop of the core being measured. Every stand-in listens on 127.0.0.1 with its own
// port; the HTTPS ones each have their own private CA, as separate companies' servers would.
// Messages: in  { type: 'set', options: AdjustableOptions } -> out { type: 'set' }
//           out { type: 'ready', http: FleetServer[], https: FleetServer[] } once every stand-in listens.
import { parseArgs } from 'node:util';
import { startJiraStandIn, type AdjustableOptions, type JiraStandIn } from '../test/support/jira-stand-in';

export interface FleetServer {
  baseUrl: string;
  caPem?: string;
}

export type FleetRequest = { type: 'set'; options: Partial<AdjustableOptions> };
export type FleetMessage = { type: 'ready'; http: FleetServer[]; https: FleetServer[] } | { type: 'set' };

const { values } = parseArgs({
  options: { http: { type: 'string', default: '0' }, https: { type: 'string', default: '0' } },
});

async function startMany(count: number, https: boolean): Promise<JiraStandIn[]> {
  const started: JiraStandIn[] = [];
  // In batches: a thousand certificate authorities or listeners at once only queue up behind each other.
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => startJiraStandIn({ https }));
    started.push(...(await Promise.all(batch)));
  }
  return started;
}

const http = await startMany(Number(values.http), false);
const https = await startMany(Number(values.https), true);
const all = [...http, ...https];
const describe = (server: JiraStandIn): FleetServer => ({
  baseUrl: server.baseUrl,
  ...(server.caPem ? { caPem: server.caPem } : {}),
});

process.on('message', (request: FleetRequest) => {
  if (request.type === 'set') {
    for (const server of all) server.setOptions(request.options);
    process.send?.({ type: 'set' } satisfies FleetMessage);
  }
});
// The parent going away (or closing the channel) ends the fleet.
process.on('disconnect', () => {
  void Promise.all(all.map((server) => server.close())).then(() => process.exit(0));
});
process.send?.({ type: 'ready', http: http.map(describe), https: https.map(describe) } satisfies FleetMessage);
