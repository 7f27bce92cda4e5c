// The stand-in is what every other test trusts to behave like Jira, so it is checked here over real HTTP with
// plain node:http(s) (never the app's client) and its 200 bodies against the official OpenAPI schemas.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { JiraStandIn, StandInOptions } from './jira-stand-in';
import { SEEDED_USERS, startJiraStandIn } from './jira-stand-in';
import type { OpenApiDocument } from './openapi-check';
import { schemaProblems } from './openapi-check';

const openApi = JSON.parse(
  readFileSync(new URL('./fixtures/jira-dc-10.3-auth.openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

const JIRA_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;
const NOT_AUTHENTICATED = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};

interface LoginInfoBody {
  failedLoginCount: number;
  loginCount: number;
  lastFailedLoginTime?: string;
  previousLoginTime?: string;
}
interface AuthSuccessBody {
  session: { name: string; value: string };
  loginInfo: LoginInfoBody;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  setCookies: string[];
  json(): unknown;
}

interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  ca?: string;
  timeoutMs?: number;
}

/** One request on a fresh connection (no keep-alive), so certificate and balancer tests see every hop. */
function call(url: string, options: CallOptions = {}): Promise<Answer> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
        ca: options.ca,
        timeout: options.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            setCookies: res.headers['set-cookie'] ?? [],
            json: () => JSON.parse(text) as unknown,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Keeps every cookie the server sets, as the app's client must. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(answer: Answer): void {
    for (const line of answer.setCookies) {
      const pair = line.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      if (/;\s*Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1));
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(...without: string[]): string {
    return [...this.cookies]
      .filter(([name]) => !without.includes(name))
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }
}

const started: JiraStandIn[] = [];

async function standIn(options?: StandInOptions): Promise<JiraStandIn> {
  const server = await startJiraStandIn(options);
  started.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

function postLogin(server: JiraStandIn, username: string, password: string, extra: CallOptions = {}): Promise<Answer> {
  return call(`${server.baseUrl}/rest/auth/1/session`, {
    ...extra,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...extra.headers },
    body: JSON.stringify({ username, password }),
  });
}

async function signIn(server: JiraStandIn, username = 'fred', password = 'fred123', ca?: string): Promise<CookieJar> {
  const answer = await postLogin(server, username, password, { ca });
  expect(answer.status).toBe(200);
  const jar = new CookieJar();
  jar.take(answer);
  return jar;
}

