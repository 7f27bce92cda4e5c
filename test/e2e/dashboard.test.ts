// End to end in a real browser: the built renderer in Debian's Chromium, `window.jiraSessions` wired through
// page.exposeBinding to a real createAppCore, which talks real HTTP to two Jira stand-ins. Writes screenshots
// (light and dark) to test-results/screenshots/ (or $SCREENSHOT_DIR; `npm run screenshots` refreshes the ones in
// docs/screenshots/ that the README shows) and runs axe-core on each main screen.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryDirs, startCore, type CoreHarness } from '../support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../support/jira-stand-in';
import { launchChromium, openBrowserApp, type BrowserApp } from './support/browser-app';
import * as dashboard from './support/dashboard-page';
import { SCREENSHOT_DIR } from './support/dashboard-page';
import { buildRenderer } from './support/renderer-build';

const IDLE_TIMEOUT_MS = 2500;

let browser: Browser;
let rendererDir: string;
let production: JiraStandIn;
let staging: JiraStandIn;
let harness: CoreHarness;
let app: BrowserApp;
let page: Page;

const seriousViolations = () => dashboard.seriousViolations(page);
const screenshot = (name: string) => dashboard.screenshot(page, name);
const select = (label: string) => dashboard.select(page, label);
const signIn = (password: string) => dashboard.signIn(page, password);
const signedInHeading = () => dashboard.signedInHeading(page);
const addServer = (label: string, baseUrl: string, username: string, environment: 'production' | 'staging') =>
  dashboard.addServer(page, { label, baseUrl, username, environment });

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [rendererDir, production, staging, browser] = await Promise.all([
    buildRenderer(),
    startJiraStandIn({ contextPath: '/jira', serverTitle: 'Acme Jira' }),
    startJiraStandIn({ captchaAfterFailures: 1, serverTitle: 'Acme Staging' }),
    launchChromium(),
  ]);
  harness = await startCore();
  app = await openBrowserApp(browser, { core: harness.core, rendererDir });
  page = app.page;
  // Fail with Playwright's own message well before the test's timeout.
  page.setDefaultTimeout(8000);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  await harness?.dispose();
  await Promise.all([production?.close(), staging?.close()]);
  removeTemporaryDirs();
});

