// Bulk actions end to end: the built renderer in Chromium against a real core and three Jira stand-ins. Select mode,
// a click and a Shift+click tick three servers, Sign out asks (naming the production ones) and ends exactly those,
// and the results list the one server that could not confirm first. Writes docs/screenshots/bulk-actions.png.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryDirs, startCore, type CoreHarness } from '../support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../support/jira-stand-in';
import { launchChromium, openBrowserApp, type BrowserApp } from './support/browser-app';
import * as dashboard from './support/dashboard-page';
import { SCREENSHOT_DIR } from './support/dashboard-page';
import { inside, readActionBar, viewportBox } from './support/layout-checks';
import { buildRenderer } from './support/renderer-build';

let browser: Browser;
let rendererDir: string;
let jira: JiraStandIn;
let other: JiraStandIn;
let flaky: JiraStandIn;
let harness: CoreHarness;
let app: BrowserApp;
let page: Page;

const SERVERS = [
  { label: 'Billing EU', group: 'EU', environment: 'production', on: 'jira' },
  { label: 'Support EU', group: 'EU', environment: 'production', on: 'flaky' },
  { label: 'Staging EU', group: 'EU', environment: 'staging', on: 'other' },
  { label: 'Billing US', group: 'US', environment: 'production', on: 'other' },
  { label: 'Test US', group: 'US', environment: 'test', on: 'jira' },
] as const;

const option = (label: string) => page.getByRole('option', { name: new RegExp(`^${label}`) });
const tickedLabels = () =>
  page
    .locator('[role="option"][aria-checked="true"] .server-item-label')
    .evaluateAll((labels) => labels.map((label) => label.textContent));
const statuses = async () =>
  Object.fromEntries(
    (await harness.core.invoke('sessions:list')).map((state, index) => [SERVERS[index]!.label, state.status]),
  );

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [rendererDir, jira, other, flaky, browser] = await Promise.all([
    buildRenderer(),
    startJiraStandIn({ serverTitle: 'Acme Jira' }),
    startJiraStandIn({ serverTitle: 'Acme Other' }),
    startJiraStandIn({ serverTitle: 'Acme Flaky' }),
    launchChromium(),
  ]);
  const servers = { jira, other, flaky };
  harness = await startCore();
  for (const server of SERVERS) {
    const profile = await harness.addProfile({
      label: server.label,
      baseUrl: servers[server.on].baseUrl,
      environment: server.environment,
      username: 'admin',
    });
    await harness.core.invoke('profiles:arrange', [profile.id], { group: server.group });
    await harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
  }
  app = await openBrowserApp(browser, { core: harness.core, rendererDir, viewport: { width: 1180, height: 760 } });
  page = app.page;
  page.setDefaultTimeout(8000);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await harness?.dispose();
  await Promise.all([jira?.close(), other?.close(), flaky?.close()]);
  removeTemporaryDirs();
});

describe('bulk actions in Chromium', () => {
  it('ticks a range with Shift+click and signs out of exactly those, the failure listed first', async () => {
    await expect.poll(() => option('Test US').count()).toBe(1);
    await page.getByRole('button', { name: 'Select' }).click();
    await option('Billing EU').click();
    await option('Staging EU').click({ modifiers: ['Shift'] });
    await expect.poll(tickedLabels).toEqual(['Billing EU', 'Support EU', 'Staging EU']);
    await expect
      .poll(() => page.getByRole('region', { name: 'Selected servers' }).getByRole('status').textContent())
      .toBe('3 selected');
    expect(await dashboard.seriousViolations(page)).toEqual([]);
    await dashboard.screenshot(page, 'bulk-actions');

    flaky.injectFault({ kind: 'status', status: 503 }, { method: 'DELETE', path: '/rest/auth/1/session' });
    const bar = page.getByRole('group', { name: 'Actions on the selected servers' });
    await bar.getByRole('button', { name: 'Sign out', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Sign out of 3 servers?' });
    await expect.poll(() => confirm.textContent()).toContain('2 of them are production servers.');
    await confirm.getByRole('button', { name: 'Sign out of 3' }).click();

    const results = page.getByRole('dialog', { name: 'Signed out of 3 servers, 1 only locally' });
    const lines = results.getByRole('list', { name: 'Results per server' }).getByRole('listitem');
    await expect
      .poll(() => lines.evaluateAll((items) => items.map((item) => item.querySelector('.result-label')?.textContent)))
      .toEqual(['Support EU', 'Billing EU', 'Staging EU']);
    expect(await lines.first().textContent()).toContain('Signed out locally; the server could not be reached');
    await dashboard.screenshot(page, 'bulk-actions-results');
    expect(await statuses()).toEqual({
      'Billing EU': 'signed-out',
      'Support EU': 'signed-out',
      'Staging EU': 'signed-out',
      'Billing US': 'signed-in',
      'Test US': 'signed-in',
    });
    await results.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.locator('[role="option"][aria-checked]').count()).toBe(0);
  });

  it('in the smallest window every bulk action is in view or under More actions, and Done stays in view', async () => {
    await page.setViewportSize({ width: 720, height: 480 });
    try {
      await page.getByRole('button', { name: 'Select' }).click();
      await option('Billing US').click();
      await option('Test US').click({ modifiers: ['Shift'] });
      await expect.poll(tickedLabels).toEqual(['Billing US', 'Test US']);
      const report = await readActionBar(page, '.bulk-bar');
      expect(report.cutOff).toEqual([]);
      expect([...report.inView, ...report.menuEntries].sort()).toEqual(
        ['End admin access', 'Refresh', 'Sign in', 'Sign out'].sort(),
      );
      const done = await page.getByRole('button', { name: 'Done' }).boundingBox();
      expect(done && inside(done, viewportBox(page))).toBe(true);
      await page.getByRole('button', { name: 'Done' }).click();
    } finally {
      await page.setViewportSize({ width: 1180, height: 760 });
    }
  });
});