function withCookies(jar: CookieJar, ...without: string[]): CallOptions {
  return { headers: { Cookie: jar.header(...without), Accept: 'application/json' } };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Jira stand-in: logging in', () => {
  it('answers a good login with AuthSuccess, the session and XSRF cookies and the Jira headers', async () => {
    const server = await standIn();
    const answer = await postLogin(server, 'fred', 'fred123');

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json;charset=UTF-8');
    const body = answer.json() as AuthSuccessBody;
    expect(schemaProblems(openApi, 'AuthSuccess', body)).toEqual([]);
    expect(body.session.name).toBe('JSESSIONID');
    expect(body.session.value).toMatch(/^[0-9A-F]{32}$/);
    // The very first login has neither a previous login nor a failure to report: Jira leaves out what is null.
    expect(body.loginInfo).toEqual({ loginCount: 1 });

    expect(answer.setCookies).toHaveLength(2);
    expect(answer.setCookies[0]).toBe(`JSESSIONID=${body.session.value}; Path=/; HttpOnly`);
    expect(answer.setCookies[1]).toMatch(
      /^atlassian\.xsrf\.token=[A-Z0-9]{4}(-[A-Z0-9]{4}){3}_[0-9a-f]{40}_lin; Path=\/$/,
    );
    // Stamped by Jira's filters before the login ran: the login's own answer speaks for no session.
    expect(answer.headers['x-ausername']).toBe('anonymous');
    expect(answer.headers['x-asessionid']).toBeUndefined();
    expect(answer.headers['x-seraph-loginreason']).toBe('OK');
    expect(answer.headers['x-arequestid']).toMatch(/^\d+x\d+x\d+$/);
    const next = await call(`${server.baseUrl}/rest/auth/1/session`, {
      headers: { Cookie: `JSESSIONID=${body.session.value}`, Accept: 'application/json' },
    });
    expect(next.headers['x-ausername']).toBe('fred');
    const hash = next.headers['x-asessionid'];
    expect(hash).toMatch(/^[0-9a-z]{4,10}$/);
    expect(body.session.value.toLowerCase()).not.toContain(String(hash));
    expect(answer.headers['x-anodeid']).toBeUndefined();
    expect(server.activeSessionCount()).toBe(1);
    expect(server.requests[0]).toEqual(
      expect.objectContaining({ method: 'POST', path: '/rest/auth/1/session', cookie: undefined }),
    );
  });

  it('keeps Jira login history: lifetime failure count, last failure and previous login times', async () => {
    const server = await standIn();
    const before = Date.now();
    expect((await postLogin(server, 'fred', 'wrong')).status).toBe(401);
    const first = (await postLogin(server, 'fred', 'fred123')).json() as AuthSuccessBody;
    expect(first.loginInfo.failedLoginCount).toBe(1);
    expect(first.loginInfo.loginCount).toBe(1);
    expect(first.loginInfo.lastFailedLoginTime).toMatch(JIRA_TIME);
    expect(first.loginInfo.previousLoginTime).toBeUndefined();

    expect((await postLogin(server, 'fred', 'wrong again')).status).toBe(401);
    const second = (await postLogin(server, 'FRED', 'fred123')).json() as AuthSuccessBody;
    expect(schemaProblems(openApi, 'AuthSuccess', second)).toEqual([]);
    // Lifetime total: the success in between did not reset it.
    expect(second.loginInfo.failedLoginCount).toBe(2);
    expect(second.loginInfo.loginCount).toBe(2);
    const previous = Date.parse(String(second.loginInfo.previousLoginTime).replace('+0000', 'Z'));
    expect(previous).toBeGreaterThanOrEqual(before - 1);
    expect(previous).toBeLessThanOrEqual(Date.now());
    const admin = (await postLogin(server, 'admin', 'admin')).json() as AuthSuccessBody;
    expect(admin.loginInfo).not.toHaveProperty('failedLoginCount');
  });

  it('answers GET session with CurrentUser (no-cache) and 401 when anonymous', async () => {
    const server = await standIn();
    const jar = await signIn(server);
    const answer = await call(`${server.baseUrl}/rest/auth/1/session`, withCookies(jar));
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-cache');
    const body = answer.json() as { self: string; name: string; loginInfo: LoginInfoBody };
    expect(schemaProblems(openApi, 'CurrentUser', body)).toEqual([]);
    expect(schemaProblems(openApi, 'LoginInfo', body.loginInfo)).toEqual([]);
    expect(body).toEqual({
      self: `${server.baseUrl}/rest/api/latest/user?username=fred`,
      name: 'fred',
      loginInfo: { loginCount: 1 },
    });
    expect(server.requests[1]?.cookie).toBe(jar.header());

    const anonymous = await call(`${server.baseUrl}/rest/auth/1/session`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json()).toEqual(NOT_AUTHENTICATED);
    expect(anonymous.headers['x-ausername']).toBe('anonymous');
    expect(anonymous.headers['x-asessionid']).toBeUndefined();
  });

  it('replaces the session a login request comes with, so an old session id stops working', async () => {
    const server = await standIn();
    const first = await signIn(server);
    const again = await postLogin(server, 'fred', 'fred123', withCookies(first));
    expect(again.status).toBe(200);
    expect(server.activeSessionCount()).toBe(1);
    expect((await call(`${server.baseUrl}/rest/auth/1/session`, withCookies(first))).status).toBe(401);
    const renewed = new CookieJar();
    renewed.take(again);
    expect(renewed.get('JSESSIONID')).not.toBe(first.get('JSESSIONID'));
    expect((await call(`${server.baseUrl}/rest/auth/1/session`, withCookies(renewed))).status).toBe(200);
  });

  it('rejects a wrong password or an unknown user with 401 Login failed', async () => {
    const server = await standIn();
    for (const [username, password] of [
      ['fred', 'nope'],
      ['nobody', 'fred123'],
    ] as const) {
      const answer = await postLogin(server, username, password);
      expect(answer.status).toBe(401);
      expect(answer.json()).toEqual({ errorMessages: ['Login failed'], errors: {} });
      expect(answer.headers['www-authenticate']).toBe('JIRA REST POST');
      expect(answer.headers['x-seraph-loginreason']).toBe('AUTHENTICATED_FAILED');
      expect(answer.headers['x-ausername']).toBe('anonymous');
      expect(answer.setCookies).toEqual([]);
    }
    expect(server.activeSessionCount()).toBe(0);
  });

  it('answers a malformed login with 400 and a non-JSON one with 415', async () => {
    const server = await standIn();
    const url = `${server.baseUrl}/rest/auth/1/session`;
    const malformed = await call(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"username":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json()).toMatchObject({ errorMessages: [expect.stringContaining('username')], errors: {} });
    const noPassword = await call(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"username":"fred"}',
    });
    expect(noPassword.status).toBe(400);
    const form = await call(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=fred&password=fred123',
    });
    expect(form.status).toBe(415);
    expect(server.activeSessionCount()).toBe(0);
  });

  it('demands a CAPTCHA after N consecutive failures, even for the right password, until it is solved', async () => {
    const server = await standIn({ https: false, contextPath: '/jira', captchaAfterFailures: 2 });
    expect((await postLogin(server, 'fred', 'x')).status).toBe(401);
    expect((await postLogin(server, 'fred', 'y')).status).toBe(401);

    const denied = await postLogin(server, 'fred', 'fred123');
    expect(denied.status).toBe(403);
    // Seraph's filter denies before the REST resource runs: an HTML page, only the header says why.
    expect(denied.headers['content-type']).toBe('text/html;charset=UTF-8');
    expect(denied.text).toContain('Login denied');
    expect(denied.headers['x-authentication-denied-reason']).toBe(
      `CAPTCHA_CHALLENGE; login-url=${server.origin}/jira/login.jsp`,
    );
    expect(denied.headers['x-seraph-loginreason']).toBe('AUTHENTICATION_DENIED');
    expect(denied.setCookies).toEqual([]);
    // Only fred is challenged.
    expect((await postLogin(server, 'alice', 'alice-pass')).status).toBe(200);
    // The login URL it names is a real page.
    const page = await call(`${server.origin}/jira/login.jsp`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="login-form"');

    server.solveCaptcha('fred');
    const after = await postLogin(server, 'fred', 'fred123');
    expect(after.status).toBe(200);
    // Denied attempts were never checked, so they are not failures.
    expect((after.json() as AuthSuccessBody).loginInfo.failedLoginCount).toBe(2);
    expect(() => server.solveCaptcha('nobody')).toThrow('no user');
  });

  it('answers 403 when basic authentication is disabled, and setOptions lifts it', async () => {
    const server = await standIn({ basicAuthDisabled: true });
    const answer = await postLogin(server, 'fred', 'fred123');
    expect(answer.status).toBe(403);
    expect(answer.json()).toEqual({ message: 'Basic Authentication has been disabled on this instance.' });
    expect(answer.setCookies).toEqual([]);
    server.setOptions({ basicAuthDisabled: false });
    expect((await postLogin(server, 'fred', 'fred123')).status).toBe(200);
  });

  it('seeds admin, fred, alice and carol, and takes other users when given', async () => {
    expect(SEEDED_USERS.map((user) => [user.name, user.password, user.displayName])).toEqual([
      ['admin', 'admin', 'Administrator'],
      ['fred', 'fred123', 'Fred F. User'],
      ['alice', 'alice-pass', 'Alice Agent'],
      ['carol', 'carol-pass', 'Carol Admin'],
    ]);
    expect(SEEDED_USERS[0]?.groups).toEqual([
      'jira-administrators',
      'jira-software-users',
      'jira-system-administrators',
    ]);
    const server = await standIn({
      users: [
        {
          name: 'zoe',
          password: 'zoe-pass',
          displayName: 'Zoe Zed',
          emailAddress: 'zoe@example.com',
          key: 'JIRAUSER10200',
          timeZone: 'UTC',
          locale: 'en_GB',
          groups: [],
        },
      ],
    });
    expect(server.users.map((user) => user.name)).toEqual(['zoe']);
    expect((await postLogin(server, 'zoe', 'zoe-pass')).status).toBe(200);
    expect((await postLogin(server, 'fred', 'fred123')).status).toBe(401);
  });
});