describe('the dashboard in Chromium against two Jira stand-ins', () => {
  it('starts with an empty state that explains what to do, with no serious accessibility problem', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Add your first Jira server' }).count()).toBe(1);
    expect(await seriousViolations()).toEqual([]);
  });

  it('adds two servers and signs in to the first, showing who is signed in', async () => {
    await addServer('Acme Production', production.baseUrl, 'admin', 'production');
    await addServer('Acme Staging', staging.baseUrl, 'fred', 'staging');
    const profiles = await harness.core.invoke('profiles:list');
    expect(profiles.map((profile) => profile.baseUrl)).toEqual([production.baseUrl, staging.baseUrl]);

    await select('Acme Production');
    expect(await page.getByLabel('Username').inputValue()).toBe('admin');
    await signIn('admin');
    await expect.poll(() => signedInHeading().textContent(), { timeout: 10_000 }).toContain('Administrator');
    const pane = page.locator('.pane');
    const text = (await pane.textContent()) ?? '';
    expect(text).toContain('admin@example.com');
    expect(text).toContain('jira-administrators');
    expect(text).toContain('10.3.4');
    expect(text).toContain('JSESSIONID');
    expect(text).not.toMatch(/JSESSIONID=|[0-9A-F]{32}/);
    expect(production.activeSessionCount()).toBe(1);
    expect(await page.locator('.pane img').first().getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  });

  it('shows a wrong password, then the CAPTCHA with its next step, and opens the web login', async () => {
    await select('Acme Staging');
    await signIn('not-his-password');
    await expect.poll(() => page.getByText('Username or password not accepted').count()).toBe(1);
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await signIn('fred123');
    await expect.poll(() => page.getByText('Jira wants a CAPTCHA solved first').count()).toBe(1);
    await screenshot('captcha-light');
    await page.getByRole('button', { name: 'Open the web login' }).click();
    await expect.poll(() => app.openedExternally).toEqual([`${staging.origin}/login.jsp`]);
    expect(await seriousViolations()).toEqual([]);
  });

  it('signs in to the second server once the CAPTCHA is solved, and switches between the two', async () => {
    staging.solveCaptcha('fred');
    await signIn('fred123');
    await expect.poll(() => signedInHeading().textContent(), { timeout: 10_000 }).toContain('Fred F. User');
    await page.keyboard.press('Control+1');
    await expect.poll(() => signedInHeading().textContent()).toContain('Administrator');
    await page.keyboard.press('Control+2');
    await expect.poll(() => signedInHeading().textContent()).toContain('Fred F. User');
    await select('Acme Production');
    await screenshot('dashboard-light');
    expect(await seriousViolations()).toEqual([]);
  });

  it('signs out of one server', async () => {
    await page.locator('.pane').getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(1);
    expect(production.activeSessionCount()).toBe(0);
    // Staging was not touched.
    expect(staging.requests.filter((request) => request.method === 'DELETE')).toEqual([]);
    const states = await harness.core.invoke('sessions:list');
    expect(states.map((state) => state.status)).toEqual(['signed-out', 'signed-in']);
  });

  it('signs out of all after a confirmation that lists the servers', async () => {
    await signIn('admin');
    await expect.poll(() => signedInHeading().textContent(), { timeout: 10_000 }).toContain('Administrator');
    await page.getByRole('button', { name: 'Sign out of all' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    const listed = (await dialog.textContent()) ?? '';
    expect(listed).toContain('Acme Production');
    expect(listed).toContain('Acme Staging');
    await screenshot('sign-out-all-light');
    await dialog.getByRole('button', { name: 'Sign out of all' }).click();
    const results = page.getByRole('dialog', { name: 'Signed out of 2 servers' });
    await expect.poll(() => results.count()).toBe(1);
    expect(await results.getByRole('list', { name: 'Sign-out results' }).textContent()).toMatch(
      /Acme Production.*Signed out.*Acme Staging.*Signed out/,
    );
    await results.getByRole('button', { name: 'Done' }).click();
    expect(production.activeSessionCount() + staging.activeSessionCount()).toBe(0);
    await expect
      .poll(async () => (await harness.core.invoke('sessions:list')).map((state) => state.status))
      .toEqual(['signed-out', 'signed-out']);
  });

  it("shows an expired session after the stand-in's idle timeout", async () => {
    await select('Acme Staging');
    await signIn('fred123');
    await expect.poll(() => signedInHeading().textContent(), { timeout: 10_000 }).toContain('Fred F. User');
    // The short idle timeout only from here: earlier, a busy machine could let it end sessions other tests hold.
    staging.setOptions({ idleTimeoutMs: IDLE_TIMEOUT_MS });
    await new Promise((resolve) => setTimeout(resolve, IDLE_TIMEOUT_MS + 500));
    await page.locator('.pane').getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(() => page.getByText('Your session on Acme Staging has expired').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(1);
    await screenshot('expired-light');
    expect(await seriousViolations()).toEqual([]);
  });

  it('ran under the strict CSP without a single violation or console error', () => {
    expect(app.consoleErrors).toEqual([]);
  });

  it('follows the dark colour scheme', async () => {
    await select('Acme Production');
    await signIn('admin');
    await expect.poll(() => signedInHeading().textContent(), { timeout: 10_000 }).toContain('Administrator');
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);
    // Let the buttons' colour transitions finish before the picture is taken.
    await page.waitForTimeout(400);
    await screenshot('dashboard-dark');
    expect(await seriousViolations()).toEqual([]);
    await select('Acme Staging');
    await screenshot('expired-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
