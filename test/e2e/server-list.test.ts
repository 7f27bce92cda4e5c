// The grouped server list end to end: the built renderer in Chromium against a real core and two Jira stand-ins.
// Groups and stars made through the window are saved by the core; a drag moves a server into another group; the
// status chips narrow the list. Writes the README's picture of the grouped list.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryDirs, startCore, type CoreHarness } from '../support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../support/jira-stand-in';
import { launchChromium, openBrowserApp, type BrowserApp } from './support/browser-app';
import * as dashboard from './support/dashboard-page';
import { SCREENSHOT_DIR } from './support/dashboard-page';
import { buildRenderer } from './support/renderer-build';

let browser: Browser;
let rendererDir: string;
let jira: JiraStandIn;
let other: JiraStandIn;
let harness: CoreHarness;
let app: BrowserApp;
let page: Page;

const SERVERS = [
  { label: 'Billing EU', group: 'EU', environment: 'production' },
  { label: 'Support EU', group: 'EU', environment: 'production' },
  { label: 'Staging EU', group: 'EU', environment: 'staging' },
  { label: 'Billing US', group: 'US', environment: 'production' },
  { label: 'Support US', group: 'US', environment: 'production' },
  { label: 'Test US', group: 'US', environment: 'test' },
  { label: 'Sandbox', group: '', environment: 'development' },
] as const;

/** The rows the list shows, group rows as "[EU]". */
async function rows(): Promise<string[]> {
  return page.locator('[role="listbox"] [role="option"]').evaluateAll((options) =>
    options.map((option) => {
      const group = (option as HTMLElement).dataset.group;
      return group !== undefined ? `[${group}]` : (option.querySelector('.server-item-label')?.textContent ?? '');
    }),
  );
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [rendererDir, jira, other, browser] = await Promise.all([
    buildRenderer(),
    startJiraStandIn({ serverTitle: 'Acme Jira' }),
    startJiraStandIn({ serverTitle: 'Acme Other' }),
    launchChromium(),
  ]);
  harness = await startCore();
  for (const [i, server] of SERVERS.entries()) {
    const profile = await harness.addProfile({
      label: server.label,
      baseUrl: (i % 2 ? other : jira).baseUrl,
      environment: server.environment,
      username: 'admin',
    });
    if (server.group) await harness.core.invoke('profiles:arrange', [profile.id], { group: server.group });
    if (i < 4) await harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
  }
  app = await openBrowserApp(browser, { core: harness.core, rendererDir, viewport: { width: 1180, height: 760 } });
  page = app.page;
  page.setDefaultTimeout(8000);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await harness?.dispose();
  await Promise.all([jira?.close(), other?.close()]);
  removeTemporaryDirs();
});

describe('the grouped server list in Chromium', () => {
  it('shows the groups, and a star set in the window is saved and puts the server first', async () => {
    await expect
      .poll(rows)
      .toEqual([
        '[EU]',
        'Billing EU',
        'Support EU',
        'Staging EU',
        '[US]',
        'Billing US',
        'Support US',
        'Test US',
        '[]',
        'Sandbox',
      ]);
    await page.getByRole('option', { name: /Staging EU/ }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Add to favourites' }).click();
    await expect.poll(rows).toContain('Staging EU');
    expect((await rows()).slice(0, 3)).toEqual(['[EU]', 'Staging EU', 'Billing EU']);
    const saved = await harness.core.invoke('profiles:list');
    expect(saved.find((profile) => profile.label === 'Staging EU')?.favourite).toBe(true);
    expect(await dashboard.seriousViolations(page)).toEqual([]);
    await dashboard.screenshot(page, 'grouped-list-light');
  });

  it('a server dragged onto another group joins it; Alt+Up moves it back out', async () => {
    await page.getByRole('option', { name: /Sandbox/ }).dragTo(page.getByRole('option', { name: /Support US/ }));
    await expect
      .poll(async () => (await rows()).slice(4, 9))
      .toEqual(['[US]', 'Billing US', 'Sandbox', 'Support US', 'Test US']);
    const saved = await harness.core.invoke('profiles:list');
    expect(saved.find((profile) => profile.label === 'Sandbox')?.group).toBe('US');

    await page.getByRole('option', { name: /Billing US/ }).click();
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(async () => (await rows()).slice(0, 6))
      .toEqual(['[EU]', 'Staging EU', 'Billing EU', 'Support EU', 'Billing US', '[US]']);
  });

  it('the status chips narrow the list to one status and say how many match', async () => {
    await page.getByRole('button', { name: /^Signed out \d+$/ }).click();
    await expect.poll(rows).toEqual(['[US]', 'Sandbox', 'Support US', 'Test US']);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Showing' }).textContent())
      .toBe('Showing 3 of 7 servers');
    await page.getByRole('button', { name: /^Signed out \d+$/ }).click();
    await expect.poll(async () => (await rows()).length).toBe(9);
  });
});
