// The fault suite: one scenario per way the real world breaks a session, each against real stand-ins over
// real HTTP(S), each asserting what the user sees and that nothing saved was lost. It ends with the line
// `faults: <N> scenarios, <N> passed, 0 data lost`.
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { summarizePem } from '../../electron/core/jira/certificates';
import { STORE_FILE_NAME } from '../../electron/core/store/document-store';
import type { ServerProfile, SessionState } from '../../electron/shared/model';
import type { CoreHarness } from '../support/core-harness';
import type { StandInOptions } from '../support/jira-stand-in';
import { connectionsClosed, testResources } from '../support/test-resources';

const { standIn, core, proxy: startProxy, closeAll } = testResources();
const outcomes: { name: string; passed: boolean; dataLost: boolean }[] = [];

/** A core with one signed-in profile on a fresh stand-in. */
async function signedIn(options: StandInOptions = {}, timeoutMs = 3000) {
  const server = await standIn(options);
  const h = await core({ http: { timeoutMs } });
  const profile = await h.addProfile({
    baseUrl: server.baseUrl,
    label: 'Production Jira',
    environment: 'production',
    ...(options.https ? { caCertificate: server.caPem } : {}),
  });
  const state = await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
  expect(state.status).toBe('signed-in');
  return { server, h, profile };
}

/** Nothing saved is lost: the profiles read back from disk by a fresh core are exactly the ones saved. */
async function savedProfilesIntact(h: CoreHarness, expected: ServerProfile[]): Promise<boolean> {
  const fresh = await core({ cipher: h.cipher }, h.dataDir);
  const onDisk = await fresh.core.invoke('profiles:list');
  return isDeepStrictEqual(onDisk, expected);
}

/** Runs one scenario and records its outcome for the summary line. */
function scenario(name: string, run: () => Promise<{ h: CoreHarness; profiles: ServerProfile[] }>) {
  it(name, async () => {
    let passed = false;
    let dataLost = false;
    try {
      const { h, profiles } = await run();
      dataLost = !(await savedProfilesIntact(h, profiles));
      expect(dataLost).toBe(false);
      passed = true;
    } finally {
      outcomes.push({ name, passed, dataLost });
    }
  });
}

function storeFile(h: CoreHarness): string {
  return join(h.dataDir, `${STORE_FILE_NAME}.json`);
}

afterEach(closeAll);

afterAll(() => {
  const passed = outcomes.filter((outcome) => outcome.passed).length;
  const lost = outcomes.filter((outcome) => outcome.dataLost).length;
  console.log(`faults: ${outcomes.length} scenarios, ${passed} passed, ${lost} data lost`);
});

