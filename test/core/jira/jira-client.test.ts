// The Jira client against real stand-ins over real HTTP(S): cookies, context paths, clusters, denials and
// every way an answer can be wrong.
import { afterEach, describe, expect, it } from 'vitest';
import type { JiraClient, JiraClientOptions } from '../../../electron/core/jira/jira-client';
import { summarizePem } from '../../../electron/core/jira/certificates';
import type { JiraStandIn } from '../../support/jira-stand-in';
import { failure, jiraClients } from '../../support/jira-clients';
import { testResources } from '../../support/test-resources';

const { standIn, proxy: startProxy, closeAll } = testResources();
const { clientFor: clientAt, disposeClients } = jiraClients();
const clientFor = (server: Pick<JiraStandIn, 'baseUrl'>, options: Partial<JiraClientOptions> = {}): JiraClient =>
  clientAt(server.baseUrl, options);

afterEach(async () => {
  disposeClients();
  await closeAll();
});

describe('JiraClient sign-in', () => {
  it('keeps every cookie Jira sets and sends them back on the next call', async () => {
    const server = await standIn();
    const client = clientFor(server);
    const facts = await client.login('admin', 'admin');
    expect(facts.username).toBe('admin');
    expect(facts.loginInfo?.loginCount).toBe(1);
    expect(client.cookieNames()).toEqual(['JSESSIONID', 'atlassian.xsrf.token']);
    const who = await client.currentUser();
    expect(who.username).toBe('admin');
    const probe = server.requests.at(-1);
    expect(probe?.path).toContain('/rest/auth/1/session');
    expect(probe?.cookie).toMatch(/JSESSIONID=[0-9A-F]{32}/);
    expect(probe?.cookie).toMatch(/atlassian\.xsrf\.token=/);
    expect(probe?.headers['x-atlassian-token']).toBe('no-check');
  });

  it('reports login history times as ISO strings and counts failures', async () => {
    const server = await standIn();
    const client = clientFor(server);
    await failure(client.login('fred', 'wrong'));
    await client.login('fred', 'fred123');
    const facts = await client.login('fred', 'fred123');
    expect(facts.loginInfo?.loginCount).toBe(2);
    expect(facts.loginInfo?.failedLoginCount).toBe(1);
    expect(facts.loginInfo?.lastFailedLoginTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(facts.loginInfo?.previousLoginTime).toMatch(/Z$/);
  });

  it('works under a context path, with cookies scoped to it', async () => {
    const server = await standIn({ contextPath: '/jira' });
    expect(server.baseUrl).toMatch(/\/jira$/);
    const client = clientFor(server);
    await client.login('admin', 'admin');
    const jar = JSON.parse(client.serializeJar()) as { cookies: { key: string; path: string }[] };
    expect(jar.cookies.find((cookie) => cookie.key === 'JSESSIONID')?.path).toBe('/jira');
    expect((await client.currentUser()).username).toBe('admin');
    expect((await client.myself()).displayName).toBe('Administrator');
  });

  it('maps a wrong password to bad-credentials', async () => {
    const client = clientFor(await standIn());
    const error = await failure(client.login('admin', 'nope'));
    expect(error.kind).toBe('bad-credentials');
    expect(client.hasSession()).toBe(false);
  });

  it('maps a CAPTCHA challenge to captcha-required with the login URL, and does not retry', async () => {
    const server = await standIn({ captchaAfterFailures: 2 });
    const client = clientFor(server);
    await failure(client.login('fred', 'x'));
    await failure(client.login('fred', 'y'));
    const posts = () => server.requests.filter((request) => request.method === 'POST').length;
    const before = posts();
    const error = await failure(client.login('fred', 'fred123'));
    expect(error.kind).toBe('captcha-required');
    expect(error.info.loginUrl).toBe(`${server.origin}/login.jsp`);
    expect(error.info.nextStep).toMatch(/web login/i);
    expect(posts() - before).toBe(1);
  });

  it('recognises basic authentication disabled', async () => {
    const client = clientFor(await standIn({ basicAuthDisabled: true }));
    const error = await failure(client.login('admin', 'admin'));
    expect(error.kind).toBe('basic-auth-disabled');
    expect(error.info.nextStep).toMatch(/personal access token|web login/i);
  });

  it('reports a 429 with the server-requested wait when it is the longer one', async () => {
    const server = await standIn({ rateLimit: { requests: 1, intervalSeconds: 60, retryAfterSeconds: 142 } });
    const client = clientFor(server);
    await client.login('admin', 'admin');
    const error = await failure(client.currentUser());
    expect(error.kind).toBe('rate-limited');
    expect(error.info.retryAfterSeconds).toBe(142);
  });

  it('treats an HTML page where JSON was expected as an error, never as success', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'html' }, { path: '/rest/auth/1/session' });
    const error = await failure(clientFor(server).login('admin', 'admin'));
    expect(error.kind).toBe('unexpected-response');
    expect(error.info.contentType).toBe('text/html');
    expect(error.message).toMatch(/HTML page/);
  });

  it('follows an SSO redirect only on the same origin and reports the login page', async () => {
    const server = await standIn({ sso: true });
    const client = clientFor(server);
    const error = await failure(client.currentUser());
    expect(error.kind).toBe('unexpected-response');
    expect(error.info.contentType).toBe('text/html');
  });
});

