// Administrators on the stand-in: mypermissions for each kind of user, the admin pages behind an administrator
// and WebSudo, and WebSudo itself — raised with the password (new session id), required, released, timed out.
import { Browser, inputValue, pageTitle, submitLoginForm } from './browser';
import type { JiraStandIn } from './jira-stand-in';
import { testResources } from './test-resources';

const resources = testResources();
afterEach(async () => {
  vi.useRealTimers();
  await resources.closeAll();
});

const MINUTE_MS = 60 * 1000;
const REQUIRES_WEBSUDO = { errorMessages: ['This resource requires WebSudo.'] };

async function signedIn(server: JiraStandIn, username: string, password: string): Promise<Browser> {
  const browser = new Browser();
  const answer = await submitLoginForm(browser, server.baseUrl, { username, password });
  if (answer.status !== 302) throw new Error(`${username} could not sign in (${answer.status}).`);
  return browser;
}

async function permissions(browser: Browser, server: JiraStandIn, query = '?permissions=ADMINISTER,SYSTEM_ADMIN') {
  const answer = await browser.get(`${server.baseUrl}/rest/api/2/mypermissions${query}`);
  return { status: answer.status, body: JSON.parse(answer.text) as unknown };
}

function advancedSettings(browser: Browser, server: JiraStandIn) {
  return browser.get(`${server.baseUrl}/rest/api/2/application-properties/advanced-settings`);
}

async function raiseWebSudo(browser: Browser, server: JiraStandIn, password: string, destination: string) {
  return browser.post(`${server.baseUrl}/secure/admin/WebSudoAuthenticate.jspa`, {
    webSudoPassword: password,
    webSudoDestination: destination,
    webSudoIsPost: 'false',
  });
}

describe('Jira stand-in: admin level from mypermissions', () => {
  it('gives system administrators both permissions, administrators ADMINISTER, other users neither', async () => {
    const server = await resources.standIn();
    const admin = await permissions(await signedIn(server, 'admin', 'admin'), server);
    expect(admin).toEqual({
      status: 200,
      body: {
        permissions: {
          ADMINISTER: {
            id: '0',
            key: 'ADMINISTER',
            name: 'Administer Jira',
            type: 'GLOBAL',
            description: expect.stringContaining('administer projects') as unknown,
            havePermission: true,
          },
          SYSTEM_ADMIN: {
            id: '44',
            key: 'SYSTEM_ADMIN',
            name: 'Jira System Administrators',
            type: 'GLOBAL',
            description: expect.stringContaining('all administration functions') as unknown,
            havePermission: true,
          },
        },
      },
    });
    const have = async (username: string, password: string) => {
      const { body } = await permissions(await signedIn(server, username, password), server);
      const granted = (body as { permissions: Record<string, { havePermission: boolean }> }).permissions;
      return [granted.ADMINISTER?.havePermission, granted.SYSTEM_ADMIN?.havePermission];
    };
    expect(await have('carol', 'carol-pass')).toEqual([true, false]);
    expect(await have('fred', 'fred123')).toEqual([false, false]);
    expect(await have('alice', 'alice-pass')).toEqual([false, false]);
  });

  it('answers 401 JSON when anonymous and 400 without permissions or with an unknown one', async () => {
    const server = await resources.standIn();
    expect(await permissions(new Browser(), server)).toEqual({
      status: 401,
      body: {
        errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
        errors: {},
      },
    });
    const fred = await signedIn(server, 'fred', 'fred123');
    const missing = await permissions(fred, server, '');
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ errorMessages: [expect.stringContaining('permissions')] });
    const unknown = await permissions(fred, server, '?permissions=ADMINISTER,MAKE_COFFEE');
    expect(unknown).toMatchObject({
      status: 400,
      body: { errorMessages: ['Could not find permissions: MAKE_COFFEE'] },
    });
    const one = await permissions(fred, server, '?permissions=SYSTEM_ADMIN');
    expect(Object.keys((one.body as { permissions: object }).permissions)).toEqual(['SYSTEM_ADMIN']);
  });
});

