// Benchmarks of the session engine, each against a baseline measured in the same run. The Jira stand-ins run in a
// separate process (bench/fleet.ts); each measure lives in a module of its own. Figures only: nothing here fails
// on timing.
import { parseArgs } from 'node:util';
import { removeTemporaryDirs } from '../test/support/core-harness';
import { startFleet } from './lib/fleet-client';
import { eventsBench } from './events';
import { refreshAll, refreshAllHttps } from './refresh-all';
import { statusCheck } from './status-check';
import { STORE_HOSTS, storeBench } from './store';

const HELP = `Usage: npm run bench:core [-- options]

Prints one line per figure:
  status-check        added cost of one session check through createAppCore over a raw node:http GET
  refresh-all         checking every server at once, against one by one and against the floor
                      (plain node:http, all at once); the sequential figure is measured on --sample
                      servers and extrapolated
  python-peer         a Python script checking the same servers one by one and with 32 threads
  refresh-all-https   the same over HTTPS with a private CA per server, against the same over HTTP
  events              what reaches the renderer per refresh-all of --events-servers servers
  store               one save and a cold start against plain file work, and a sign-in against the
                      same with an empty store, with --store-servers servers signed in

Options:
  --servers <n>        servers for refresh-all (default 1000)
  --https-servers <n>  servers for refresh-all-https (default 50)
  --latency <ms>       latency per connection set-up and per answer (default 50)
  --checks <n>         status checks, interleaved with raw GETs (default 300)
  --events-servers <n> servers for the events figure (default 1000)
  --store-servers <n>  servers signed in for the store figures (default 1000)
  --sample <n>         servers checked one by one for the sequential figure (default 20)
  --rounds <n>         interleaved rounds per parallel figure; the median is printed (default 3)
  --skip-peer          do not run the Python peer (bench/peer.py; skipped anyway without python3)
  --only <names>       comma-separated figures to measure, e.g. refresh-all,refresh-all-https
  -h, --help           this text
`;

const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: '1000' },
    'https-servers': { type: 'string', default: '50' },
    latency: { type: 'string', default: '50' },
    checks: { type: 'string', default: '300' },
    'events-servers': { type: 'string', default: '1000' },
    'store-servers': { type: 'string', default: '1000' },
    sample: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
    'skip-peer': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

function count(
  name: 'servers' | 'https-servers' | 'events-servers' | 'store-servers' | 'latency' | 'checks' | 'sample' | 'rounds',
): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < (name === 'latency' ? 0 : 1)) {
    console.error(`--${name} must be a whole number${name === 'latency' ? '' : ' above 0'} (see --help).`);
    process.exit(2);
  }
  return value;
}

const servers = count('servers');
const httpsServers = count('https-servers');
const measure = {
  latencyMs: count('latency'),
  sample: count('sample'),
  rounds: count('rounds'),
  peer: !values['skip-peer'],
};

const only = values.only?.split(',').map((name) => name.trim());
const wanted = (name: string) => only === undefined || only.includes(name);

// Enough plain stand-ins for every figure wanted; the HTTPS figure compares with as many over HTTP.
const httpCount = Math.max(
  wanted('refresh-all') ? servers : 0,
  wanted('refresh-all-https') ? httpsServers : 0,
  wanted('status-check') ? 1 : 0,
  wanted('store') ? Math.min(STORE_HOSTS, count('store-servers')) : 0,
);
const fleet = await startFleet({ http: httpCount, https: wanted('refresh-all-https') ? httpsServers : 0 });
try {
  if (wanted('status-check')) await statusCheck(fleet, count('checks'));
  if (wanted('refresh-all')) await refreshAll({ ...fleet, http: fleet.http.slice(0, servers) }, measure);
  if (wanted('refresh-all-https')) await refreshAllHttps(fleet, measure);
  if (wanted('events')) await eventsBench(count('events-servers'), measure.latencyMs);
  if (wanted('store')) await storeBench(fleet, count('store-servers'), measure.rounds);
} finally {
  await fleet.close();
  removeTemporaryDirs();
}
