// What real Jira does that the first release did not expect, and the TLS and cookie guards no other test holds:
// each test here goes red when its handling is removed.
import { afterEach, describe, expect, it } from 'vitest';
import { summarizePem } from '../../../electron/core/jira/certificates';
import { MIN_UNANNOUNCED_BACKOFF_SECONDS } from '../../../electron/core/jira/errors';
import type { JiraClientOptions } from '../../../electron/core/jira/jira-client';
import { SEEDED_USERS } from '../../support/jira-stand-in';
import { createCertificateAuthority } from '../../support/jira-stand-in/certificates';
import { failure, jiraClients } from '../../support/jira-clients';
import { testResources } from '../../support/test-resources';
import { makeCertificate, startTlsServer, type TlsServer } from '../../support/tls-server';

const { standIn, proxy: startProxy, closeAll } = testResources();
const { clientFor, disposeClients } = jiraClients();
const tlsServers: TlsServer[] = [];

async function tlsServer(...args: Parameters<typeof makeCertificate>): Promise<{ server: TlsServer; certPem: string }> {
  const pair = await makeCertificate(...args);
  const server = await startTlsServer(pair);
  tlsServers.push(server);
  return { server, certPem: pair.certPem };
}

function pinOf(pem: string): NonNullable<JiraClientOptions['trust']>['pinnedCertificate'] {
  const summary = summarizePem(pem);
  return { pem: summary.pem ?? '', fingerprint256: summary.fingerprint256 };
}

afterEach(async () => {
  disposeClients();
  await Promise.all(tlsServers.splice(0).map((server) => server.close()));
  await closeAll();
});

describe("real Jira's quirks", () => {
  it("takes the user from the sign-in, not the login answer's X-AUSERNAME: anonymous, and never asks for anonymous's avatar", async () => {
    const server = await standIn();
    const client = clientFor(server.baseUrl);
    const facts = await client.login('fred', 'fred123');
    expect(server.requests.at(-1)?.method).toBe('POST');
    expect(facts.username).toBe('fred');
    const anonymous = `${server.baseUrl}/secure/useravatar?size=large&ownerId=anonymous`;
    expect(await client.avatarDataUri({ '48x48': anonymous })).toBeUndefined();
    expect(server.requests.some((request) => request.url.includes('ownerId=anonymous'))).toBe(false);
  });

  it("maps Seraph's HTML 401 for a stale cookie on /rest/api to session-expired, not unexpected-response", async () => {
    const server = await standIn();
    const client = clientFor(server.baseUrl);
    await client.login('admin', 'admin');
    server.expireAllSessions();
    expect((await failure(client.myself())).kind).toBe('session-expired');
    expect((await failure(client.serverInfo())).kind).toBe('session-expired');
  });

  it('tells a right password without application access apart from a wrong one', async () => {
    const server = await standIn({
      users: [...SEEDED_USERS, { ...SEEDED_USERS[1]!, name: 'nolicence', password: 'right', applicationRoles: [] }],
    });
    const denied = await failure(clientFor(server.baseUrl).login('nolicence', 'right'));
    expect(denied.kind).toBe('no-application-access');
    expect(denied.message).toMatch(/accepted the password, but this account may not use Jira/);
    expect(denied.info.nextStep).toMatch(/application access/);
    const wrong = await failure(clientFor(server.baseUrl).login('fred', 'wrong'));
    expect(wrong.kind).toBe('bad-credentials');
    // A deactivated account or an expired directory password answers exactly like this: say so.
    expect(wrong.message).toMatch(/deactivated/);
    expect(wrong.message).toMatch(/directory password expired/);
  });

  it('reads a CAPTCHA denial from its header even when the body is an HTML page', async () => {
    const server = await standIn({ captchaAfterFailures: 1 });
    await failure(clientFor(server.baseUrl).login('fred', 'wrong'));
    const error = await failure(clientFor(server.baseUrl).login('fred', 'fred123'));
    expect(server.requests.at(-1)?.headers.accept).toBe('application/json');
    expect(error.kind).toBe('captcha-required');
    expect(error.info.loginUrl).toBe(`${server.baseUrl}/login.jsp`);
  });

  it("waits out a 429 with Retry-After: 0 by the bucket's figures, sending nothing meanwhile", async () => {
    // Two requests per 60 s: one comes back every 30 s, whatever Retry-After says.
    const server = await standIn({ rateLimit: { requests: 2, intervalSeconds: 60 } });
    const client = clientFor(server.baseUrl);
    await client.login('admin', 'admin');
    await client.currentUser();
    const limited = await failure(client.currentUser());
    expect(limited.kind).toBe('rate-limited');
    expect(limited.info.retryAfterSeconds).toBe(30);
    const sent = server.requests.length;
    const held = await failure(client.currentUser());
    expect(held.kind).toBe('rate-limited');
    expect(held.info.retryAfterSeconds).toBeGreaterThan(25);
    expect(server.requests).toHaveLength(sent);
  });

  it('backs off at least 10 seconds after a 429 that names no wait at all', async () => {
    const server = await standIn();
    server.injectFault(
      {
        kind: 'status',
        status: 429,
        body: '<html>Too many</html>',
        contentType: 'text/html',
        headers: { 'Retry-After': '0' },
      },
      { path: '/rest/api/2/serverInfo' },
    );
    const client = clientFor(server.baseUrl);
    const error = await failure(client.serverInfo());
    expect(error.info.retryAfterSeconds).toBe(MIN_UNANNOUNCED_BACKOFF_SECONDS);
    const sent = server.requests.length;
    expect((await failure(client.serverInfo())).kind).toBe('rate-limited');
    expect(server.requests).toHaveLength(sent);
  });
});