describe('JiraClient session', () => {
  it('needs the cluster sticky cookie: keeping it works, dropping it fails', async () => {
    const server = await standIn({ cluster: true });
    const client = clientFor(server);
    const facts = await client.login('admin', 'admin');
    expect(client.cookieNames()).toContain('ROUTEID');
    expect(facts.nodeId).toMatch(/^node[12]$/);
    for (let i = 0; i < 3; i++) expect((await client.currentUser()).nodeId).toBe(facts.nodeId);

    const jar = JSON.parse(client.serializeJar()) as { cookies: { key: string }[] };
    jar.cookies = jar.cookies.filter((cookie) => cookie.key !== 'ROUTEID');
    client.restoreJar(JSON.stringify(jar));
    const error = await failure(client.currentUser());
    expect(error.kind).toBe('session-expired');
  });

  it('detects an idle timeout as session-expired', async () => {
    const server = await standIn({ idleTimeoutMs: 150 });
    const client = clientFor(server);
    await client.login('admin', 'admin');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await failure(client.currentUser())).kind).toBe('session-expired');
  });

  it('fetches the avatar with the session as a data URI', async () => {
    const server = await standIn();
    const client = clientFor(server);
    await client.login('admin', 'admin');
    const bean = await client.myself();
    const avatar = await client.avatarDataUri(bean.avatarUrls);
    expect(avatar).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(bean.groups?.items?.map((group) => group.name)).toContain('jira-administrators');
  });

  it('signs out with DELETE and forgets the cookies', async () => {
    const server = await standIn();
    const client = clientFor(server);
    await client.login('admin', 'admin');
    expect(server.activeSessionCount()).toBe(1);
    await client.logout();
    expect(server.activeSessionCount()).toBe(0);
    expect(client.hasSession()).toBe(false);
    expect(server.requests.at(-1)?.method).toBe('DELETE');
  });
});

describe('JiraClient transport failures', () => {
  it('never sends cookies along a redirect to another host', async () => {
    const server = await standIn();
    const elsewhere = await standIn();
    const client = clientFor(server);
    await client.login('admin', 'admin');
    server.injectFault({ kind: 'redirect', location: `${elsewhere.baseUrl}/rest/auth/1/session` }, { method: 'GET' });
    const error = await failure(client.currentUser());
    expect(error.kind).toBe('redirected');
    expect(error.info.location).toBe(`${elsewhere.baseUrl}/rest/auth/1/session`);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('gives up after the timeout', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'hang' });
    const error = await failure(clientFor(server, { timeoutMs: 300 }).currentUser());
    expect(error.kind).toBe('timeout');
  });

  it('refuses an oversized body', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'oversize', bytes: 600 * 1024 });
    const error = await failure(clientFor(server, { maxResponseBytes: 64 * 1024 }).serverInfo());
    expect(error.kind).toBe('unexpected-response');
    expect(error.message).toMatch(/larger than 64 KiB/);
  });

  it('reports a reset connection and a refused port as unreachable', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'reset' });
    expect((await failure(clientFor(server).serverInfo())).kind).toBe('unreachable');
    const gone = { baseUrl: server.baseUrl };
    await server.close();
    expect((await failure(clientFor(gone).serverInfo())).kind).toBe('unreachable');
  });

  it('reports a truncated body as a failure', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'truncate' });
    const error = await failure(clientFor(server).serverInfo());
    expect(['unreachable', 'unexpected-response']).toContain(error.kind);
  });

  it('maps a 5xx to server-error', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'status', status: 503, body: 'down', contentType: 'text/plain' });
    const error = await failure(clientFor(server).serverInfo());
    expect(error.kind).toBe('server-error');
    expect(error.info.status).toBe(503);
  });
});

