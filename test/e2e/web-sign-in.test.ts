// Web sign-in and Jira's web UI end to end: the built renderer in Chromium, a real core, and main's web windows
// played by Playwright browser contexts through the same port main uses. A server that only lets people in through
// its identity provider is signed in to on the web, checked, opened signed in, signed out of and expired; a
// two-step server and a password server stuck behind a CAPTCHA sign in on their own pages too.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBar } from '../../electron/main/web/web-bar';
import { removeTemporaryDirs, startCore, type CoreHarness } from '../support/core-harness';
import { startJiraStandIn, type JiraStandIn } from '../support/jira-stand-in';
import { launchChromium, openBrowserApp, type BrowserApp } from './support/browser-app';
import { createBrowserWebWindows, type BrowserWebWindows } from './support/browser-web-windows';
import {
  addServer,
  clickAction,
  fillNewServer,
  saveNewServer,
  SCREENSHOT_DIR,
  screenshot,
  select,
  seriousViolations,
  signedInHeading,
  signIn,
} from './support/dashboard-page';
import { buildRenderer } from './support/renderer-build';

let browser: Browser;
let rendererDir: string;
let sso: JiraStandIn;
let twoStep: JiraStandIn;
let captcha: JiraStandIn;
let harness: CoreHarness;
let windows: BrowserWebWindows;
let app: BrowserApp;
let page: Page;

async function profileId(label: string): Promise<string> {
  const profile = (await harness.core.invoke('profiles:list')).find((candidate) => candidate.label === label);
  if (!profile) throw new Error(`no profile ${label}`);
  return profile.id;
}

/** The page of a profile's web window, once the app has opened it. */
async function webPage(label: string): Promise<Page> {
  const id = await profileId(label);
  await expect.poll(() => windows.page(id) !== undefined, { timeout: 10_000 }).toBe(true);
  return windows.page(id)!;
}

async function statusOf(label: string): Promise<string | undefined> {
  const id = await profileId(label);
  return (await harness.core.invoke('sessions:list')).find((state) => state.profileId === id)?.status;
}

const paneButton = (name: string) => page.locator('.pane').getByRole('button', { name, exact: true });

/** What a person does on the identity provider's page. */
async function signInAtIdentityProvider(web: Page, username: string, password: string): Promise<void> {
  await expect.poll(() => web.url(), { timeout: 10_000 }).toContain(sso.identityProvider!.origin);
  await web.locator('#idp-username').fill(username);
  await web.locator('#idp-password').fill(password);
  await web.locator('#idp-submit').click();
}

beforeAll(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  [rendererDir, sso, twoStep, captcha, browser] = await Promise.all([
    buildRenderer(),
    startJiraStandIn({ sso: true, contextPath: '/jira', serverTitle: 'Acme Jira' }),
    startJiraStandIn({ twoStep: true, serverTitle: 'Acme Two-Step' }),
    startJiraStandIn({ captchaAfterFailures: 1, serverTitle: 'Acme Captcha' }),
    launchChromium(),
  ]);
  harness = await startCore();
  windows = createBrowserWebWindows(browser, harness.core);
  app = await openBrowserApp(browser, { core: harness.core, rendererDir, webWindows: windows });
  page = app.page;
  page.setDefaultTimeout(8000);
}, 120_000);

afterAll(async () => {
  await windows?.dispose();
  await app?.close();
  await browser?.close();
  await harness?.dispose();
  await Promise.all([sso?.close(), twoStep?.close(), captcha?.close()]);
  removeTemporaryDirs();
});