describe('guards', () => {
  it("loads an avatar only from the profile's own origin", async () => {
    const [own, other] = await Promise.all([standIn(), standIn()]);
    const client = clientFor(own.baseUrl);
    await client.login('admin', 'admin');
    const foreign = { '48x48': `${other.baseUrl}/secure/useravatar?size=large&ownerId=admin` };
    expect(await client.avatarDataUri(foreign)).toBeUndefined();
    expect(other.requests).toHaveLength(0);
  });

  it('checks the host name when the profile trusts its own CA', async () => {
    const ca = await createCertificateAuthority();
    const { server } = await tlsServer({ dnsNames: ['wrong.example'], validUntilDays: 30, ca });
    const error = await failure(clientFor(server.baseUrl, { trust: { caCertificate: ca.certPem } }).serverInfo());
    expect(error.kind).toBe('tls-untrusted');
    expect(error.message).toMatch(/wrong host name/);
    expect(server.requests).toBe(0);
  });

  it('refuses a valid certificate from the same CA when it is not the pinned one', async () => {
    const server = await standIn({ https: true });
    const pin = pinOf(server.certificatePem ?? '');
    const trust = { caCertificate: server.caPem ?? '', pinnedCertificate: pin };
    expect((await clientFor(server.baseUrl, { trust }).serverInfo()).version).toBe('10.3.4');
    await server.replaceCertificate();
    const error = await failure(clientFor(server.baseUrl, { trust }).serverInfo());
    expect(error.kind).toBe('tls-pin-mismatch');
    expect(error.info.expectedFingerprint256).toBe(pin?.fingerprint256);
  });

  it('reports a wrong host name or an expired certificate on a pinned server as such, not as a pin mismatch', async () => {
    const ca = await createCertificateAuthority();
    const misnamed = await tlsServer({ dnsNames: ['wrong.example'], validUntilDays: 30, ca });
    const wrongName = await failure(
      clientFor(misnamed.server.baseUrl, { trust: { pinnedCertificate: pinOf(misnamed.certPem) } }).serverInfo(),
    );
    expect(wrongName.kind).toBe('tls-untrusted');
    expect(wrongName.message).toMatch(/wrong host name/);

    const expired = await tlsServer({ dnsNames: ['localhost'], validUntilDays: -1, ca });
    const late = await failure(
      clientFor(expired.server.baseUrl.replace('127.0.0.1', 'localhost'), {
        trust: { pinnedCertificate: pinOf(expired.certPem) },
      }).serverInfo(),
    );
    expect(late.kind).toBe('tls-untrusted');
    expect(late.message).toMatch(/has expired/);
  });

  it("reads an untrusted server's certificate through the profile's proxy when only the proxy reaches it", async () => {
    const server = await standIn({ https: true });
    const proxy = await startProxy(undefined, { 'jira.internal.test': '127.0.0.1' });
    const baseUrl = `https://jira.internal.test:${server.port}`;
    const error = await failure(clientFor(baseUrl, { proxy: { url: proxy.url } }).serverInfo());
    expect(error.kind).toBe('tls-untrusted');
    expect(error.info.certificate?.fingerprint256).toBe(summarizePem(server.certificatePem ?? '').fingerprint256);
    expect(proxy.seen.filter((entry) => entry.line === `CONNECT jira.internal.test:${server.port}`)).toHaveLength(2);
  });
});