describe('JiraClient TLS trust', () => {
  it('refuses a self-signed chain by default, with the certificate the user can check', async () => {
    const server = await standIn({ https: true });
    const error = await failure(clientFor(server).serverInfo());
    expect(error.kind).toBe('tls-untrusted');
    const presented = summarizePem(server.certificatePem ?? '');
    expect(error.info.certificate?.fingerprint256).toBe(presented.fingerprint256);
    expect(error.info.certificate?.subject).toBe(presented.subject);
  });

  it("accepts it with the profile's extra CA, while another client stays strict", async () => {
    const server = await standIn({ https: true });
    const trusting = clientFor(server, { trust: { caCertificate: server.caPem ?? '' } });
    expect((await trusting.serverInfo()).version).toBe('10.3.4');
    await trusting.login('admin', 'admin');
    expect(trusting.cookieNames()).toContain('JSESSIONID');
    expect((await failure(clientFor(server).serverInfo())).kind).toBe('tls-untrusted');
  });

  it('accepts exactly a pinned certificate and refuses its replacement with both fingerprints', async () => {
    const server = await standIn({ https: true });
    const pinned = summarizePem(server.certificatePem ?? '');
    const client = clientFor(server, {
      trust: { pinnedCertificate: { pem: pinned.pem ?? '', fingerprint256: pinned.fingerprint256 } },
    });
    expect((await client.serverInfo()).serverTitle).toBeTruthy();
    await server.replaceCertificate();
    const fresh = clientFor(server, {
      trust: { pinnedCertificate: { pem: pinned.pem ?? '', fingerprint256: pinned.fingerprint256 } },
    });
    const error = await failure(fresh.serverInfo());
    expect(error.kind).toBe('tls-pin-mismatch');
    expect(error.info.expectedFingerprint256).toBe(pinned.fingerprint256);
    expect(error.info.certificate?.fingerprint256).toBe(summarizePem(server.certificatePem ?? '').fingerprint256);
    expect(error.info.certificate?.fingerprint256).not.toBe(pinned.fingerprint256);
  });
});

describe('JiraClient proxies', () => {
  const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('tunnels HTTPS through the environment proxy with CONNECT, keeping the profile CA, and honours NO_PROXY', async () => {
    const server = await standIn({ https: true });
    const proxy = await startProxy();
    process.env.HTTPS_PROXY = proxy.url;
    const client = clientFor(server, { trust: { caCertificate: server.caPem ?? '' } });
    await client.login('admin', 'admin');
    expect(proxy.seen.map((entry) => entry.line)).toContain(`CONNECT ${new URL(server.baseUrl).host}`);
    const seen = proxy.seen.length;
    process.env.NO_PROXY = '127.0.0.1';
    expect((await client.currentUser()).username).toBe('admin');
    expect(proxy.seen).toHaveLength(seen);
  });

  it('sends the per-profile proxy its credentials and reports a 407 when they are missing', async () => {
    const server = await standIn();
    const proxy = await startProxy({ username: 'p', password: 'proxy-pass' });
    const refused = await failure(clientFor(server, { proxy: { url: proxy.url } }).serverInfo());
    expect(refused.kind).toBe('proxy-auth-required');
    const info = await clientFor(server, {
      proxy: { url: proxy.url, username: 'p', password: 'proxy-pass' },
    }).serverInfo();
    expect(info.serverTitle).toBe('Jira Stand-in');
    expect(proxy.seen.at(-1)).toEqual({ line: `GET ${server.baseUrl}/rest/api/2/serverInfo`, allowed: true });
  });
});
