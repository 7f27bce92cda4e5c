// Single sign-on through the stand-in's identity provider, which runs on its own port (another origin): the
// redirect out, the IdP's form, its auto-posting answer page, and the assertion consumer that checks the signature.
import https from 'node:https';
import { Browser, formAction, inputValue } from './browser';
import type { JiraStandIn } from './jira-stand-in';
import { testResources } from './test-resources';

const resources = testResources();
afterEach(() => resources.closeAll());

function identityProvider(server: JiraStandIn): NonNullable<JiraStandIn['identityProvider']> {
  if (server.identityProvider === undefined) throw new Error('The stand-in was started without sso.');
  return server.identityProvider;
}

function postToConsumer(
  browser: Browser,
  server: JiraStandIn,
  samlResponse: string,
  relayState = '',
): ReturnType<Browser['post']> {
  return browser.post(`${server.baseUrl}/plugins/servlet/samlconsumer`, {
    SAMLResponse: samlResponse,
    RelayState: relayState,
  });
}

describe('Jira stand-in: single sign-on with an identity provider', () => {
  it('goes to the IdP on another origin and back through the assertion consumer to the destination', async () => {
    const server = await resources.standIn({ sso: true });
    const idp = identityProvider(server);
    expect(new URL(idp.origin).hostname).toBe('127.0.0.1');
    expect(idp.origin).not.toBe(server.origin);
    const browser = new Browser();

    const dashboard = await browser.get(`${server.baseUrl}/secure/Dashboard.jspa`);
    const login = await browser.follow(dashboard);
    expect(login.status).toBe(302);
    expect(login.location?.startsWith(`${idp.origin}/`)).toBe(true);
    expect(new URL(login.location ?? '').searchParams.get('RelayState')).toBe('/secure/Dashboard.jspa');

    const idpForm = await browser.follow(login);
    expect(idpForm.status).toBe(200);
    const relayState = inputValue(idpForm.text, 'RelayState') ?? '';
    expect(relayState).toBe('/secure/Dashboard.jspa');
    const action = new URL(formAction(idpForm.text, 'idp-login-form') ?? '', idpForm.url).toString();
    expect(action.startsWith(`${idp.origin}/`)).toBe(true);

    const wrong = await browser.post(action, { username: 'fred', password: 'nope', RelayState: relayState });
    expect(wrong.text).toContain('Incorrect username or password.');
    expect(inputValue(wrong.text, 'SAMLResponse')).toBeUndefined();

    const answer = await browser.post(action, { username: 'fred', password: 'fred123', RelayState: relayState });
    expect(answer.status).toBe(200);
    expect(formAction(answer.text, 'saml-post')).toBe(`${server.baseUrl}/plugins/servlet/samlconsumer`);
    expect(answer.text).toMatch(/<button type="submit" id="saml-continue">Continue<\/button>/);
    expect(answer.text).toContain("<script>document.getElementById('saml-post').submit();</script>");
    const samlResponse = inputValue(answer.text, 'SAMLResponse') ?? '';
    expect(samlResponse).not.toBe('');
    expect(server.activeSessionCount()).toBe(0);

    const consumed = await postToConsumer(browser, server, samlResponse, inputValue(answer.text, 'RelayState'));
    expect([consumed.status, consumed.location]).toEqual([302, `${server.baseUrl}/secure/Dashboard.jspa`]);
    expect(consumed.setCookies.map((line) => line.slice(0, line.indexOf('=')))).toEqual([
      'JSESSIONID',
      'atlassian.xsrf.token',
      'seraph.rememberme.cookie',
    ]);
    expect(await browser.cookie('atlassian.xsrf.token', server.baseUrl)).toMatch(/_lin$/);
    const page = await browser.follow(consumed);
    expect([page.status, page.text.includes('Signed in as Fred F. User (fred)')]).toEqual([200, true]);
    const myself = await browser.get(`${server.baseUrl}/rest/api/2/myself`);
    expect([myself.status, (JSON.parse(myself.text) as { name: string }).name]).toEqual([200, 'fred']);
  });

  it('refuses a forged, expired or foreign response with a 403 page and no session', async () => {
    const server = await resources.standIn({ sso: true });
    const other = await resources.standIn({ sso: true });
    const browser = new Browser();
    const genuine = Buffer.from(identityProvider(server).issueResponse('fred'), 'base64').toString('utf8');
    const [payload = '', mac = ''] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const asAdmin = Buffer.from(JSON.stringify({ ...claims, user: 'admin' })).toString('base64url');
    const forged = Buffer.from(`${asAdmin}.${mac}`).toString('base64');

    for (const samlResponse of [
      forged,
      identityProvider(server).issueResponse('fred', -1000),
      identityProvider(other).issueResponse('fred'),
      'not a response',
    ]) {
      const answer = await postToConsumer(browser, server, samlResponse, '/secure/Dashboard.jspa');
      expect(answer.status).toBe(403);
      expect(answer.text).toContain('Single sign-on failed');
      expect(answer.setCookies).toEqual([]);
    }
    expect(server.activeSessionCount()).toBe(0);
    // The genuine one still works, so the refusals above are about the response, not the consumer.
    expect((await postToConsumer(browser, server, identityProvider(server).issueResponse('fred'))).status).toBe(302);
  });

  it('keeps the local form at /login.jsp?auth_fallback and the REST answers of an SSO-only instance', async () => {
    const server = await resources.standIn({ sso: true });
    const fallback = await new Browser().get(`${server.baseUrl}/login.jsp?auth_fallback`);
    expect([fallback.status, formAction(fallback.text, 'login-form')]).toEqual([200, '/login.jsp']);
    const browser = new Browser();
    const signedIn = await browser.post(`${server.baseUrl}/login.jsp`, {
      os_username: 'alice',
      os_password: 'alice-pass',
      os_destination: '',
    });
    expect([signedIn.status, signedIn.location]).toEqual([302, `${server.baseUrl}/secure/Dashboard.jspa`]);
    expect(await browser.cookie('JSESSIONID', server.baseUrl)).toMatch(/^[0-9A-F]{32}$/);

    const anonymous = await new Browser().get(`${server.baseUrl}/rest/api/2/myself`);
    expect(anonymous.location).toBe(`${server.baseUrl}/plugins/servlet/samlsso?redirectTo=%2Frest%2Fapi%2F2%2Fmyself`);
    const restLogin = await new Browser().request(`${server.baseUrl}/rest/auth/1/session`, {
      json: { username: 'fred', password: 'fred123' },
    });
    expect([restLogin.status, restLogin.headers.get('content-type')]).toEqual([200, 'text/html;charset=UTF-8']);
  });

  it('serves the identity provider over HTTPS, with a certificate from the same CA, when Jira is HTTPS', async () => {
    const server = await resources.standIn({ sso: true, https: true });
    const idp = identityProvider(server);
    expect(idp.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      https
        .get(`${idp.origin}/idp/sso`, { ca: server.caPem, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on('error', reject);
    });
    expect(status).toBe(200);
  });

  it('closes the identity provider with the stand-in', async () => {
    const server = await resources.standIn({ sso: true });
    const origin = identityProvider(server).origin;
    expect((await fetch(`${origin}/idp/sso`)).status).toBe(200);
    await server.close();
    await expect(fetch(`${origin}/idp/sso`)).rejects.toThrow();
  });
});
