// The app's own updates in Chromium against a real core: a build without a feed (main's controller as it runs from
// source) says so in Settings, and an update that main reports downloaded shows its banner, which installs only on
// Restart to update. Writes updates-ready-light.png and settings-updates-light.png; axe-core on both.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryDirs, startCore, type CoreHarness } from '../support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../support/jira-stand-in';
import type { UpdateState } from '../../electron/shared/updates';
import { launchChromium, openBrowserApp, type BrowserApp } from './support/browser-app';
import * as dashboard from './support/dashboard-page';
import { SCREENSHOT_DIR } from './support/dashboard-page';
import { buildRenderer } from './support/renderer-build';

let browser: Browser;
let rendererDir: string;
let jira: JiraStandIn;
let harness: CoreHarness;
const apps: BrowserApp[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [rendererDir, jira, browser] = await Promise.all([
    buildRenderer(),
    startJiraStandIn({ serverTitle: 'Acme Jira' }),
    launchChromium(),
  ]);
  harness = await startCore();
  await harness.core.invoke('profiles:save', {
    label: 'Acme Production',
    baseUrl: jira.baseUrl,
    username: 'admin',
    environment: 'production',
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await browser?.close();
  await harness?.dispose();
  await jira?.close();
  removeTemporaryDirs();
});

async function openSettings(app: BrowserApp) {
  const { page } = app;
  await page.getByRole('button', { name: 'More' }).first().click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  return page.getByRole('region', { name: 'Updates' });
}

describe('updates in the window', () => {
  it('a build without a feed says updates are not configured, in Settings', async () => {
    const app = await openBrowserApp(browser, { core: harness.core, rendererDir });
    apps.push(app);
    app.page.setDefaultTimeout(8000);
    const card = await openSettings(app);
    await expect
      .poll(() => card.getByRole('status').textContent())
      .toBe('Updates are not configured for this build. (It runs from source.)');
    expect(await card.getByRole('button', { name: 'Check for updates' }).isDisabled()).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });

  it('a downloaded update shows its banner; Restart to update is the only way it installs', async () => {
    const ready: UpdateState = {
      status: 'downloaded',
      currentVersion: '0.1.0',
      version: '0.2.0',
      checkedAt: '2026-12-01T09:00:00.000Z',
    };
    let installs = 0;
    const app = await openBrowserApp(browser, {
      core: harness.core,
      rendererDir,
      updates: { state: () => ready, check: async () => ready, install: () => void (installs += 1) },
    });
    apps.push(app);
    const { page } = app;
    page.setDefaultTimeout(8000);
    const banner = page.getByRole('region', { name: 'Version 0.2.0 is ready to install' });
    await banner.waitFor();
    expect(await dashboard.seriousViolations(page)).toEqual([]);
    await dashboard.screenshot(page, 'updates-ready-light');
    expect(installs).toBe(0);

    const card = await openSettings(app);
    await expect.poll(() => card.getByRole('status').textContent()).toContain('Version 0.2.0 is ready.');
    await card.scrollIntoViewIfNeeded();
    expect(await dashboard.seriousViolations(page)).toEqual([]);
    await dashboard.screenshot(page, 'settings-updates-light');
    await card.getByRole('button', { name: 'Restart to update' }).click();
    await expect.poll(() => installs).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
