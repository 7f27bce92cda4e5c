// Personal access tokens on the stand-in: create, list, revoke, and Bearer requests that authenticate one request
// without a session — refused when unknown, revoked or expired, and absent altogether before Jira 8.14.
import { readFileSync } from 'node:fs';
import { Browser } from './browser';
import type { JiraStandIn } from './jira-stand-in';
import type { OpenApiDocument } from './openapi-check';
import { schemaProblems } from './openapi-check';
import { testResources } from './test-resources';

const openApi = JSON.parse(
  readFileSync(new URL('./fixtures/jira-dc-10.3-auth.openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;
const JIRA_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const NOT_AUTHENTICATED = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};

const resources = testResources();
afterEach(() => resources.closeAll());

interface CreatedToken {
  id: number;
  name: string;
  createdAt: string;
  expiringAt?: string;
  rawToken: string;
}

async function restSignIn(server: JiraStandIn, username: string, password: string): Promise<Browser> {
  const browser = new Browser();
  const answer = await browser.request(`${server.baseUrl}/rest/auth/1/session`, { json: { username, password } });
  if (answer.status !== 200) throw new Error(`${username} could not sign in (${answer.status}).`);
  return browser;
}

async function createToken(browser: Browser, server: JiraStandIn, body: unknown) {
  const answer = await browser.request(`${server.baseUrl}/rest/pat/latest/tokens`, { json: body });
  return { status: answer.status, body: JSON.parse(answer.text) as CreatedToken };
}

function withToken(server: JiraStandIn, path: string, token: string): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  });
}