describe('web sign-in through single sign-on, and Jira signed in', () => {
  it('adds a server that signs in on its web page', async () => {
    await fillNewServer(page, {
      label: 'Acme Production',
      baseUrl: sso.baseUrl,
      username: 'admin',
      environment: 'production',
      signInMethod: 'web',
    });
    expect(await page.getByRole('radio', { name: /^Web page/ }).isChecked()).toBe(true);
    await page.getByRole('radiogroup', { name: 'Sign-in method' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'sign-in-method-light');
    expect(await seriousViolations(page)).toEqual([]);
    await saveNewServer(page, 'Acme Production');
    expect((await harness.core.invoke('profiles:list'))[0]?.signInMethod).toBe('web');
    await expect.poll(() => page.getByRole('button', { name: 'Sign in on the web page' }).count()).toBe(1);
    expect(await page.getByLabel('Password', { exact: true }).count()).toBe(0);
    await screenshot(page, 'web-sign-in-light');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('signs in at the identity provider and turns signed in as that user', async () => {
    await page.getByRole('button', { name: 'Sign in on the web page' }).click();
    await expect.poll(() => page.getByText('Finish signing in in the window that opened').count()).toBe(1);
    await signInAtIdentityProvider(await webPage('Acme Production'), 'admin', 'admin');
    await expect.poll(() => signedInHeading(page).textContent(), { timeout: 10_000 }).toContain('Administrator');
    const state = (await harness.core.invoke('sessions:list'))[0];
    expect(state).toMatchObject({ status: 'signed-in', persisted: true });
    expect(state?.user?.name).toBe('admin');
    expect(state?.cookieNames).toContain('JSESSIONID');
    expect(sso.activeSessionCount()).toBe(1);
    // The sign-in window closed once the session was adopted.
    expect(windows.page(await profileId('Acme Production'))).toBeUndefined();
  });

  it('checks the web session like any other', async () => {
    const before = (await harness.core.invoke('sessions:list'))[0]?.verifiedAt;
    await clickAction(page.locator('.pane-actions'), 'Refresh');
    await expect.poll(async () => (await harness.core.invoke('sessions:list'))[0]?.verifiedAt).not.toBe(before);
    expect(await statusOf('Acme Production')).toBe('signed-in');
  });

  it('opens Jira signed in: the dashboard names the user', async () => {
    await paneButton('Open in Jira').click();
    const web = await webPage('Acme Production');
    await expect.poll(() => web.url(), { timeout: 10_000 }).toBe(`${sso.baseUrl}/secure/Dashboard.jspa`);
    await expect
      .poll(() => web.locator('#header-details-user-fullname').textContent())
      .toBe('Signed in as Administrator (admin)');
    await composeWebWindowPicture(web);
  });

  it('signs out in the app: the window closes and the server answers its old cookies with the login page', async () => {
    const web = await webPage('Acme Production');
    const cookies = await web.context().cookies(sso.baseUrl);
    const cookieHeader = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    expect(cookieHeader).toContain('JSESSIONID=');
    await paneButton('Sign out').click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign in on the web page' }).count()).toBe(1);
    expect(windows.page(await profileId('Acme Production'))).toBeUndefined();
    const answer = await fetch(`${sso.baseUrl}/secure/Dashboard.jspa`, {
      headers: { Cookie: cookieHeader },
      redirect: 'manual',
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toContain('/login.jsp');
    expect(sso.activeSessionCount()).toBe(0);
  });

  it('notices an expired web session and signs in again from the banner', async () => {
    await page.getByRole('button', { name: 'Sign in on the web page' }).click();
    await signInAtIdentityProvider(await webPage('Acme Production'), 'admin', 'admin');
    await expect.poll(() => signedInHeading(page).textContent(), { timeout: 10_000 }).toContain('Administrator');

    sso.expireAllSessions();
    await clickAction(page.locator('.pane-actions'), 'Refresh');
    await expect.poll(() => page.getByText('Your session on Acme Production has expired').count()).toBe(1);
    expect(harness.notices.map((notice) => notice.body)).toContain(
      'Your Jira session on Acme Production has ended. Sign in on the web page again to continue.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in on the web page again' }).click();
    await signInAtIdentityProvider(await webPage('Acme Production'), 'admin', 'admin');
    await expect.poll(() => statusOf('Acme Production'), { timeout: 10_000 }).toBe('signed-in');
  });
});

describe('other servers that sign in on their own pages', () => {
  it('two-step verification: the password, then the code, in the web window', async () => {
    await addServer(page, {
      label: 'Acme Two-Step',
      baseUrl: twoStep.baseUrl,
      username: 'fred',
      environment: 'staging',
      signInMethod: 'web',
    });
    await page.getByRole('button', { name: 'Sign in on the web page' }).click();
    const web = await webPage('Acme Two-Step');
    await web.locator('#login-form-username').fill('fred');
    await web.locator('#login-form-password').fill('fred123');
    await web.locator('#login-form-submit').click();
    await web.locator('#two-step-code').fill(twoStep.twoStepCode('fred'));
    await web.locator('#two-step-code').press('Enter');
    await expect.poll(() => signedInHeading(page).textContent(), { timeout: 10_000 }).toContain('Fred F. User');
    expect(await statusOf('Acme Two-Step')).toBe('signed-in');
  });

  it('a password server behind a CAPTCHA signs in through "Sign in on the web page instead"', async () => {
    await addServer(page, { label: 'Acme Captcha', baseUrl: captcha.baseUrl, username: 'fred', environment: 'test' });
    await signIn(page, 'wrong');
    await expect.poll(() => page.getByText('Username or password not accepted').count()).toBe(1);
    await signIn(page, 'fred123');
    await expect.poll(() => page.getByText('Jira wants a CAPTCHA solved first').count()).toBe(1);
    await page.getByRole('button', { name: 'Sign in on the web page instead' }).click();

    const web = await webPage('Acme Captcha');
    await web.locator('#login-form-username').fill('fred');
    await web.locator('#login-form-password').fill('fred123');
    await web.locator('#login-form-submit').click();
    const word = /Type the word (\w+)/.exec(
      (await web.locator('label[for="login-form-os-captcha"]').textContent()) ?? '',
    );
    await web.locator('#login-form-password').fill('fred123');
    await web.locator('#login-form-os-captcha').fill(word?.[1] ?? '');
    await web.locator('#login-form-submit').click();
    await expect.poll(() => signedInHeading(page).textContent(), { timeout: 10_000 }).toContain('Fred F. User');
    expect((await harness.core.invoke('profiles:list')).find((p) => p.label === 'Acme Captcha')?.signInMethod).toBe(
      'password',
    );
  });

  it('ran without a console error', async () => {
    await select(page, 'Acme Production');
    expect(app.consoleErrors).toEqual([]);
  });
});

/**
 * The web window is Electron's (a BaseWindow with the app's bar above Jira's page), so its picture is composed: the
 * window's title, the bar's very HTML from web-bar.ts, and a screenshot of the stand-in's dashboard below it.
 */
async function composeWebWindowPicture(web: Page): Promise<void> {
  const dashboardPng = (await web.screenshot()).toString('base64');
  const viewport = web.viewportSize() ?? { width: 1100, height: 700 };
  const bar = renderBar({
    label: 'Acme Production',
    environment: 'production',
    host: new URL(sso.baseUrl).host,
    canGoBack: false,
    canGoForward: false,
    signingIn: false,
  });
  const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height + 76 } });
  const composed = await context.newPage();
  await composed.setContent(
    `<!doctype html><html><body style="margin:0;font:13px system-ui,sans-serif;background:#ddd">
<div style="height:32px;display:flex;align-items:center;justify-content:center;background:#2b2b2b;color:#eee">Acme Production — Jira Session Manager</div>
<iframe title="The app's bar" style="display:block;border:0;width:100%;height:44px" srcdoc="${bar.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>
<img alt="Jira's dashboard" style="display:block" src="data:image/png;base64,${dashboardPng}">
</body></html>`,
  );
  await composed.screenshot({ path: `${SCREENSHOT_DIR}/web-window-light.png` });
  await context.close();
}