describe('Jira stand-in: resources behind the session', () => {
  it('answers myself with a UserBean, expands groups and application roles on request, 401 when anonymous', async () => {
    const server = await standIn();
    const jar = await signIn(server, 'admin', 'admin');
    const answer = await call(`${server.baseUrl}/rest/api/2/myself`, withCookies(jar));
    expect(answer.status).toBe(200);
    const body = answer.json() as Record<string, unknown>;
    expect(schemaProblems(openApi, 'UserBean', body)).toEqual([]);
    expect(body).toMatchObject({
      self: `${server.baseUrl}/rest/api/2/user?username=admin`,
      key: 'JIRAUSER10000',
      name: 'admin',
      emailAddress: 'admin@example.com',
      displayName: 'Administrator',
      active: true,
      deleted: false,
      timeZone: 'Europe/Berlin',
      locale: 'en_US',
      groups: { size: 3, items: [] },
      applicationRoles: { size: 1, items: [] },
      expand: 'groups,applicationRoles',
    });
    expect(body.lastLoginTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
    expect(body.avatarUrls).toEqual({
      '48x48': `${server.baseUrl}/secure/useravatar?size=large&ownerId=admin`,
      '24x24': `${server.baseUrl}/secure/useravatar?size=small&ownerId=admin`,
      '16x16': `${server.baseUrl}/secure/useravatar?size=xsmall&ownerId=admin`,
      '32x32': `${server.baseUrl}/secure/useravatar?size=medium&ownerId=admin`,
    });

    const expanded = await call(`${server.baseUrl}/rest/api/2/myself?expand=groups,applicationRoles`, withCookies(jar));
    const expandedBody = expanded.json();
    expect(schemaProblems(openApi, 'UserBean', expandedBody)).toEqual([]);
    expect(expandedBody).toMatchObject({
      groups: {
        size: 3,
        items: [
          { name: 'jira-administrators', self: `${server.baseUrl}/rest/api/2/group?groupname=jira-administrators` },
          { name: 'jira-software-users', self: `${server.baseUrl}/rest/api/2/group?groupname=jira-software-users` },
          {
            name: 'jira-system-administrators',
            self: `${server.baseUrl}/rest/api/2/group?groupname=jira-system-administrators`,
          },
        ],
      },
      applicationRoles: { size: 1, items: [{ key: 'jira-software', name: 'Jira Software' }] },
    });

    const anonymous = await call(`${server.baseUrl}/rest/api/2/myself`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json()).toEqual(NOT_AUTHENTICATED);
  });

  it('answers serverInfo anonymously, with serverTime only for a signed-in user', async () => {
    const server = await standIn({ serverTitle: 'Acme Jira', version: '9.12.3' });
    const anonymous = await call(`${server.baseUrl}/rest/api/2/serverInfo`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.json()).toEqual({
      baseUrl: server.baseUrl,
      version: '9.12.3',
      versionNumbers: [9, 12, 3],
      deploymentType: 'Server',
      buildNumber: 9120003,
      buildDate: expect.stringMatching(JIRA_TIME) as unknown,
      databaseBuildNumber: 9120003,
      scmInfo: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown,
      serverTitle: 'Acme Jira',
    });
    const jar = await signIn(server);
    const signedIn = await call(`${server.baseUrl}/rest/api/2/serverInfo`, withCookies(jar));
    expect(signedIn.json()).toMatchObject({ serverTime: expect.stringMatching(JIRA_TIME) as unknown });
    expect(signedIn.headers['x-ausername']).toBe('fred');

    const defaults = await standIn();
    expect((await call(`${defaults.baseUrl}/rest/api/2/serverInfo`)).json()).toMatchObject({
      version: '10.3.4',
      versionNumbers: [10, 3, 4],
      buildNumber: 10030004,
      serverTitle: 'Jira Stand-in',
    });
  });

  it('serves a real PNG avatar only with a session', async () => {
    const server = await standIn();
    const url = `${server.baseUrl}/secure/useravatar?size=large&ownerId=fred`;
    const anonymous = await call(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).not.toBe('image/png');

    const jar = await signIn(server);
    for (const [size, pixels] of [
      ['large', 48],
      ['xsmall', 16],
    ] as const) {
      const answer = await call(url.replace('size=large', `size=${size}`), withCookies(jar));
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('image/png');
      expect([...answer.body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(answer.body.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect(answer.body.readUInt32BE(16)).toBe(pixels);
      expect(answer.body.readUInt32BE(20)).toBe(pixels);
      expect(answer.body.subarray(-8, -4).toString('ascii')).toBe('IEND');
    }
  });

  it('logs out with 204, clearing the session cookie and switching the XSRF token to _lout; then 401', async () => {
    const server = await standIn();
    const jar = await signIn(server);
    const answer = await call(`${server.baseUrl}/rest/auth/1/session`, { ...withCookies(jar), method: 'DELETE' });
    expect(answer.status).toBe(204);
    expect(answer.body.length).toBe(0);
    expect(answer.setCookies[0]).toMatch(
      /^JSESSIONID=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly$/,
    );
    expect(answer.setCookies[1]).toMatch(/^atlassian\.xsrf\.token=[A-Z0-9-]{19}_[0-9a-f]{40}_lout; Path=\/$/);
    expect(answer.headers['x-seraph-loginreason']).toBe('OUT');
    expect(server.activeSessionCount()).toBe(0);

    // Replaying the old cookie proves the session itself is gone, not only the client's copy.
    const stale = await call(`${server.baseUrl}/rest/auth/1/session`, withCookies(jar));
    expect(stale.status).toBe(401);
    expect(stale.headers['x-ausername']).toBe('anonymous');
    jar.take(answer);
    expect(jar.get('JSESSIONID')).toBeUndefined();
    const again = await call(`${server.baseUrl}/rest/auth/1/session`, { ...withCookies(jar), method: 'DELETE' });
    expect(again.status).toBe(401);
    expect(again.json()).toEqual(NOT_AUTHENTICATED);
  });

  it("answers a stale session cookie outside /rest/auth with Seraph's HTML 401, even on serverInfo", async () => {
    const server = await standIn();
    const jar = await signIn(server);
    server.expireAllSessions();
    for (const path of ['/rest/api/2/myself', '/rest/api/2/serverInfo']) {
      const answer = await call(`${server.baseUrl}${path}`, withCookies(jar));
      expect(answer.status).toBe(401);
      expect(answer.headers['content-type']).toBe('text/html;charset=UTF-8');
      expect(answer.text).toContain("os_authType was 'any' and an invalid cookie was sent");
    }
    const auth = await call(`${server.baseUrl}/rest/auth/1/session`, withCookies(jar));
    expect(auth.status).toBe(401);
    expect(auth.json()).toEqual(NOT_AUTHENTICATED);
    // Without a cookie the public resource stays public.
    expect((await call(`${server.baseUrl}/rest/api/2/serverInfo`)).status).toBe(200);
  });

  it('refuses the right password of an account without application access with AUTHORISATION_FAILED', async () => {
    const server = await standIn({
      users: [{ ...SEEDED_USERS[1]!, name: 'nolicence', password: 'right', applicationRoles: [] }],
    });
    const answer = await postLogin(server, 'nolicence', 'right');
    expect(answer.status).toBe(401);
    expect(answer.headers['x-seraph-loginreason']).toBe('AUTHORISATION_FAILED');
    expect(answer.json()).toEqual({ errorMessages: ['Login failed'], errors: {} });
    expect(server.activeSessionCount()).toBe(0);
    expect((await postLogin(server, 'nolicence', 'wrong')).headers['x-seraph-loginreason']).toBe(
      'AUTHENTICATED_FAILED',
    );
  });

  it('releases WebSudo with 204 and X-Atlassian-WebSudo, and needs a session for it', async () => {
    const server = await standIn();
    const url = `${server.baseUrl}/rest/auth/1/websudo`;
    expect((await call(url, { method: 'DELETE' })).status).toBe(401);
    const jar = await signIn(server, 'admin', 'admin');
    const answer = await call(url, { ...withCookies(jar), method: 'DELETE' });
    expect(answer.status).toBe(204);
    expect(answer.headers['x-atlassian-websudo']).toBe('Require-Authentication');
    expect(answer.headers['cache-control']).toBe('no-cache');
    // Releasing WebSudo does not end the session.
    expect((await call(`${server.baseUrl}/rest/auth/1/session`, withCookies(jar))).status).toBe(200);
  });

  it('expires a session after idleTimeoutMs without requests, each request restarting the clock', async () => {
    const server = await standIn({ idleTimeoutMs: 250 });
    const jar = await signIn(server);
    const probe = (): Promise<Answer> => call(`${server.baseUrl}/rest/auth/1/session`, withCookies(jar));
    await sleep(150);
    expect((await probe()).status).toBe(200);
    await sleep(150); // 300 ms after login, but only 150 ms after the last request
    expect((await probe()).status).toBe(200);
    await sleep(350);
    const expired = await probe();
    expect(expired.status).toBe(401);
    expect(expired.headers['x-ausername']).toBe('anonymous');
    expect((await call(`${server.baseUrl}/rest/api/2/myself`, withCookies(jar))).status).toBe(401);
    expect(server.activeSessionCount()).toBe(0);
  });

  it('invalidates every session on expireAllSessions, like a restart', async () => {
    const server = await standIn();
    const fred = await signIn(server);
    const alice = await signIn(server, 'alice', 'alice-pass');
    expect(server.activeSessionCount()).toBe(2);
    server.expireAllSessions();
    expect(server.activeSessionCount()).toBe(0);
    for (const jar of [fred, alice]) {
      const answer = await call(`${server.baseUrl}/rest/api/2/myself`, withCookies(jar));
      expect(answer.status).toBe(401);
      expect(answer.headers['x-ausername']).toBe('anonymous');
    }
  });

  it('answers unknown paths with 404 JSON and wrong methods with 405', async () => {
    const server = await standIn();
    const missing = await call(`${server.baseUrl}/rest/api/2/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(missing.json()).toMatchObject({ errorMessages: [expect.any(String)], errors: {} });
    const wrongMethod = await call(`${server.baseUrl}/rest/api/2/myself`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
  });
});

describe('Jira stand-in: deployment shapes', () => {
  it('serves everything under a context path and scopes cookies to it', async () => {
    const server = await standIn({ contextPath: '/jira/' });
    expect(server.baseUrl).toBe(`${server.origin}/jira`);
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    const answer = await postLogin(server, 'fred', 'fred123');
    expect(answer.status).toBe(200);
    expect(answer.setCookies[0]).toMatch(/^JSESSIONID=[0-9A-F]{32}; Path=\/jira; HttpOnly$/);
    expect(answer.setCookies[1]).toMatch(/; Path=\/jira$/);
    expect(server.requests[0]?.path).toBe('/jira/rest/auth/1/session');

    const jar = new CookieJar();
    jar.take(answer);
    const myself = await call(`${server.baseUrl}/rest/api/2/myself`, withCookies(jar));
    expect(myself.json()).toMatchObject({
      avatarUrls: { '48x48': `${server.origin}/jira/secure/useravatar?size=large&ownerId=fred` },
    });
    // Without the context path there is no Jira.
    const outside = await call(`${server.origin}/rest/api/2/serverInfo`);
    expect(outside.status).toBe(404);
  });

  it('routes a cluster by ROUTEID: keeping it works, dropping it lands on the other node and gets 401', async () => {
    const server = await standIn({ cluster: true });
    const login = await postLogin(server, 'fred', 'fred123');
    expect(login.status).toBe(200);
    expect(login.headers['x-anodeid']).toBe('node1');
    expect(login.setCookies).toContain('ROUTEID=.node1; Path=/');
    const jar = new CookieJar();
    jar.take(login);

    const sticky = await call(`${server.baseUrl}/rest/auth/1/session`, withCookies(jar));
    expect(sticky.status).toBe(200);
    expect(sticky.headers['x-anodeid']).toBe('node1');
    expect(sticky.setCookies).toEqual([]);

    const dropped = await call(`${server.baseUrl}/rest/auth/1/session`, withCookies(jar, 'ROUTEID'));
    expect(dropped.status).toBe(401);
    expect(dropped.headers['x-anodeid']).toBe('node2');
    expect(dropped.headers['x-ausername']).toBe('anonymous');
    expect(dropped.setCookies).toEqual(['ROUTEID=.node2; Path=/']);
    expect(server.requests.map((request) => request.node)).toEqual(['node1', 'node1', 'node2']);
    expect(server.activeSessionCount()).toBe(1);

    // A second client that the balancer put on node2 stays there, with node2's own session table.
    const second = new CookieJar();
    second.take(dropped);
    const secondLogin = await postLogin(server, 'alice', 'alice-pass', withCookies(second));
    expect(secondLogin.headers['x-anodeid']).toBe('node2');
    second.take(secondLogin);
    const secondProbe = await call(`${server.baseUrl}/rest/auth/1/session`, withCookies(second));
    expect([secondProbe.status, secondProbe.headers['x-anodeid']]).toEqual([200, 'node2']);
    expect(server.activeSessionCount()).toBe(2);

    // A made-up route is not honoured: the balancer picks a node itself (round robin: node1 again).
    const bogus = await call(`${server.baseUrl}/rest/auth/1/session`, {
      headers: { Cookie: `${jar.header('ROUTEID')}; ROUTEID=.node9` },
    });
    expect(bogus.headers['x-anodeid']).toBe('node1');
    expect(bogus.status).toBe(200);
  });

  it('acts as an SSO-only instance: REST without a session redirects to the SAML login page', async () => {
    const server = await standIn({ contextPath: '/jira' });
    const jar = await signIn(server);
    server.setOptions({ sso: true });

    const myself = await call(`${server.baseUrl}/rest/api/2/myself?expand=groups`);
    expect(myself.status).toBe(302);
    const location = String(myself.headers.location);
    expect(location).toBe(
      `${server.origin}/jira/plugins/servlet/samlsso?redirectTo=${encodeURIComponent('/rest/api/2/myself?expand=groups')}`,
    );
    const page = await call(location);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html;charset=UTF-8');
    expect(page.text).toContain('<title>Log in with SSO');
    expect((await call(`${server.baseUrl}/rest/api/2/serverInfo`)).status).toBe(302);

    const login = await postLogin(server, 'fred', 'fred123');
    expect(login.status).toBe(200);
    expect(login.headers['content-type']).toBe('text/html;charset=UTF-8');
    expect(login.text).toMatch(/^<!DOCTYPE html>/);
    expect(login.setCookies).toEqual([]);

    // A session made before (e.g. captured from the web login) keeps working.
    expect((await call(`${server.baseUrl}/rest/api/2/myself`, withCookies(jar))).status).toBe(200);
  });

  it("rate-limits with 429: Tomcat's HTML page, Retry-After 0 and the X-RateLimit figures", async () => {
    const server = await standIn({ rateLimit: { requests: 3, intervalSeconds: 60 } });
    const url = `${server.baseUrl}/rest/api/2/serverInfo`;
    const json = { headers: { Accept: 'application/json' } };
    for (const remaining of ['2', '1', '0']) {
      const answer = await call(url, json);
      expect(answer.status).toBe(200);
      expect(answer.headers['x-ratelimit-remaining']).toBe(remaining);
    }
    const limited = await call(url, json);
    expect(limited.status).toBe(429);
    // As seen on real Jira: the wait is in the bucket's figures (one token every 60 / 3 = 20 s), not Retry-After.
    expect(limited.headers['retry-after']).toBe('0');
    expect(limited.headers['x-ratelimit-limit']).toBe('3');
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect(limited.headers['x-ratelimit-interval-seconds']).toBe('60');
    expect(limited.headers['x-ratelimit-fillrate']).toBe('3');
    // The container answers, not Jira: HTML even to a client that asked for JSON.
    expect(limited.headers['content-type']).toBe('text/html;charset=UTF-8');
    expect(limited.text).toContain('Rate limit exceeded');

    server.setOptions({ rateLimit: { requests: 1, intervalSeconds: 1, retryAfterSeconds: 7 } });
    expect((await call(url)).status).toBe(200);
    const custom = await call(url);
    expect(custom.status).toBe(429);
    expect(custom.headers['retry-after']).toBe('7');
    server.setOptions({ rateLimit: undefined });
    expect((await call(url)).status).toBe(200);
  });

  it('adds latencyMs before every response, adjustable with setOptions', async () => {
    const server = await standIn({ latencyMs: 200 });
    const url = `${server.baseUrl}/rest/api/2/serverInfo`;
    let startedAt = performance.now();
    expect((await call(url)).status).toBe(200);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(190);
    server.setOptions({ latencyMs: 0 });
    startedAt = performance.now();
    expect((await call(url)).status).toBe(200);
    expect(performance.now() - startedAt).toBeLessThan(150);
  });
});

describe('Jira stand-in: injected faults', () => {
  it('resets the connection', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'reset' });
    await expect(call(`${server.baseUrl}/rest/api/2/serverInfo`)).rejects.toMatchObject({ code: 'ECONNRESET' });
    // Used up after one request (times defaults to 1).
    expect((await call(`${server.baseUrl}/rest/api/2/serverInfo`)).status).toBe(200);
  });

  it('hangs until the client gives up, and close() still ends the hung connection', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'hang' }, { times: 2 });
    await expect(call(`${server.baseUrl}/rest/api/2/serverInfo`, { timeoutMs: 150 })).rejects.toThrow('client timeout');

    const pending = call(`${server.baseUrl}/rest/api/2/serverInfo`);
    const outcome = pending.then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code,
    );
    while (server.requests.length < 2) await sleep(5);
    const closeStarted = performance.now();
    await server.close();
    expect(performance.now() - closeStarted).toBeLessThan(1000);
    expect(await outcome).toBe('ECONNRESET');
  });

  it('truncates a body below its Content-Length', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'truncate' });
    await expect(call(`${server.baseUrl}/rest/auth/1/session`)).rejects.toThrow(/aborted|ECONNRESET|socket hang up/);
  });

  it('sends an oversized JSON body of exactly the given size', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'oversize', bytes: 300_000 });
    const answer = await call(`${server.baseUrl}/rest/api/2/myself`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(answer.headers['content-length']).toBe('300000');
    expect(answer.body.length).toBe(300_000);
    expect(answer.text.startsWith('{"padding":"xxx')).toBe(true);
  });

  it('answers with an HTML login page, a redirect or any canned status', async () => {
    const server = await standIn({ contextPath: '/jira' });
    const url = `${server.baseUrl}/rest/api/2/myself`;
    server.injectFault({ kind: 'html' });
    server.injectFault({ kind: 'html', status: 401 });
    server.injectFault({ kind: 'redirect', location: 'https://sso.example.com/login' });
    server.injectFault({ kind: 'redirect', location: '/elsewhere', status: 307 });
    server.injectFault({
      kind: 'status',
      status: 503,
      body: '{"message":"Down for maintenance"}',
      headers: { 'Retry-After': '30' },
    });
    server.injectFault({ kind: 'status', status: 502, body: '<h1>Bad Gateway</h1>', contentType: 'text/html' });

    const html = await call(url);
    expect([html.status, html.headers['content-type']]).toEqual([200, 'text/html;charset=UTF-8']);
    expect(html.text).toContain('id="login-form"');
    expect((await call(url)).status).toBe(401);
    const redirect = await call(url);
    expect([redirect.status, redirect.headers.location]).toEqual([302, 'https://sso.example.com/login']);
    const temporary = await call(url);
    expect([temporary.status, temporary.headers.location]).toEqual([307, '/elsewhere']);
    const maintenance = await call(url);
    expect([maintenance.status, maintenance.headers['content-type'], maintenance.headers['retry-after']]).toEqual([
      503,
      'application/json;charset=UTF-8',
      '30',
    ]);
    expect(maintenance.json()).toEqual({ message: 'Down for maintenance' });
    const gateway = await call(url);
    expect([gateway.status, gateway.headers['content-type'], gateway.text]).toEqual([
      502,
      'text/html',
      '<h1>Bad Gateway</h1>',
    ]);
    expect((await call(url)).status).toBe(401); // back to Jira: anonymous myself
  });

  it('applies a fault only to matching requests, as many times as asked, in order of injection', async () => {
    const server = await standIn({ contextPath: '/jira' });
    server.injectFault({ kind: 'status', status: 500 }, { method: 'post', path: '/rest/auth/1/session', times: 2 });
    server.injectFault({ kind: 'status', status: 502 }, { path: '/rest/auth/1/session' });

    expect((await call(`${server.baseUrl}/rest/api/2/serverInfo`)).status).toBe(200);
    expect((await call(`${server.baseUrl}/rest/auth/1/session`)).status).toBe(502); // GET: only the second matches
    expect((await postLogin(server, 'fred', 'fred123')).status).toBe(500);
    expect((await postLogin(server, 'fred', 'fred123')).status).toBe(500);
    expect((await postLogin(server, 'fred', 'fred123')).status).toBe(200);
    expect(server.requests).toHaveLength(5);
    expect(() => server.injectFault({ kind: 'reset' }, { times: 0 })).toThrow('times');
  });
});

describe('Jira stand-in: HTTPS', () => {
  function peerCertificate(server: JiraStandIn, ca?: string): Promise<{ fingerprint256: string; status: number }> {
    return new Promise((resolve, reject) => {
      const req = https.get(`${server.baseUrl}/rest/api/2/serverInfo`, { ca, agent: false }, (res) => {
        const certificate = (res.socket as TLSSocket).getPeerCertificate();
        res.resume();
        res.on('end', () => resolve({ fingerprint256: certificate.fingerprint256, status: res.statusCode ?? 0 }));
      });
      req.on('error', reject);
    });
  }

  it('is refused by default trust, accepted with the extra CA, and marks its cookies Secure', async () => {
    const server = await standIn({ https: true });
    expect(server.baseUrl).toBe(`https://127.0.0.1:${server.port}`);
    await expect(call(`${server.baseUrl}/rest/api/2/serverInfo`)).rejects.toMatchObject({
      code: expect.stringMatching(
        /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)$/,
      ) as unknown,
    });

    const caPem = server.caPem ?? '';
    const leafPem = server.certificatePem ?? '';
    const ca = new X509Certificate(caPem);
    const leaf = new X509Certificate(leafPem);
    expect(ca.ca).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');

    const answer = await postLogin(server, 'fred', 'fred123', { ca: caPem });
    expect(answer.status).toBe(200);
    expect(answer.setCookies[0]).toMatch(/^JSESSIONID=[0-9A-F]{32}; Path=\/; Secure; HttpOnly$/);
    expect(answer.setCookies[1]).toMatch(/_lin; Path=\/; Secure; SameSite=None$/);
    expect((await peerCertificate(server, caPem)).fingerprint256).toBe(leaf.fingerprint256);
  });

  it('serves a new leaf from the same CA after replaceCertificate', async () => {
    const server = await standIn({ https: true });
    const caPem = server.caPem ?? '';
    const before = new X509Certificate(server.certificatePem ?? '');
    expect((await peerCertificate(server, caPem)).fingerprint256).toBe(before.fingerprint256);

    await server.replaceCertificate();
    const after = new X509Certificate(server.certificatePem ?? '');
    expect(after.fingerprint256).not.toBe(before.fingerprint256);
    expect(after.publicKey.export({ format: 'pem', type: 'spki' })).not.toBe(
      before.publicKey.export({ format: 'pem', type: 'spki' }),
    );
    expect(server.caPem).toBe(caPem);
    const served = await peerCertificate(server, caPem);
    expect(served).toEqual({ fingerprint256: after.fingerprint256, status: 200 });
  });

  it('has no certificates over plain HTTP', async () => {
    const server = await standIn();
    expect(server.caPem).toBeUndefined();
    expect(server.certificatePem).toBeUndefined();
    await expect(server.replaceCertificate()).rejects.toThrow('https');
  });
});