describe('Jira stand-in: personal access tokens', () => {
  it('creates a token, shows its raw value only then, lists it, and keeps only a hash', async () => {
    const server = await resources.standIn();
    const fred = await restSignIn(server, 'fred', 'fred123');
    const created = await createToken(fred, server, { name: 'CI pipeline', expirationDuration: 90 });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(['createdAt', 'expiringAt', 'id', 'name', 'rawToken']);
    expect(created.body).toMatchObject({ name: 'CI pipeline', createdAt: expect.stringMatching(JIRA_TIME) });
    const lifetime =
      Date.parse(created.body.expiringAt?.replace('+0000', 'Z') ?? '') -
      Date.parse(created.body.createdAt.replace('+0000', 'Z'));
    expect(lifetime).toBe(90 * DAY_MS);
    expect(created.body.rawToken).toMatch(/^[A-Za-z0-9+/]{40,}={0,2}$/);

    const listed = await fred.get(`${server.baseUrl}/rest/pat/latest/tokens`);
    expect(listed.status).toBe(200);
    const { rawToken, ...shown } = created.body;
    expect(JSON.parse(listed.text)).toEqual([shown]);
    expect(listed.text).not.toContain(rawToken);

    const stored = server.personalAccessTokens();
    expect(stored).toEqual([
      expect.objectContaining({
        id: created.body.id,
        owner: 'fred',
        name: 'CI pipeline',
        createdAt: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(stored)).not.toContain(rawToken);

    const alice = await restSignIn(server, 'alice', 'alice-pass');
    expect(JSON.parse((await alice.get(`${server.baseUrl}/rest/pat/latest/tokens`)).text)).toEqual([]);
  });

  it('authenticates a Bearer request as the owner without a session, and records the use', async () => {
    const server = await resources.standIn();
    const fred = await restSignIn(server, 'fred', 'fred123');
    const { body } = await createToken(fred, server, { name: 'script', expirationDuration: 30 });
    const sessions = server.activeSessionCount();

    const myself = await withToken(server, '/rest/api/2/myself', body.rawToken);
    expect(myself.status).toBe(200);
    expect(myself.headers.get('x-ausername')).toBe('fred');
    expect(myself.headers.getSetCookie()).toEqual([]);
    const bean = (await myself.json()) as unknown;
    expect(schemaProblems(openApi, 'UserBean', bean)).toEqual([]);
    expect(bean).toMatchObject({ name: 'fred', displayName: 'Fred F. User' });
    expect(server.activeSessionCount()).toBe(sessions);

    const [listed] = JSON.parse((await fred.get(`${server.baseUrl}/rest/pat/latest/tokens`)).text) as {
      lastAccessedAt?: string;
    }[];
    expect(listed?.lastAccessedAt).toMatch(JIRA_TIME);
    expect(server.personalAccessTokens()[0]?.lastAccessedAt).toEqual(expect.any(Number));
  });

  it('answers 401 JSON without a login reason to an unknown, revoked or expired token', async () => {
    const server = await resources.standIn();
    const fred = await restSignIn(server, 'fred', 'fred123');
    const revoked = (await createToken(fred, server, { name: 'revoked', expirationDuration: 30 })).body;
    const expiring = (await createToken(fred, server, { name: 'expiring', expirationDuration: 90 })).body;
    expect((await withToken(server, '/rest/api/2/myself', expiring.rawToken)).status).toBe(200);

    expect(
      (await fred.request(`${server.baseUrl}/rest/pat/latest/tokens/${revoked.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    server.agePersonalAccessToken(expiring.id, 91 * DAY_MS);
    for (const token of ['bm90LWEtdG9rZW4=', revoked.rawToken, expiring.rawToken]) {
      const answer = await withToken(server, '/rest/api/2/myself', token);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual(NOT_AUTHENTICATED);
      expect(answer.headers.get('x-seraph-loginreason')).toBeNull();
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    expect(server.personalAccessTokens().map((token) => token.name)).toEqual(['expiring']);
    expect(() => server.agePersonalAccessToken(revoked.id, 1)).toThrow(/no personal access token/);
  });

  it('revokes only the owner’s tokens: an unknown or foreign id is 404', async () => {
    const server = await resources.standIn();
    const fred = await restSignIn(server, 'fred', 'fred123');
    const alice = await restSignIn(server, 'alice', 'alice-pass');
    const token = (await createToken(fred, server, { name: 'fred-only' })).body;
    expect(token.expiringAt).toBeUndefined();
    const url = `${server.baseUrl}/rest/pat/latest/tokens/${token.id}`;
    expect((await alice.request(url, { method: 'DELETE' })).status).toBe(404);
    expect((await withToken(server, '/rest/auth/1/session', token.rawToken)).status).toBe(200);
    expect((await fred.request(`${server.baseUrl}/rest/pat/latest/tokens/999`, { method: 'DELETE' })).status).toBe(404);
    expect((await fred.request(url, { method: 'DELETE' })).status).toBe(204);
    expect((await fred.request(url, { method: 'DELETE' })).status).toBe(404);
    expect((await new Browser().request(url, { method: 'DELETE' })).status).toBe(401);
  });

  it('refuses a token without a name, a bad duration, and an anonymous creator', async () => {
    const server = await resources.standIn();
    const fred = await restSignIn(server, 'fred', 'fred123');
    expect((await createToken(fred, server, { expirationDuration: 30 })).status).toBe(400);
    expect((await createToken(fred, server, { name: '  ', expirationDuration: 30 })).status).toBe(400);
    expect((await createToken(fred, server, { name: 'x', expirationDuration: 0 })).status).toBe(400);
    expect((await createToken(fred, server, { name: 'x', expirationDuration: '90' })).status).toBe(400);
    expect((await createToken(new Browser(), server, { name: 'x', expirationDuration: 30 })).status).toBe(401);
    expect(server.personalAccessTokens()).toEqual([]);
  });

  it('lets a token through where a browser would need SSO or WebSudo', async () => {
    const server = await resources.standIn({ sso: true });
    const admin = new Browser();
    const consumed = await admin.post(`${server.baseUrl}/plugins/servlet/samlconsumer`, {
      SAMLResponse: server.identityProvider?.issueResponse('admin') ?? '',
      RelayState: '',
    });
    expect(consumed.status).toBe(302);
    const { body } = await createToken(admin, server, { name: 'automation', expirationDuration: 7 });
    const settings = await withToken(server, '/rest/api/2/application-properties/advanced-settings', body.rawToken);
    expect([settings.status, settings.headers.get('x-ausername')]).toEqual([200, 'admin']);
    const cookieOnly = await admin.get(`${server.baseUrl}/rest/api/2/application-properties/advanced-settings`);
    expect(cookieOnly.status).toBe(401);
  });

  it('answers 404 on every token path and ignores Bearer when tokens are unavailable', async () => {
    const server = await resources.standIn();
    const fred = await restSignIn(server, 'fred', 'fred123');
    const token = (await createToken(fred, server, { name: 'before', expirationDuration: 30 })).body;
    server.setOptions({ tokensUnavailable: true });
    expect((await fred.get(`${server.baseUrl}/rest/pat/latest/tokens`)).status).toBe(404);
    expect((await createToken(fred, server, { name: 'x', expirationDuration: 30 })).status).toBe(404);
    const url = `${server.baseUrl}/rest/pat/latest/tokens/${token.id}`;
    expect((await fred.request(url, { method: 'DELETE' })).status).toBe(404);
    const bearer = await withToken(server, '/rest/api/2/myself', token.rawToken);
    expect([bearer.status, bearer.headers.get('x-ausername')]).toEqual([401, 'anonymous']);
  });
});