describe('fault suite', () => {
  scenario('server killed mid-request: the session shows an error, never "signed in", and is kept', async () => {
    const { server, h, profile } = await signedIn();
    server.setOptions({ latencyMs: 400 });
    const pending = h.core.invoke('session:refresh', profile.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.close();
    const state = await pending;
    expect(state.status).toBe('error');
    expect(state.error?.kind).toBe('unreachable');
    expect(state.persisted).toBe(true);
    return { h, profiles: [profile] };
  });

  scenario('server restarted: sessions are gone, the profile shows expired', async () => {
    const { server, h, profile } = await signedIn();
    server.expireAllSessions();
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.status).toBe('expired');
    expect(state.error?.kind).toBe('session-expired');
    expect(state.user?.name).toBe('admin');
    return { h, profiles: [profile] };
  });

  scenario('idle timeout: the next check shows expired', async () => {
    const { h, profile } = await signedIn({ idleTimeoutMs: 150 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await h.core.invoke('session:refresh', profile.id)).status).toBe('expired');
    return { h, profiles: [profile] };
  });

  scenario('slow server beyond the timeout: a timeout error, the session is kept for the next check', async () => {
    const { server, h, profile } = await signedIn({}, 300);
    server.setOptions({ latencyMs: 1000 });
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.status).toBe('error');
    expect(state.error?.kind).toBe('timeout');
    server.setOptions({ latencyMs: 0 });
    expect((await h.core.invoke('session:refresh', profile.id)).status).toBe('signed-in');
    return { h, profiles: [profile] };
  });

  scenario('connection reset: unreachable, and the next check recovers', async () => {
    const { server, h, profile } = await signedIn();
    // As for a check minutes after the sign-in, the kept-alive connection is gone: the reset hits a new one.
    await connectionsClosed(server);
    server.injectFault({ kind: 'reset' });
    expect((await h.core.invoke('session:refresh', profile.id)).error?.kind).toBe('unreachable');
    expect((await h.core.invoke('session:refresh', profile.id)).status).toBe('signed-in');
    return { h, profiles: [profile] };
  });

  scenario('truncated body: an error, never a half-read success', async () => {
    const { server, h, profile } = await signedIn();
    server.injectFault({ kind: 'truncate' });
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.status).toBe('error');
    expect(['unreachable', 'unexpected-response']).toContain(state.error?.kind);
    return { h, profiles: [profile] };
  });

  scenario('oversized body: refused with the size limit named', async () => {
    const { server, h, profile } = await signedIn();
    server.injectFault({ kind: 'oversize', bytes: 5 * 1024 * 1024 });
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.error?.kind).toBe('unexpected-response');
    expect(state.error?.message).toMatch(/larger than 2 MiB/);
    return { h, profiles: [profile] };
  });

  scenario('HTML login page from an SSO proxy: an error that says so, not "signed in"', async () => {
    const { server, h, profile } = await signedIn();
    server.injectFault({ kind: 'html' });
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.status).toBe('error');
    expect(state.error?.kind).toBe('unexpected-response');
    expect(state.error?.nextStep).toMatch(/single sign-on|proxy/);
    return { h, profiles: [profile] };
  });

  scenario('302 to another host: reported with its target, and no cookie goes there', async () => {
    const { server, h, profile } = await signedIn();
    const elsewhere = await standIn();
    server.injectFault({ kind: 'redirect', location: `${elsewhere.baseUrl}/login.jsp` });
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.error?.kind).toBe('redirected');
    expect(state.error?.location).toBe(`${elsewhere.baseUrl}/login.jsp`);
    expect(elsewhere.requests).toHaveLength(0);
    return { h, profiles: [profile] };
  });

  scenario('429 storm: the wait is shown and honoured, nothing is sent until it has passed', async () => {
    const { server, h, profile } = await signedIn();
    server.injectFault(
      {
        kind: 'status',
        status: 429,
        body: '{"message":"Rate limit exceeded."}',
        contentType: 'application/json',
        headers: { 'Retry-After': '30' },
      },
      { times: 100 },
    );
    const before = server.requests.length;
    const states: SessionState[] = [];
    for (let i = 0; i < 20; i++) states.push(await h.core.invoke('session:refresh', profile.id));
    expect(server.requests.length - before).toBe(1);
    expect(states.every((state) => state.error?.kind === 'rate-limited')).toBe(true);
    expect(states[0]!.error?.retryAfterSeconds).toBe(30);
    expect(states[19]!.error?.retryAfterSeconds).toBeLessThanOrEqual(30);
    return { h, profiles: [profile] };
  });

  scenario('CAPTCHA after repeated failures with a remembered password: exactly one automatic attempt', async () => {
    const server = await standIn({ captchaAfterFailures: 2 });
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred' });
    await h.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123', rememberPassword: true });
    // Someone mistypes fred's password in the browser twice; then the session ends.
    for (const attempt of ['a', 'b']) {
      await fetch(`${server.baseUrl}/rest/auth/1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'fred', password: attempt }),
      });
    }
    server.expireAllSessions();
    const posts = () => server.requests.filter((request) => request.method === 'POST').length;
    const before = posts();
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(posts() - before).toBe(1);
    expect(state.status).toBe('expired');
    expect(state.error?.kind).toBe('captcha-required');
    expect(state.error?.loginUrl).toMatch(/login\.jsp$/);
    for (let i = 0; i < 3; i++) await h.core.invoke('sessions:refreshAll');
    await h.core.invoke('session:refresh', profile.id);
    expect(posts() - before).toBe(1);
    return { h, profiles: [profile] };
  });

  scenario('certificate replaced under a pin: refused with both fingerprints, no sign-in is attempted', async () => {
    const server = await standIn({ https: true });
    const pinned = summarizePem(server.certificatePem ?? '');
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, pinnedCertificatePem: server.certificatePem });
    expect(profile.pinnedCertificate?.fingerprint256).toBe(pinned.fingerprint256);
    expect((await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' })).status).toBe(
      'signed-in',
    );
    await server.replaceCertificate();
    // The next check comes after the sign-in's connections were closed, so it meets the new certificate.
    await connectionsClosed(server);
    const posts = server.requests.filter((request) => request.method === 'POST').length;
    const checked = await h.core.invoke('session:refresh', profile.id);
    expect(checked.status).toBe('error');
    expect(checked.error?.kind).toBe('tls-pin-mismatch');
    expect(checked.error?.expectedFingerprint256).toBe(pinned.fingerprint256);
    expect(checked.error?.certificate?.fingerprint256).toBe(summarizePem(server.certificatePem ?? '').fingerprint256);
    const retry = await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    expect(retry.error?.kind).toBe('tls-pin-mismatch');
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(posts);
    return { h, profiles: [profile] };
  });

  scenario('proxy refusing with 407: a clear error; with the sealed credentials it goes through', async () => {
    const server = await standIn({ https: true });
    const proxy = await startProxy({ username: 'proxyuser', password: 'proxy-secret' });
    const h = await core();
    const input = { baseUrl: server.baseUrl, caCertificate: server.caPem, proxyUrl: proxy.url };
    const profile = await h.addProfile(input);
    const refused = await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    expect(refused.error?.kind).toBe('proxy-auth-required');
    expect(proxy.seen.at(-1)).toEqual({ line: `CONNECT ${new URL(server.baseUrl).host}`, allowed: false });
    const saved = await h.core.invoke('profiles:save', {
      ...profile,
      caCertificate: server.caPem,
      proxyUsername: 'proxyuser',
      proxyPassword: 'proxy-secret',
    });
    expect(readFileSync(storeFile(h), 'utf8')).not.toContain('proxy-secret');
    const state = await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    expect(state.status).toBe('signed-in');
    expect(proxy.seen.at(-1)?.allowed).toBe(true);
    return { h, profiles: [saved] };
  });

  scenario('store file corrupted: set aside, kept and reported; the app carries on', async () => {
    const h = await core();
    const profile = await h.addProfile({ baseUrl: 'https://jira.example.com' });
    await h.dispose();
    writeFileSync(storeFile(h), '{"schemaVersion":1,"profiles":[{"id":"x"');
    const after = await core({ cipher: h.cipher }, h.dataDir);
    const info = await after.core.invoke('app:info');
    expect(info.storeProblem?.message).toMatch(/corrupted/);
    const kept = readFileSync(info.storeProblem!.backupPath, 'utf8');
    expect(kept).toBe('{"schemaVersion":1,"profiles":[{"id":"x"');
    expect(profile.id).toBeTruthy();
    return { h: after, profiles: [] };
  });

  scenario('one saved session file corrupted: that session is dropped and says why; the others stay', async () => {
    const server = await standIn();
    const h = await core();
    const broken = await h.addProfile({ baseUrl: server.baseUrl, label: 'Broken session' });
    const intact = await h.addProfile({ baseUrl: server.baseUrl, label: 'Intact session' });
    for (const profile of [broken, intact]) {
      await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    }
    await h.dispose();
    writeFileSync(join(h.dataDir, 'sessions', `${broken.id}.json`), '{"profileId":"' + broken.id + '","secr');
    const after = await core({ cipher: h.cipher }, h.dataDir);
    const states = await after.core.invoke('sessions:list');
    const [dropped, kept] = [broken, intact].map((profile) => states.find((state) => state.profileId === profile.id));
    expect(dropped?.status).toBe('signed-out');
    expect(dropped?.signedOutReason).toMatch(/could not be read, so it was dropped/);
    expect(kept?.cookieNames).toContain('JSESSIONID');
    expect(
      after.logs.some((line) => line.level === 'error' && /session file could not be read/.test(line.message)),
    ).toBe(true);
    await expect(after.core.invoke('session:refresh', intact.id)).resolves.toMatchObject({ status: 'signed-in' });
    return { h: after, profiles: [broken, intact] };
  });

  scenario('store file truncated to nothing: set aside and reported, never silently reset', async () => {
    const h = await core();
    await h.addProfile({ baseUrl: 'https://jira.example.com' });
    await h.dispose();
    writeFileSync(storeFile(h), '');
    const after = await core({ cipher: h.cipher }, h.dataDir);
    const info = await after.core.invoke('app:info');
    expect(info.storeProblem?.backupPath).toMatch(/unreadable/);
    expect(readFileSync(info.storeProblem!.backupPath, 'utf8')).toBe('');
    return { h: after, profiles: [] };
  });

  scenario('store file written by a newer version: kept untouched and reported', async () => {
    const h = await core();
    await h.dispose();
    const newer = JSON.stringify({ schemaVersion: 99, profiles: [{ id: 'future' }] });
    writeFileSync(storeFile(h), newer);
    const after = await core({ cipher: h.cipher }, h.dataDir);
    const info = await after.core.invoke('app:info');
    expect(info.storeProblem?.message).toMatch(/newer version/);
    expect(readFileSync(info.storeProblem!.backupPath, 'utf8')).toBe(newer);
    return { h: after, profiles: [] };
  });

  scenario('crash mid-write: a process killed while writing leaves the previous good file', async () => {
    const h = await core();
    const profile = await h.addProfile({ baseUrl: 'https://jira.example.com', label: 'Kept' });
    await h.dispose();
    const writer = fork(join(import.meta.dirname, 'store-writer.ts'), [h.dataDir], {
      execArgv: ['--import', 'tsx'],
      stdio: 'ignore',
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    writer.kill('SIGKILL');
    await new Promise((resolve) => writer.once('exit', resolve));
    const document = JSON.parse(readFileSync(storeFile(h), 'utf8')) as { profiles: { label: string }[] };
    expect(document.profiles[0]?.label).toBe('Kept');
    return {
      h,
      profiles: [(await (await core({ cipher: h.cipher }, h.dataDir)).core.invoke('profiles:list'))[0] ?? profile],
    };
  });

  scenario('50 concurrent sign-ins and sign-outs across 10 profiles: no lost or mixed-up state', async () => {
    const users = [
      { username: 'admin', password: 'admin' },
      { username: 'fred', password: 'fred123' },
    ];
    const pool = await Promise.all([standIn(), standIn({ cluster: true }), standIn({ contextPath: '/jira' })]);
    const h = await core();
    const profiles: ServerProfile[] = [];
    for (let i = 0; i < 10; i++) {
      const user = users[i % 2]!;
      profiles.push(await h.addProfile({ baseUrl: pool[i % 3]!.baseUrl, label: `P${i}`, username: user.username }));
    }
    const last = new Map<string, 'in' | 'out'>();
    const operations = Array.from({ length: 50 }, (_, n) => {
      const index = (n * 7) % 10;
      const profile = profiles[index]!;
      const user = users[index % 2]!;
      const action = n % 3 === 2 ? 'out' : 'in';
      last.set(profile.id, action);
      return action === 'in'
        ? h.core.invoke('session:login', profile.id, user)
        : h.core.invoke('session:logout', profile.id);
    });
    await Promise.all(operations);
    const states = await h.core.invoke('sessions:refreshAll');
    for (const [i, profile] of profiles.entries()) {
      const state = states.find((candidate) => candidate.profileId === profile.id)!;
      const expected = last.get(profile.id);
      expect(state.status).toBe(expected === 'in' ? 'signed-in' : 'signed-out');
      if (expected === 'in') expect(state.user?.name).toBe(users[i % 2]!.username);
    }
    const liveSessions = pool.reduce((sum, server) => sum + server.activeSessionCount(), 0);
    expect(liveSessions).toBe([...last.values()].filter((action) => action === 'in').length);
    return { h, profiles };
  });
});
