// Rendering benchmark in headless Chromium: the built dashboard with 10 and with 200 signed-in servers (first
// render, as the ratio of the two), and switching between servers in the 200. The page talks to a real
// createAppCore whose sessions live on Jira stand-ins, exactly as in the end-to-end test.
// Usage: npm run bench:renderer [-- --servers 200 --runs 5 --switches 40]
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { removeTemporaryDirs, startCore, type CoreHarness } from '../test/support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../test/support/jira-stand-in';
import { launchChromium, openBrowserApp } from '../test/e2e/support/browser-app';
import { buildRenderer } from '../test/e2e/support/renderer-build';

const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
    switches: { type: 'string', default: '40' },
  },
});
const large = Number(values.servers);
const small = 10;
const runs = Number(values.runs);
const switches = Number(values.switches);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function signedInCore(servers: JiraStandIn[]): Promise<CoreHarness> {
  const harness = await startCore();
  const profiles = [];
  for (const [i, server] of servers.entries()) {
    profiles.push(
      await harness.addProfile({
        baseUrl: server.baseUrl,
        label: `Jira ${String(i + 1).padStart(3, '0')}`,
        environment: (['production', 'staging', 'test', 'development'] as const)[i % 4],
      }),
    );
  }
  await Promise.all(
    profiles.map((profile) =>
      harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' }),
    ),
  );
  return harness;
}

/** Milliseconds from navigation to the app's `jsm:ready` mark (the first real screen). */
async function firstRender(browser: Browser, rendererDir: string, harness: CoreHarness): Promise<number> {
  const app = await openBrowserApp(browser, { core: harness.core, rendererDir });
  try {
    await app.page.waitForFunction(() => performance.getEntriesByName('jsm:ready').length > 0, undefined, {
      timeout: 30_000,
    });
    return await app.page.evaluate(() => performance.getEntriesByName('jsm:ready')[0]!.startTime);
  } finally {
    await app.close();
  }
}

// In-page code as text: functions handed to page.evaluate would carry the bundler's name helpers with them.
const SWITCH_AND_WAIT = `(profileId) => new Promise((resolve) => {
  const started = performance.now();
  document.getElementById('server-option-' + profileId).click();
  const poll = () => document.querySelector('.pane[data-profile-id="' + profileId + '"]')
    ? requestAnimationFrame(() => resolve(performance.now() - started))
    : requestAnimationFrame(poll);
  poll();
})`;

/** Milliseconds from clicking a server to its pane being on screen (after the next frame). */
async function switchTimes(browser: Browser, rendererDir: string, harness: CoreHarness): Promise<number[]> {
  const app = await openBrowserApp(browser, { core: harness.core, rendererDir });
  try {
    await app.page.waitForFunction(() => performance.getEntriesByName('jsm:ready').length > 0);
    const ids = (await harness.core.invoke('profiles:list')).map((profile) => profile.id);
    const times: number[] = [];
    for (let i = 0; i < switches; i++) {
      const id = ids[(i * 37 + 11) % ids.length]!;
      times.push(await app.page.evaluate<number>(`(${SWITCH_AND_WAIT})(${JSON.stringify(id)})`));
    }
    return times;
  } finally {
    await app.close();
  }
}

const [rendererDir, browser, servers] = await Promise.all([
  buildRenderer(),
  launchChromium(),
  Promise.all(Array.from({ length: large }, () => startJiraStandIn())),
]);
try {
  const smallCore = await signedInCore(servers.slice(0, small));
  const largeCore = await signedInCore(servers);
  // One warm-up each, so the browser's caches and JIT do not count against the first sample.
  await firstRender(browser, rendererDir, smallCore);
  await firstRender(browser, rendererDir, largeCore);
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    smallTimes.push(await firstRender(browser, rendererDir, smallCore));
    largeTimes.push(await firstRender(browser, rendererDir, largeCore));
  }
  const ratio = median(largeTimes) / median(smallTimes);
  console.log(
    `renderer-first-render: ${small} servers ${median(smallTimes).toFixed(0)} ms, ${large} servers ${median(largeTimes).toFixed(0)} ms, ${ratio.toFixed(2)}x (median of ${runs}; target at most 2x)`,
  );
  const times = await switchTimes(browser, rendererDir, largeCore);
  console.log(
    `renderer-switch: ${large} servers, median ${median(times).toFixed(1)} ms, worst ${Math.max(...times).toFixed(1)} ms over ${switches} switches (target under 50 ms at the median)`,
  );
  await Promise.all([smallCore.dispose(), largeCore.dispose()]);
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
  removeTemporaryDirs();
}
