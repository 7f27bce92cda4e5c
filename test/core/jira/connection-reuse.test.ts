// Connections and TLS trust are set up once per burst, not once per request: counted on the stand-in's side
// (TCP connections accepted, TLS handshakes completed), with every TLS check still in force.
import { afterEach, describe, expect, it } from 'vitest';
import { createAgents } from '../../../electron/core/jira/agents';
import { summarizePem } from '../../../electron/core/jira/certificates';
import { secureContextFor } from '../../../electron/core/jira/secure-contexts';
import { failure, jiraClients } from '../../support/jira-clients';
import { connectionsClosed, testResources } from '../../support/test-resources';

const { standIn, closeAll } = testResources();
const { clientFor, disposeClients } = jiraClients();

afterEach(async () => {
  disposeClients();
  await closeAll();
});

// Long enough that a slow test machine never closes a connection in the middle of a burst.
const WITHIN_A_BURST = { idleSocketMs: 60_000 };

describe('connections within a burst', () => {
  it('signs in and checks over one TLS connection to a server with a private CA', async () => {
    const server = await standIn({ https: true });
    const client = clientFor(server.baseUrl, { trust: { caCertificate: server.caPem ?? '' }, ...WITHIN_A_BURST });
    await client.login('admin', 'admin');
    for (let i = 0; i < 3; i++) expect((await client.currentUser()).username).toBe('admin');
    expect(server.requests).toHaveLength(4);
    expect(server.connectionStats()).toMatchObject({ accepted: 1, tlsHandshakes: 1 });
  });

  it('keeps a pinned connection alive and still checks the pin on every new one', async () => {
    const server = await standIn({ https: true });
    const pinned = summarizePem(server.certificatePem ?? '');
    const pin = { pem: pinned.pem ?? '', fingerprint256: pinned.fingerprint256 };
    const client = clientFor(server.baseUrl, { trust: { pinnedCertificate: pin }, ...WITHIN_A_BURST });
    await client.serverInfo();
    await client.serverInfo();
    expect(server.connectionStats().tlsHandshakes).toBe(1);

    await server.replaceCertificate();
    const other = clientFor(server.baseUrl, { trust: { pinnedCertificate: pin }, ...WITHIN_A_BURST });
    expect((await failure(other.serverInfo())).kind).toBe('tls-pin-mismatch');
  });

  it('reuses plain HTTP connections too', async () => {
    const server = await standIn();
    const client = clientFor(server.baseUrl, WITHIN_A_BURST);
    await client.login('admin', 'admin');
    await client.currentUser();
    await client.serverInfo();
    expect(server.connectionStats().accepted).toBe(1);
  });
});

describe('a kept-alive connection the server closed', () => {
  it('is retried once on a new connection when the request can be repeated', async () => {
    const server = await standIn();
    const client = clientFor(server.baseUrl, WITHIN_A_BURST);
    await client.serverInfo();
    server.injectFault({ kind: 'reset' }, { path: '/rest/api/2/serverInfo' });
    expect((await client.serverInfo()).version).toBe('10.3.4');
    expect(server.connectionStats().accepted).toBe(2);
  });

  it('is not retried a second time, nor when the request was a sign-in', async () => {
    const server = await standIn();
    const client = clientFor(server.baseUrl, WITHIN_A_BURST);
    await client.serverInfo();
    server.injectFault({ kind: 'reset' }, { path: '/rest/api/2/serverInfo', times: 2 });
    expect((await failure(client.serverInfo())).kind).toBe('unreachable');

    await client.serverInfo();
    server.injectFault({ kind: 'reset' }, { method: 'POST', path: '/rest/auth/1/session' });
    expect((await failure(client.login('admin', 'admin'))).kind).toBe('unreachable');
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});

describe('connections after a burst', () => {
  it('closes the idle connections by default soon after a burst, and the next request sets up a new one', async () => {
    const server = await standIn({ https: true });
    const client = clientFor(server.baseUrl, { trust: { caCertificate: server.caPem ?? '' } });
    await client.serverInfo();
    expect(server.connectionStats().open).toBe(1);
    await connectionsClosed(server);

    await client.serverInfo();
    expect(server.connectionStats()).toMatchObject({ accepted: 2, tlsHandshakes: 2 });
  });

  it('closes idle plain HTTP connections as well', async () => {
    const server = await standIn();
    const client = clientFor(server.baseUrl, { idleSocketMs: 50 });
    await client.serverInfo();
    await connectionsClosed(server);
    await client.serverInfo();
    expect(server.connectionStats().accepted).toBe(2);
  });
});

describe('TLS secure contexts', () => {
  it('builds one per trust configuration and shares it between every client that has it', async () => {
    const [one, two] = await Promise.all([standIn({ https: true }), standIn({ https: true })]);
    const trustOne = { caCertificate: one.caPem ?? '' };
    const first = createAgents(trustOne).httpsAgent;
    const second = createAgents({ ...trustOne }).httpsAgent;
    const other = createAgents({ caCertificate: two.caPem ?? '' }).httpsAgent;
    try {
      expect(first.options.secureContext).toBeDefined();
      expect(second.options.secureContext).toBe(first.options.secureContext);
      expect(other.options.secureContext).not.toBe(first.options.secureContext);
    } finally {
      for (const agent of [first, second, other]) agent.destroy();
    }
    const extra = [one.caPem ?? ''];
    expect(secureContextFor({ extra, partialChain: false })).toBe(secureContextFor({ extra, partialChain: false }));
    // A pin lets its leaf anchor the chain: that is another configuration, with a context of its own.
    expect(secureContextFor({ extra, partialChain: true })).not.toBe(secureContextFor({ extra, partialChain: false }));
  });

  it('still refuses a server that only another configuration trusts', async () => {
    const [one, two] = await Promise.all([standIn({ https: true }), standIn({ https: true })]);
    const trusting = clientFor(one.baseUrl, { trust: { caCertificate: one.caPem ?? '' } });
    const wrongCa = clientFor(two.baseUrl, { trust: { caCertificate: one.caPem ?? '' } });
    expect((await trusting.serverInfo()).version).toBe('10.3.4');
    expect((await failure(wrongCa.serverInfo())).kind).toBe('tls-untrusted');
  });
});
