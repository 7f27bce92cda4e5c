// Rendering benchmark in headless Chromium: the built dashboard with 10 and with 1,000 servers (a quarter signed
// in), against a real createAppCore whose sessions live on Jira stand-ins, exactly as in the end-to-end test.
// Measures, in the page: the time to the first frame that shows the list (10 and 1,000 servers, and their ratio),
// switching between servers (click to the pane on screen), the main-thread cost of one sessions:changed event
// (the whole list, as main sends it) and of one keystroke in the filter box.
// Usage: npm run bench:renderer [-- --servers 1000 --runs 5 --switches 20 --keystrokes 12]
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { removeTemporaryDirs, startCore, type CoreHarness } from '../test/support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../test/support/jira-stand-in';
import { launchChromium, openBrowserApp } from '../test/e2e/support/browser-app';
import { buildRenderer } from '../test/e2e/support/renderer-build';

const { values } = parseArgs({
  options: {
    servers: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    switches: { type: 'string', default: '20' },
    keystrokes: { type: 'string', default: '12' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('Usage: npm run bench:renderer -- [--servers 1000] [--runs 5] [--switches 20] [--keystrokes 12]');
  process.exit(0);
}
const large = Number(values.servers);
const small = 10;
const runs = Number(values.runs);
const switches = Number(values.switches);
const keystrokes = Number(values.keystrokes);
/** Servers share stand-ins (a profile is its own session whatever its address); sign-ins spread over them. */
const STAND_INS = 20;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function coreWith(count: number, servers: JiraStandIn[]): Promise<CoreHarness> {
  const harness = await startCore();
  const profiles = [];
  for (let i = 0; i < count; i++) {
    profiles.push(
      await harness.addProfile({
        baseUrl: servers[i % servers.length]!.baseUrl,
        label: `Jira ${String(i + 1).padStart(4, '0')}`,
        environment: (['production', 'staging', 'test', 'development'] as const)[i % 4],
        ...(count > small ? { group: `Region ${1 + (i % 8)}` } : {}),
      }),
    );
  }
  // Every fourth signed in: the list shows a mix of states, as a large estate does.
  await Promise.all(
    profiles
      .filter((_, i) => i % 4 === 0)
      .map((profile) => harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' })),
  );
  return harness;
}

// In-page code as text: functions handed to page.evaluate would carry the bundler's name helpers with them.
/** Resolves once the main thread has run everything queued so far (React's scheduler posts its work the same way). */
const IDLE = `() => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); })`;

/** Milliseconds from navigation to the first frame with the list on it (the list's own mark). */
async function firstRender(browser: Browser, rendererDir: string, harness: CoreHarness): Promise<number> {
  const app = await openBrowserApp(browser, { core: harness.core, rendererDir });
  try {
    await app.page.waitForFunction(() => performance.getEntriesByName('jsm:list-shown').length > 0, undefined, {
      timeout: 30_000,
    });
    return await app.page.evaluate(() => performance.getEntriesByName('jsm:list-shown')[0]!.startTime);
  } finally {
    await app.close();
  }
}

/** Clicks a server in view that is not selected and waits for its pane to be on screen (after the next frame). */
const SWITCH = `(nth) => new Promise((resolve) => {
  const rows = [...document.querySelectorAll('[role="listbox"] [role="option"][data-profile-id]:not([aria-selected="true"])')];
  const row = rows[nth % rows.length];
  const id = row.dataset.profileId;
  const started = performance.now();
  row.click();
  const poll = () => document.querySelector('.pane[data-profile-id="' + id + '"]')
    ? requestAnimationFrame(() => resolve(performance.now() - started))
    : requestAnimationFrame(poll);
  poll();
})`;

/** The whole session list again with one server's check time moved on, delivered as main delivers it. */
const SESSION_EVENT = `async (nth) => {
  const sessions = await window.jiraSessions.listSessions();
  const one = sessions[nth % sessions.length];
  one.verifiedAt = new Date(Date.now() + nth * 1000).toISOString();
  const payload = JSON.parse(JSON.stringify(sessions));
  const started = performance.now();
  window.__jsmEmit('sessions:changed', payload);
  await (${IDLE})();
  return performance.now() - started;
}`;

/** One character typed into the filter box (React's onChange), until the list has re-rendered. */
const KEYSTROKE = `async (text) => {
  const input = document.querySelector('input[type="search"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const started = performance.now();
  setValue.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await (${IDLE})();
  return performance.now() - started;
}`;

interface Interaction {
  switches: number[];
  events: number[];
  keystrokes: number[];
}

async function interact(page: Page): Promise<Interaction> {
  await page.waitForFunction(() => performance.getEntriesByName('jsm:list-shown').length > 0);
  const result: Interaction = { switches: [], events: [], keystrokes: [] };
  for (let i = 0; i < switches; i++) result.switches.push(await page.evaluate<number>(`(${SWITCH})(${i * 7 + 3})`));
  for (let i = 0; i < switches; i++) result.events.push(await page.evaluate<number>(`(${SESSION_EVENT})(${i * 37})`));
  const typed = 'jira 05 region 3'.slice(0, Math.max(1, keystrokes));
  for (let i = 1; i <= typed.length; i++) {
    result.keystrokes.push(await page.evaluate<number>(`(${KEYSTROKE})(${JSON.stringify(typed.slice(0, i))})`));
  }
  // Deleting back to nothing is a keystroke each too: the list grows again.
  for (let i = typed.length - 1; i >= 0; i--) {
    result.keystrokes.push(await page.evaluate<number>(`(${KEYSTROKE})(${JSON.stringify(typed.slice(0, i))})`));
  }
  return result;
}

const [rendererDir, browser, servers] = await Promise.all([
  buildRenderer(),
  launchChromium(),
  Promise.all(Array.from({ length: STAND_INS }, () => startJiraStandIn())),
]);
try {
  const smallCore = await coreWith(small, servers);
  const largeCore = await coreWith(large, servers);
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
  const app = await openBrowserApp(browser, { core: largeCore.core, rendererDir });
  try {
    const measured = await interact(app.page);
    const dom = await app.page.evaluate(() => document.querySelectorAll('*').length);
    console.log(
      `renderer-switch: ${large} servers, median ${median(measured.switches).toFixed(1)} ms, worst ${Math.max(...measured.switches).toFixed(1)} ms over ${switches} switches (target under 50 ms at the median)`,
    );
    console.log(
      `renderer-session-event: ${large} servers, ${median(measured.events).toFixed(1)} ms of the main thread per sessions:changed (median of ${switches}, worst ${Math.max(...measured.events).toFixed(1)} ms)`,
    );
    console.log(
      `renderer-filter-keystroke: ${large} servers, median ${median(measured.keystrokes).toFixed(1)} ms, worst ${Math.max(...measured.keystrokes).toFixed(1)} ms over ${measured.keystrokes.length} keystrokes (target under 16 ms)`,
    );
    console.log(`renderer-dom: ${large} servers, ${dom} elements in the page`);
  } finally {
    await app.close();
  }
  await Promise.all([smallCore.dispose(), largeCore.dispose()]);
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close()));
  removeTemporaryDirs();
}