describe('Jira stand-in: admin pages and WebSudo', () => {
  it('sends anonymous browsers to the login form and shows a 403 page to someone who is not an administrator', async () => {
    const server = await resources.standIn();
    const anonymous = await new Browser().get(`${server.baseUrl}/secure/admin/user/UserBrowser.jspa`);
    expect(anonymous.location).toBe(
      `${server.baseUrl}/login.jsp?os_destination=${encodeURIComponent('/secure/admin/user/UserBrowser.jspa')}`,
    );
    const fred = await signedIn(server, 'fred', 'fred123');
    for (const path of ['/secure/admin/ViewApplicationProperties.jspa', '/secure/admin/ViewSystemInfo.jspa']) {
      const page = await fred.get(`${server.baseUrl}${path}`);
      expect([page.status, page.text.includes('Access denied')]).toEqual([403, true]);
    }
    const settings = await advancedSettings(fred, server);
    expect(settings.status).toBe(403);
  });

  it('raises WebSudo with the password under a new session id, after which the admin pages and resources answer', async () => {
    const server = await resources.standIn();
    const admin = await signedIn(server, 'admin', 'admin');
    const required = await advancedSettings(admin, server);
    expect([required.status, JSON.parse(required.text)]).toEqual([401, REQUIRES_WEBSUDO]);

    const page = await admin.get(`${server.baseUrl}/secure/admin/ViewSystemInfo.jspa?tab=java`);
    expect([page.status, page.location]).toEqual([
      302,
      `${server.baseUrl}/secure/admin/WebSudoAuthenticate.jspa?webSudoDestination=${encodeURIComponent('/secure/admin/ViewSystemInfo.jspa?tab=java')}`,
    ]);
    const form = await admin.follow(page);
    expect(form.status).toBe(200);
    expect(inputValue(form.text, 'webSudoDestination')).toBe('/secure/admin/ViewSystemInfo.jspa?tab=java');
    expect(inputValue(form.text, 'webSudoIsPost')).toBe('false');
    expect(form.text).toMatch(/<input[^>]*name="webSudoPassword"[^>]*type="password"/);

    const wrong = await raiseWebSudo(admin, server, 'not-it', '/secure/admin/ViewSystemInfo.jspa');
    expect([wrong.status, wrong.text.includes('The password you entered is incorrect.')]).toEqual([200, true]);
    expect(server.webSudoActive('admin')).toBe(false);

    const before = await admin.cookie('JSESSIONID', server.baseUrl);
    const raised = await raiseWebSudo(admin, server, 'admin', inputValue(form.text, 'webSudoDestination') ?? '');
    expect([raised.status, raised.location]).toEqual([
      302,
      `${server.baseUrl}/secure/admin/ViewSystemInfo.jspa?tab=java`,
    ]);
    expect(raised.headers.get('x-atlassian-websudo')).toBe('Has-Authentication');
    const after = await admin.cookie('JSESSIONID', server.baseUrl);
    expect(after).toMatch(/^[0-9A-F]{32}$/);
    expect(after).not.toBe(before);
    expect(server.webSudoActive('admin')).toBe(true);
    const old = await fetch(`${server.baseUrl}/rest/auth/1/session`, { headers: { Cookie: `JSESSIONID=${before}` } });
    expect(old.status).toBe(401);

    const systemInfo = await admin.follow(raised);
    expect([systemInfo.status, pageTitle(systemInfo.text)]).toEqual([200, 'System info - Jira Stand-in']);
    expect(systemInfo.text).toContain('Signed in as Administrator (admin)');
    const settings = await advancedSettings(admin, server);
    expect(settings.status).toBe(200);
    expect(JSON.parse(settings.text)).toContainEqual(expect.objectContaining({ key: 'jira.clone.prefix' }));
  });

  it('lets an administrator who is not a system administrator raise it too', async () => {
    const server = await resources.standIn();
    const carol = await signedIn(server, 'carol', 'carol-pass');
    const raised = await raiseWebSudo(carol, server, 'carol-pass', '/secure/admin/user/UserBrowser.jspa');
    const page = await carol.follow(raised);
    expect([page.status, pageTitle(page.text)]).toEqual([200, 'User browser - Jira Stand-in']);
    expect(server.webSudoActive('carol')).toBe(true);
  });

  it('drops WebSudo on DELETE /rest/auth/1/websudo', async () => {
    const server = await resources.standIn();
    const admin = await signedIn(server, 'admin', 'admin');
    await raiseWebSudo(admin, server, 'admin', '/secure/admin/ViewApplicationProperties.jspa');
    expect((await advancedSettings(admin, server)).status).toBe(200);

    const released = await admin.request(`${server.baseUrl}/rest/auth/1/websudo`, { method: 'DELETE' });
    expect(released.status).toBe(204);
    expect(released.headers.get('x-atlassian-websudo')).toBe('Require-Authentication');
    expect(server.webSudoActive('admin')).toBe(false);
    expect((await advancedSettings(admin, server)).status).toBe(401);
    const page = await admin.get(`${server.baseUrl}/secure/admin/ViewApplicationProperties.jspa`);
    expect(page.location).toMatch(/\/secure\/admin\/WebSudoAuthenticate\.jspa\?/);
    // The user is still signed in: only the administrator access ended.
    expect((await admin.get(`${server.baseUrl}/rest/auth/1/session`)).status).toBe(200);
  });

  it('times WebSudo out 10 minutes after it was last used', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const server = await resources.standIn();
    const admin = await signedIn(server, 'admin', 'admin');
    await raiseWebSudo(admin, server, 'admin', '/secure/admin/ViewApplicationProperties.jspa');
    vi.advanceTimersByTime(9 * MINUTE_MS);
    expect((await advancedSettings(admin, server)).status).toBe(200);
    // Rolling: 18 minutes after it was raised, but 9 after its last use.
    vi.advanceTimersByTime(9 * MINUTE_MS);
    expect((await advancedSettings(admin, server)).status).toBe(200);
    expect(server.webSudoActive('admin')).toBe(true);
    vi.advanceTimersByTime(10 * MINUTE_MS + 1000);
    expect(server.webSudoActive('admin')).toBe(false);
    expect((await advancedSettings(admin, server)).status).toBe(401);
  });

  it('asks for nothing more than an administrator when WebSudo is disabled', async () => {
    const server = await resources.standIn({ webSudoDisabled: true });
    const admin = await signedIn(server, 'admin', 'admin');
    const page = await admin.get(`${server.baseUrl}/secure/admin/ViewApplicationProperties.jspa`);
    expect([page.status, pageTitle(page.text)]).toEqual([200, 'General configuration - Jira Stand-in']);
    expect((await advancedSettings(admin, server)).status).toBe(200);
    const authenticate = await admin.get(
      `${server.baseUrl}/secure/admin/WebSudoAuthenticate.jspa?webSudoDestination=%2Fsecure%2Fadmin%2FViewSystemInfo.jspa`,
    );
    expect(authenticate.location).toBe(`${server.baseUrl}/secure/admin/ViewSystemInfo.jspa`);
    server.setOptions({ webSudoDisabled: false });
    expect((await advancedSettings(admin, server)).status).toBe(401);
  });
});
