// The stand-in's web side, driven like a browser: Node's fetch with manual redirects and a tough-cookie jar, one
// hop at a time — the login form, the dashboard, /logout, the CAPTCHA on the form, two-step, context path, cluster.
import { readFileSync } from 'node:fs';
import { Browser, formAction, inputValue, pageTitle, submitLoginForm } from './browser';
import type { JiraStandIn } from './jira-stand-in';
import type { OpenApiDocument } from './openapi-check';
import { schemaProblems } from './openapi-check';
import { testResources } from './test-resources';

const openApi = JSON.parse(
  readFileSync(new URL('./fixtures/jira-dc-10.3-auth.openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;
const BAD_CREDENTIALS = 'Sorry, your username and password are incorrect - please try again.';
const XSRF_LIN = /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}_[0-9a-f]{40}_lin$/;

const resources = testResources();
afterEach(() => resources.closeAll());

async function whoAmI(browser: Browser, server: JiraStandIn): Promise<{ status: number; name?: string }> {
  const answer = await browser.get(`${server.baseUrl}/rest/auth/1/session`, { Accept: 'application/json' });
  return answer.status === 200 ? { status: 200, name: (JSON.parse(answer.text) as { name: string }).name } : answer;
}

function restLogin(server: JiraStandIn, username: string, password: string): Promise<Response> {
  return fetch(`${server.baseUrl}/rest/auth/1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('Jira stand-in web side: the login form', () => {
  it('serves the form with os_username, os_password, the destination from the query and the login button', async () => {
    const server = await resources.standIn();
    const page = await new Browser().get(
      `${server.baseUrl}/login.jsp?os_destination=%2Fsecure%2Fadmin%2FViewSystemInfo.jspa`,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html;charset=UTF-8');
    expect(formAction(page.text, 'login-form')).toBe('/login.jsp');
    expect(inputValue(page.text, 'os_username')).toBe('');
    expect(page.text).toMatch(/<input[^>]*name="os_password"[^>]*type="password"/);
    expect(inputValue(page.text, 'os_destination')).toBe('/secure/admin/ViewSystemInfo.jspa');
    expect(inputValue(page.text, 'login')).toBe('Log In');
    expect(inputValue(page.text, 'os_captcha')).toBeUndefined();
  });

  it('signs in with a new session replacing the old one, sets JSESSIONID and a _lin token, and lands on the dashboard', async () => {
    const server = await resources.standIn();
    const browser = new Browser();
    const first = await submitLoginForm(browser, server.baseUrl, { username: 'fred', password: 'fred123' });
    expect([first.status, first.location]).toEqual([302, `${server.baseUrl}/secure/Dashboard.jspa`]);
    expect(first.headers.get('x-ausername')).toBe('fred');
    expect(first.headers.get('x-seraph-loginreason')).toBe('OK');
    expect(first.setCookies.find((line) => line.startsWith('JSESSIONID='))).toMatch(
      /^JSESSIONID=[0-9A-F]{32}; Path=\/; HttpOnly$/,
    );
    expect(await browser.cookie('atlassian.xsrf.token', server.baseUrl)).toMatch(XSRF_LIN);
    const fredSession = await browser.cookie('JSESSIONID', server.baseUrl);
    expect(await whoAmI(browser, server)).toEqual({ status: 200, name: 'fred' });

    // The same browser signing in as someone else gets a new session; the old one is gone, not shared.
    await submitLoginForm(browser, server.baseUrl, { username: 'alice', password: 'alice-pass' });
    const aliceSession = await browser.cookie('JSESSIONID', server.baseUrl);
    expect(aliceSession).not.toBe(fredSession);
    expect(server.activeSessionCount()).toBe(1);
    expect(await whoAmI(browser, server)).toEqual({ status: 200, name: 'alice' });

    const myself = await browser.get(`${server.baseUrl}/rest/api/2/myself`);
    expect(schemaProblems(openApi, 'UserBean', JSON.parse(myself.text))).toEqual([]);
    expect(JSON.parse(myself.text)).toMatchObject({ name: 'alice', displayName: 'Alice Agent' });
  });

  it('answers a wrong password with the form again, the message and a recorded failure, and no session', async () => {
    const server = await resources.standIn();
    const browser = new Browser();
    const answer = await submitLoginForm(browser, server.baseUrl, {
      username: 'fred',
      password: 'wrong',
      destination: '/secure/Dashboard.jspa',
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(BAD_CREDENTIALS);
    expect(answer.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    expect(inputValue(answer.text, 'os_username')).toBe('fred');
    expect(inputValue(answer.text, 'os_destination')).toBe('/secure/Dashboard.jspa');
    expect(answer.setCookies.some((line) => line.startsWith('JSESSIONID='))).toBe(false);
    expect(server.activeSessionCount()).toBe(0);
    const rest = (await (await restLogin(server, 'fred', 'fred123')).json()) as { loginInfo: unknown };
    expect(rest.loginInfo).toMatchObject({ failedLoginCount: 1, loginCount: 1 });
  });

  it('keeps a destination on this server and refuses one on another origin', async () => {
    const server = await resources.standIn();
    const land = async (destination: string): Promise<string | undefined> =>
      (await submitLoginForm(new Browser(), server.baseUrl, { username: 'fred', password: 'fred123', destination }))
        .location;
    const dashboard = `${server.baseUrl}/secure/Dashboard.jspa`;
    expect(await land('/secure/admin/ViewSystemInfo.jspa?tab=java')).toBe(
      `${server.baseUrl}/secure/admin/ViewSystemInfo.jspa?tab=java`,
    );
    expect(await land(`${server.baseUrl}/browse/ABC-1`)).toBe(`${server.baseUrl}/browse/ABC-1`);
    expect(await land('https://evil.example.com/steal')).toBe(dashboard);
    expect(await land('//evil.example.com/steal')).toBe(dashboard);
    expect(await land('/\\evil.example.com/steal')).toBe(dashboard);
    expect(await land('javascript:alert(1)')).toBe(dashboard);
  });

  it('is not affected by basicAuthDisabled, which only refuses the REST login', async () => {
    const server = await resources.standIn({ basicAuthDisabled: true });
    expect((await restLogin(server, 'fred', 'fred123')).status).toBe(403);
    const browser = new Browser();
    expect((await submitLoginForm(browser, server.baseUrl, { username: 'fred', password: 'fred123' })).status).toBe(
      302,
    );
    expect(await whoAmI(browser, server)).toEqual({ status: 200, name: 'fred' });
  });
});

describe('Jira stand-in web side: pages and logout', () => {
  it('sends an anonymous browser from the dashboard to the login form and back after signing in', async () => {
    const server = await resources.standIn({ serverTitle: 'Acme <Jira>' });
    const browser = new Browser();
    const anonymous = await browser.get(`${server.baseUrl}/secure/Dashboard.jspa`);
    expect([anonymous.status, anonymous.location]).toEqual([
      302,
      `${server.baseUrl}/login.jsp?os_destination=%2Fsecure%2FDashboard.jspa`,
    ]);
    const form = await browser.follow(anonymous);
    const signedIn = await browser.post(`${server.baseUrl}/login.jsp`, {
      os_username: 'admin',
      os_password: 'admin',
      os_destination: inputValue(form.text, 'os_destination') ?? '',
      login: 'Log In',
    });
    const dashboard = await browser.follow(signedIn);
    expect(dashboard.status).toBe(200);
    expect(pageTitle(dashboard.text)).toBe('System Dashboard - Acme <Jira>');
    expect(dashboard.text).toContain('<meta name="ajs-remote-user" content="admin">');
    expect(dashboard.text).toContain('Signed in as Administrator (admin)');
    expect(dashboard.text).toMatch(/<a [^>]*href="\/logout"[^>]*>Log Out<\/a>/);
  });

  it('logs out: a new anonymous JSESSIONID, a _lout token, the logged-out page, and the old id refused', async () => {
    const server = await resources.standIn();
    const browser = new Browser();
    await submitLoginForm(browser, server.baseUrl, { username: 'fred', password: 'fred123' });
    const before = await browser.cookie('JSESSIONID', server.baseUrl);
    const logout = await browser.get(`${server.baseUrl}/logout`);
    expect([logout.status, logout.location]).toEqual([302, `${server.baseUrl}/secure/Logout!default.jspa`]);
    expect(logout.headers.get('x-seraph-loginreason')).toBe('OUT');
    const after = await browser.cookie('JSESSIONID', server.baseUrl);
    expect(after).toMatch(/^[0-9A-F]{32}$/);
    expect(after).not.toBe(before);
    expect(await browser.cookie('atlassian.xsrf.token', server.baseUrl)).toMatch(/_lout$/);
    const page = await browser.follow(logout);
    expect([page.status, page.text.includes('You are now logged out')]).toEqual([200, true]);

    expect(server.activeSessionCount()).toBe(0);
    expect((await whoAmI(browser, server)).status).toBe(401);
    const stale = await fetch(`${server.baseUrl}/rest/auth/1/session`, { headers: { Cookie: `JSESSIONID=${before}` } });
    expect(stale.status).toBe(401);
    expect((await browser.get(`${server.baseUrl}/secure/Dashboard.jspa`)).status).toBe(302);
  });

  it('shows the CAPTCHA on the form after the failures, and the right answer with the password signs in and clears it', async () => {
    const server = await resources.standIn({ captchaAfterFailures: 2 });
    const browser = new Browser();
    await submitLoginForm(browser, server.baseUrl, { username: 'fred', password: 'bad-1' });
    const second = await submitLoginForm(browser, server.baseUrl, { username: 'fred', password: 'bad-2' });
    expect(second.text).toContain(BAD_CREDENTIALS);
    expect(inputValue(second.text, 'os_captcha')).toBe('');
    expect(second.text).toContain('Type the word jira');

    const noAnswer = await submitLoginForm(browser, server.baseUrl, { username: 'fred', password: 'fred123' });
    expect(noAnswer.status).toBe(200);
    expect(noAnswer.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATION_DENIED');
    expect(noAnswer.text).toContain('CAPTCHA');
    expect(inputValue(noAnswer.text, 'os_captcha')).toBe('');
    const wrongAnswer = await submitLoginForm(browser, server.baseUrl, {
      username: 'fred',
      password: 'fred123',
      captcha: 'confluence',
    });
    expect(wrongAnswer.status).toBe(200);
    expect(server.activeSessionCount()).toBe(0);
    expect((await restLogin(server, 'fred', 'fred123')).status).toBe(403);

    const solved = await submitLoginForm(browser, server.baseUrl, {
      username: 'fred',
      password: 'fred123',
      captcha: 'jira',
    });
    expect(solved.status).toBe(302);
    expect(await whoAmI(browser, server)).toEqual({ status: 200, name: 'fred' });
    expect((await restLogin(server, 'fred', 'fred123')).status).toBe(200);
  });

  it('keeps everything under the context path', async () => {
    const server = await resources.standIn({ contextPath: '/jira' });
    const browser = new Browser();
    const anonymous = await browser.get(`${server.baseUrl}/secure/Dashboard.jspa`);
    expect(anonymous.location).toBe(`${server.origin}/jira/login.jsp?os_destination=%2Fsecure%2FDashboard.jspa`);
    const form = await browser.follow(anonymous);
    expect(formAction(form.text, 'login-form')).toBe('/jira/login.jsp');
    const signedIn = await browser.post(`${server.origin}/jira/login.jsp`, {
      os_username: 'fred',
      os_password: 'fred123',
      os_destination: inputValue(form.text, 'os_destination') ?? '',
    });
    expect(signedIn.location).toBe(`${server.origin}/jira/secure/Dashboard.jspa`);
    expect(signedIn.setCookies.filter((line) => /^(JSESSIONID|atlassian\.xsrf\.token)=/.test(line))).toEqual([
      expect.stringMatching(/; Path=\/jira; HttpOnly$/),
      expect.stringMatching(/; Path=\/jira$/),
    ]);
    const dashboard = await browser.follow(signedIn);
    expect(dashboard.text).toMatch(/href="\/jira\/logout"/);
    const logout = await browser.get(`${server.origin}/jira/logout`);
    expect(logout.location).toBe(`${server.origin}/jira/secure/Logout!default.jspa`);
  });

  it('signs in through the node the balancer picked in a cluster, and that node only knows the session', async () => {
    const server = await resources.standIn({ cluster: true });
    const browser = new Browser();
    const answer = await submitLoginForm(browser, server.baseUrl, { username: 'fred', password: 'fred123' });
    const node = await browser.cookie('ROUTEID', server.baseUrl);
    expect(node).toMatch(/^\.node[12]$/);
    expect(answer.headers.get('x-anodeid')).toBe(node?.slice(1));
    const dashboard = await browser.follow(answer);
    expect([dashboard.status, dashboard.headers.get('x-anodeid')]).toEqual([200, node?.slice(1)]);

    // Without the stickiness cookie the balancer sends the next request to the other node, where nobody is signed in.
    const session = await browser.cookie('JSESSIONID', server.baseUrl);
    const elsewhere = await fetch(`${server.baseUrl}/rest/auth/1/session`, {
      headers: { Cookie: `JSESSIONID=${session}` },
    });
    expect(elsewhere.headers.get('x-anodeid')).not.toBe(node?.slice(1));
    expect(elsewhere.status).toBe(401);
  });
});

describe('Jira stand-in web side: two-step verification', () => {
  it('asks for the code after the password and signs in only with the right one', async () => {
    const server = await resources.standIn({ twoStep: true });
    const code = server.twoStepCode('fred');
    expect(code).toMatch(/^\d{6}$/);
    expect(server.twoStepCode('FRED')).toBe(code);
    const browser = new Browser();
    const password = await submitLoginForm(browser, server.baseUrl, {
      username: 'fred',
      password: 'fred123',
      destination: '/secure/admin/ViewSystemInfo.jspa',
    });
    expect([password.status, password.location]).toEqual([302, `${server.baseUrl}/plugins/servlet/twostep/verify`]);
    expect(password.setCookies).toEqual([
      expect.stringMatching(/^atlassian\.twostep\.preauth=[\w-]+; Max-Age=300; Path=\/; HttpOnly$/),
    ]);
    expect(server.activeSessionCount()).toBe(0);

    const page = await browser.follow(password);
    expect(page.status).toBe(200);
    expect(formAction(page.text, 'two-step-form')).toBe('/plugins/servlet/twostep/verify');
    const wrong = await browser.post(`${server.baseUrl}/plugins/servlet/twostep/verify`, {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(200);
    expect(wrong.text).toContain('That code is incorrect');
    expect(server.activeSessionCount()).toBe(0);
    expect((await whoAmI(browser, server)).status).toBe(401);

    const right = await browser.post(`${server.baseUrl}/plugins/servlet/twostep/verify`, { code });
    expect([right.status, right.location]).toEqual([302, `${server.baseUrl}/secure/admin/ViewSystemInfo.jspa`]);
    expect(await browser.cookie('atlassian.xsrf.token', server.baseUrl)).toMatch(XSRF_LIN);
    expect(await browser.cookie('atlassian.twostep.preauth', server.baseUrl)).toBeUndefined();
    expect(await whoAmI(browser, server)).toEqual({ status: 200, name: 'fred' });
    // The pending login was used up: the code page now sends the browser back to the login form.
    const again = await browser.post(`${server.baseUrl}/plugins/servlet/twostep/verify`, { code });
    expect(again.location).toBe(`${server.baseUrl}/login.jsp`);
  });

  it('leaves the REST login to the password alone, and refuses a code without a pending login', async () => {
    const server = await resources.standIn({ twoStep: true });
    expect((await restLogin(server, 'fred', 'fred123')).status).toBe(200);
    const stranger = new Browser();
    const answer = await stranger.post(`${server.baseUrl}/plugins/servlet/twostep/verify`, {
      code: server.twoStepCode('fred'),
    });
    expect([answer.status, answer.location]).toEqual([302, `${server.baseUrl}/login.jsp`]);
    expect(answer.setCookies.some((line) => line.startsWith('JSESSIONID='))).toBe(false);
  });
});
