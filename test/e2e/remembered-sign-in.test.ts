// The remembered password end to end, in Chromium against a real core and a Jira stand-in: remember it, sign out,
// sign in again with the field left out, then let the session expire and bring it back with "Sign in to all
// expired". Writes docs/screenshots/remembered-sign-in-light.png under `npm run screenshots`.
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
let production: JiraStandIn;
let harness: CoreHarness;
let app: BrowserApp;
let page: Page;

const logins = () =>
  production.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/rest/auth/1/session'))
    .length;

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [rendererDir, production, browser] = await Promise.all([
    buildRenderer(),
    startJiraStandIn({ contextPath: '/jira', serverTitle: 'Acme Jira' }),
    launchChromium(),
  ]);
  harness = await startCore();
  app = await openBrowserApp(browser, { core: harness.core, rendererDir });
  page = app.page;
  page.setDefaultTimeout(15_000);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await harness?.dispose();
  await production?.close();
  removeTemporaryDirs();
});

describe('a remembered password in Chromium', () => {
  it('signs in with the field left empty after a sign-out', async () => {
    await dashboard.addServer(page, {
      label: 'Acme Production',
      baseUrl: production.baseUrl,
      username: 'admin',
      environment: 'production',
    });
    await dashboard.select(page, 'Acme Production');
    await page.getByRole('checkbox', { name: 'Remember password' }).check();
    await dashboard.signIn(page, 'admin');
    await expect.poll(() => dashboard.signedInHeading(page).textContent()).toContain('Administrator');

    await page.locator('.pane-actions').getByRole('button', { name: 'Sign out', exact: true }).click();
    const form = page.getByRole('form', { name: 'Sign in to Acme Production' });
    await expect.poll(() => form.getByText('The saved password will be used.').count()).toBe(1);
    expect(await form.locator('input[type="password"]').count()).toBe(0);
    expect(await dashboard.seriousViolations(page)).toEqual([]);
    await dashboard.screenshot(page, 'remembered-sign-in-light');

    await form.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => dashboard.signedInHeading(page).textContent()).toContain('Administrator');
    expect(logins()).toBe(2);
    expect(await page.getByText('Enter the password.').count()).toBe(0);
    // The password never reached the page.
    expect(await page.content()).not.toContain('"admin"');
  });

  it('brings an expired session back with "Sign in to all expired"', async () => {
    // The quiet re-sign-in after the expiry meets a busy server, so the session stays expired.
    production.injectFault({ kind: 'status', status: 503 }, { method: 'POST', path: '/rest/auth/1/session' });
    production.expireAllSessions();
    await dashboard.clickAction(page.locator('.pane-actions'), 'Refresh');
    const signInExpired = page.getByRole('button', { name: 'Sign in to all expired' });
    await expect.poll(() => signInExpired.count()).toBe(1);

    await signInExpired.click();
    const dialog = page.getByRole('dialog', { name: 'Signed in to 1 of 1 expired server' });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain('Signed in as Administrator');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dashboard.signedInHeading(page).textContent()).toContain('Administrator');
    expect(production.activeSessionCount()).toBe(1);
  });
});
