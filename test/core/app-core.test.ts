// createAppCore end to end under plain Node: several Jira stand-ins over real HTTP, a real store on disk,
// a real AES cipher standing in for the keychain.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STORE_FILE_NAME } from '../../electron/core/store/document-store';
import type { SessionState } from '../../electron/shared/model';
import { savedText } from '../support/core-harness';
import { testResources } from '../support/test-resources';
import { createTestCipher } from '../support/test-cipher';

const { standIn, core, adopt, closeAll } = testResources();

async function rejection(promise: Promise<unknown>): Promise<{ kind: string; message: string; field?: string }> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: { info?: { kind: string; message: string } }) => caught,
  );
  return (error as { info: { kind: string; message: string } }).info;
}

afterEach(closeAll);

describe('createAppCore sessions', () => {
  it('signs in to several servers at once, shows who is signed in where, and signs out of all', async () => {
    const [alpha, beta, gamma] = await Promise.all([
      standIn(),
      standIn({ contextPath: '/jira' }),
      standIn({ cluster: true }),
    ]);
    const h = await core();
    const profiles = await Promise.all(
      [alpha, beta, gamma].map((server, i) => h.addProfile({ baseUrl: server!.baseUrl, label: `Server ${i}` })),
    );
    const states = await Promise.all([
      h.core.invoke('session:login', profiles[0]!.id, { username: 'admin', password: 'admin' }),
      h.core.invoke('session:login', profiles[1]!.id, { username: 'fred', password: 'fred123' }),
      h.core.invoke('session:login', profiles[2]!.id, { username: 'admin', password: 'admin' }),
    ]);
    expect(states.map((state) => state.status)).toEqual(['signed-in', 'signed-in', 'signed-in']);
    const fred = states[1]!;
    expect(fred.user?.displayName).toBe('Fred F. User');
    expect(fred.user?.avatarDataUri).toMatch(/^data:image\/png;base64,/);
    expect(fred.user?.groups.length).toBeGreaterThan(0);
    expect(fred.serverInfo?.version).toBe('10.3.4');
    expect(fred.loginInfo?.loginCount).toBe(1);
    expect(fred.cookieNames).toEqual(['JSESSIONID', 'atlassian.xsrf.token']);
    expect(fred.persisted).toBe(true);
    expect(states[2]!.nodeId).toMatch(/^node[12]$/);
    expect(states[2]!.cookieNames).toContain('ROUTEID');

    const refreshed = await h.core.invoke('sessions:refreshAll');
    expect(refreshed.every((state) => state.status === 'signed-in' && state.verifiedAt)).toBe(true);

    const results = await h.core.invoke('session:logoutAll');
    expect(results).toHaveLength(3);
    expect(results.every((result) => result.serverConfirmed && result.state.status === 'signed-out')).toBe(true);
    expect([alpha, beta, gamma].map((server) => server!.activeSessionCount())).toEqual([0, 0, 0]);
    expect(await savedText(h)).not.toMatch(/"cookies"/);
  });

  it('keeps two profiles on one server apart: each has its own cookies', async () => {
    const server = await standIn();
    const h = await core();
    const first = await h.addProfile({ baseUrl: server.baseUrl, label: 'As admin' });
    const second = await h.addProfile({ baseUrl: server.baseUrl, label: 'As fred', username: 'fred' });
    await h.core.invoke('session:login', first.id, { username: 'admin', password: 'admin' });
    await h.core.invoke('session:login', second.id, { username: 'fred', password: 'fred123' });
    const [a, b] = await Promise.all([
      h.core.invoke('session:refresh', first.id),
      h.core.invoke('session:refresh', second.id),
    ]);
    expect(a.user?.name).toBe('admin');
    expect(b.user?.name).toBe('fred');
    const result = await h.core.invoke('session:logout', first.id);
    expect(result.serverConfirmed).toBe(true);
    expect((await h.core.invoke('session:refresh', second.id)).status).toBe('signed-in');
  });

  it('shows a failed sign-in as an error on a signed-out session, with its next step', async () => {
    const server = await standIn({ captchaAfterFailures: 1 });
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred' });
    const bad = await h.core.invoke('session:login', profile.id, { username: 'fred', password: 'wrong' });
    expect(bad.status).toBe('signed-out');
    expect(bad.error?.kind).toBe('bad-credentials');
    const captcha = await h.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123' });
    expect(captcha.error?.kind).toBe('captcha-required');
    expect(captcha.error?.loginUrl).toBe(`${server.origin}/login.jsp`);
    expect(captcha.cookieNames).toEqual([]);
  });

  it('detects an idle expiry on refresh and drops the sealed cookies', async () => {
    const server = await standIn({ idleTimeoutMs: 200 });
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    expect(await savedText(h)).toMatch(/"cookies"/);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.status).toBe('expired');
    expect(state.error?.kind).toBe('session-expired');
    expect(state.cookieNames).toEqual([]);
    expect(await savedText(h)).not.toMatch(/"cookies"/);
    expect(h.notices.map((notice) => notice.title)).toEqual([`Session expired: ${profile.label}`]);
  });

  it('points out failed sign-ins on the account that happened since the last check', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred' });
    await h.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123' });
    for (const attempt of ['guess-1', 'guess-2']) {
      await fetch(`${server.baseUrl}/rest/auth/1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'fred', password: attempt }),
      });
    }
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.loginInfo?.failedLoginCount).toBe(2);
    expect(state.failedSignInsSinceCheck).toBe(2);
    expect(state.warnings).toEqual([]);
    // The next check found no new ones.
    expect((await h.core.invoke('session:refresh', profile.id)).failedSignInsSinceCheck).toBeUndefined();
  });

  it('clears local state when the server cannot be reached for sign-out, and says so', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    await server.close();
    const results = await h.core.invoke('session:logoutAll');
    expect(results).toHaveLength(1);
    expect(results[0]!.serverConfirmed).toBe(false);
    expect(results[0]!.error?.kind).toBe('unreachable');
    expect(results[0]!.state.status).toBe('signed-out');
    expect(results[0]!.state.cookieNames).toEqual([]);
    expect(await savedText(h)).not.toMatch(/"cookies"/);
    expect(h.notices.at(-1)?.title).toMatch(/could not confirm/);
  });

  it('announces each change as a delta, sent before the answer that carries it', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    const seen: SessionState['status'][] = [];
    h.core.on('sessions:delta', (delta) => {
      const status = delta.changed.find((patch) => patch.profileId === profile.id)?.set.status;
      if (status) seen.push(status);
    });
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    expect(seen.at(-1)).toBe('signed-in');
    await h.core.invoke('session:logout', profile.id);
    expect(seen.at(-1)).toBe('signed-out');
  });
});

describe('createAppCore persistence and secrets', () => {
  it('restores a sealed session after a restart and verifies it with the server', async () => {
    const server = await standIn();
    const first = await core();
    const profile = await first.addProfile({ baseUrl: server.baseUrl });
    await first.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    const stored = await savedText(first);
    expect(stored).not.toMatch(/JSESSIONID/);
    const second = await first.restart();
    adopt(second);
    const [state] = await second.core.invoke('sessions:refreshAll');
    expect(state?.status).toBe('signed-in');
    expect(state?.user?.name).toBe('admin');
    expect(server.activeSessionCount()).toBe(1);
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('verifies restored sessions by itself as it opens, without a call from main', async () => {
    const server = await standIn();
    const first = await core();
    const profile = await first.addProfile({ baseUrl: server.baseUrl });
    await first.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    const gets = () =>
      server.requests.filter((request) => request.method === 'GET' && request.path.endsWith('/rest/auth/1/session'))
        .length;
    const before = gets();
    const second = await first.restart();
    adopt(second);
    await vi.waitFor(async () => expect((await second.core.invoke('sessions:list'))[0]?.status).toBe('signed-in'));
    expect(gets() - before).toBe(1);
  });

  it('drops a seal that cannot be opened and shows the profile signed out', async () => {
    const server = await standIn();
    const first = await core();
    const profile = await first.addProfile({ baseUrl: server.baseUrl });
    await first.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    const second = await first.restart({ cipher: createTestCipher('os-keychain') });
    adopt(second);
    const [state] = await second.core.invoke('sessions:list');
    expect(state?.status).toBe('signed-out');
    expect(await savedText(second)).not.toMatch(/"cookies"/);
    expect(second.logs.some((line) => line.message.includes('could not be opened'))).toBe(true);
  });

  it('persists nothing secret with a weak keychain unless the user opts in', async () => {
    const server = await standIn();
    const h = await core({ cipher: createTestCipher('weak') });
    expect((await h.core.invoke('app:info')).secretStorage).toBe('weak');
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    const state = await h.core.invoke('session:login', profile.id, {
      username: 'admin',
      password: 'admin',
      rememberPassword: true,
    });
    expect(state.status).toBe('signed-in');
    expect(state.persisted).toBe(false);
    expect(h.cipher.sealed).toBe(0);
    expect(await savedText(h)).not.toMatch(/"secrets":\{"/);

    await h.core.invoke('settings:update', { persistSecretsWithoutKeychain: true });
    expect(h.cipher.sealed).toBe(2);
    expect((await h.core.invoke('sessions:list'))[0]?.persisted).toBe(true);
    await h.core.invoke('settings:update', { persistSecretsWithoutKeychain: false });
    // Keys only: a profile's "signInMethod": "password" is no secret.
    expect(await savedText(h)).not.toMatch(/"(cookies|password)"\s*:/);
  });

  it('never writes a password or cookie value into the store, a log line or an error', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred' });
    const wrong = 'correct-horse-battery-staple';
    const signedIn = await h.core.invoke('session:login', profile.id, {
      username: 'fred',
      password: 'fred123',
      rememberPassword: true,
    });
    const failed = await h.core.invoke('session:login', profile.id, { username: 'fred', password: wrong });
    server.injectFault({ kind: 'html' });
    const htmlFailure = await h.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123' });
    const sessionIds = server.requests.flatMap((request) => request.cookie?.match(/JSESSIONID=([0-9A-F]+)/)?.[1] ?? []);
    const xsrf = server.requests.flatMap(
      (request) => request.cookie?.match(/atlassian\.xsrf\.token=([^;]+)/)?.[1] ?? [],
    );
    expect(sessionIds.length).toBeGreaterThan(0);
    expect(xsrf.length).toBeGreaterThan(0);
    const everything = JSON.stringify([
      h.logs,
      signedIn,
      failed,
      htmlFailure,
      await h.core.invoke('sessions:list'),
      await savedText(h),
    ]);
    for (const secret of ['fred123', wrong, ...sessionIds, ...xsrf]) expect(everything).not.toContain(secret);
    expect(h.logs.length).toBeGreaterThan(3);
    // A failed attempt keeps the session the profile already had.
    expect(failed.status).toBe('signed-in');
    expect(failed.error?.kind).toBe('bad-credentials');
    expect(htmlFailure.error?.kind).toBe('unexpected-response');
    expect((await h.core.invoke('session:refresh', profile.id)).status).toBe('signed-in');
  });
});

describe('createAppCore profiles and input', () => {
  it('validates and normalises a profile, keeping the context path', async () => {
    const h = await core();
    const profile = await h.addProfile({ baseUrl: ' jira.example.com/jira/secure/Dashboard.jspa ' });
    expect(profile.baseUrl).toBe('https://jira.example.com/jira');
    expect(profile.pollIntervalSeconds).toBe(300);
    const error = await rejection(h.addProfile({ baseUrl: 'ftp://jira.example.com' }));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/http/);
    expect(error.field).toBe('baseUrl');
    expect(await h.core.invoke('profiles:list')).toHaveLength(1);
  });

  it('refuses malformed arguments with invalid-input and unknown profiles with not-found', async () => {
    const h = await core();
    const call = h.core.invoke as (channel: string, ...args: unknown[]) => Promise<unknown>;
    const missing = await rejection(call('session:login', 'x', { username: 'a' }));
    expect(missing).toMatchObject({ kind: 'invalid-input', field: 'password' });
    expect((await rejection(call('session:login', 42, { username: 'a', password: 'b' }))).kind).toBe('invalid-input');
    expect((await rejection(call('no:such-channel'))).kind).toBe('invalid-input');
    expect((await rejection(h.core.invoke('session:refresh', 'missing'))).kind).toBe('not-found');
  });

  it('tests a connection before saving, with a warning when Jira reports another base URL', async () => {
    const server = await standIn();
    const h = await core();
    const result = await h.core.invoke('profiles:testConnection', {
      label: 'x',
      baseUrl: server.baseUrl.replace('127.0.0.1', 'localhost'),
      username: 'admin',
      environment: 'test',
    });
    expect(result.serverInfo.serverTitle).toBe('Jira Stand-in');
    expect(result.sessionUrl).toMatch(/\/rest\/auth\/1\/session$/);
    expect(result.warnings[0]).toMatch(/reports its base URL/);
  });

  it('uses a profile CA for that profile only', async () => {
    const server = await standIn({ https: true });
    const h = await core();
    const trusting = await h.addProfile({ baseUrl: server.baseUrl, caCertificate: server.caPem });
    const strict = await h.addProfile({ baseUrl: server.baseUrl });
    expect((await h.core.invoke('session:login', trusting.id, { username: 'admin', password: 'admin' })).status).toBe(
      'signed-in',
    );
    const refused = await h.core.invoke('session:login', strict.id, { username: 'admin', password: 'admin' });
    expect(refused.error?.kind).toBe('tls-untrusted');
    expect(refused.error?.certificate?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('removing a profile signs it out on the server first', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    await h.core.invoke('profiles:remove', profile.id);
    expect(server.activeSessionCount()).toBe(0);
    expect(await h.core.invoke('profiles:list')).toEqual([]);
    expect(await h.core.invoke('sessions:list')).toEqual([]);
    expect(await savedText(h)).not.toMatch(/"secrets":\{"/);
  });

  it('carries on with an empty list when the store file is corrupted, keeping it as a backup', async () => {
    const first = await core();
    await first.addProfile({ baseUrl: 'https://jira.example.com' });
    await first.dispose();
    const file = join(first.dataDir, `${STORE_FILE_NAME}.json`);
    writeFileSync(file, '{"schemaVersion":1,"profiles":[{"id":');
    const second = await core({}, first.dataDir);
    const info = await second.core.invoke('app:info');
    expect(info.storeProblem?.message).toMatch(/could not be read/);
    expect(readFileSync(info.storeProblem!.backupPath, 'utf8')).toBe('{"schemaVersion":1,"profiles":[{"id":');
    expect(await second.core.invoke('profiles:list')).toEqual([]);
    await second.addProfile({ baseUrl: 'https://other.example.com' });
    expect(await second.core.invoke('profiles:list')).toHaveLength(1);
  });
});
