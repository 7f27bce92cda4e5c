// The Tokens section in Chromium, its bridge wired to a real createAppCore talking to a Jira stand-in: create a
// token, see it listed and copied, revoke it (confirmed, on production). Writes tokens-light.png for the README.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryDirs, startCore, type CoreHarness } from '../support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../support/jira-stand-in';
import { launchChromium, openBrowserApp, type BrowserApp } from './support/browser-app';
import { buildRenderer } from './support/renderer-build';

const SCREENSHOT_DIR = resolve(process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');

let browser: Browser;
let jira: JiraStandIn;
let harness: CoreHarness;
let app: BrowserApp;
let page: Page;

const tokensSection = () => page.getByRole('region', { name: 'Personal access tokens' });

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  let rendererDir: string;
  [rendererDir, jira, browser] = await Promise.all([
    buildRenderer(),
    startJiraStandIn({ contextPath: '/jira', serverTitle: 'Acme Jira' }),
    launchChromium(),
  ]);
  harness = await startCore();
  const profile = await harness.addProfile({
    baseUrl: jira.baseUrl,
    label: 'Acme Production',
    username: 'admin',
    environment: 'production',
  });
  await harness.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
  // One token made earlier that runs out next week, so the expiry warning shows.
  await harness.core.invoke('tokens:create', profile.id, { name: 'Deploy bot', expiresInDays: 6 });
  app = await openBrowserApp(browser, { core: harness.core, rendererDir });
  page = app.page;
  page.setDefaultTimeout(8000);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await harness?.dispose();
  await jira?.close();
  removeTemporaryDirs();
});

describe('personal access tokens in Chromium', () => {
  it('creates a token, shows it once, copies it, and lists it', async () => {
    await expect.poll(() => tokensSection().getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.getByText('Personal access tokens expiring within 14 days').count()).toBe(1);
    await tokensSection().getByLabel('Token name').fill('Nightly backup');
    await tokensSection().getByLabel('Expires after').selectOption('90');
    await tokensSection().getByRole('button', { name: 'Create token' }).click();

    const created = tokensSection().getByRole('region', { name: 'New token Nightly backup' });
    const raw = (await created.getByLabel('Token value').textContent()) ?? '';
    expect(raw.length).toBeGreaterThan(20);
    await created.getByRole('button', { name: 'Copy token' }).click();
    await expect.poll(() => app.copiedTokens).toEqual([raw]);
    await expect.poll(() => tokensSection().getByRole('rowheader', { name: 'Nightly backup' }).count()).toBe(1);
    expect(jira.personalAccessTokens().map((token) => token.name)).toEqual(['Deploy bot', 'Nightly backup']);

    await created.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(raw);
    await tokensSection().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'tokens-light.png') });
  });

  it('revokes it after the production confirmation', async () => {
    await tokensSection().getByRole('button', { name: 'Revoke Nightly backup' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “Nightly backup”?' });
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await expect.poll(() => tokensSection().getByRole('rowheader', { name: 'Nightly backup' }).count()).toBe(0);
    expect(jira.personalAccessTokens().map((token) => token.name)).toEqual(['Deploy bot']);
    expect(app.consoleErrors).toEqual([]);
  });
});
