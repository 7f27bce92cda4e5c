// Secrets follow a profile only along the route they were given for, every write of them is queued with the
// profile's other actions, the store stays small, and nothing unexpected is swallowed silently.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RouteChange } from '../../electron/core/ports';
import { STORE_FILE_NAME } from '../../electron/core/store/document-store';
import { MAX_PROFILES } from '../../electron/shared/limits';
import { savedText } from '../support/core-harness';
import { testResources } from '../support/test-resources';

const { standIn, core, proxy: startProxy, adopt, closeAll } = testResources();

afterEach(closeAll);

const storeFile = (dataDir: string) => join(dataDir, `${STORE_FILE_NAME}.json`);

async function rejection(promise: Promise<unknown>): Promise<{ kind: string; message: string; field?: string }> {
  const caught = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: { info: { kind: string; message: string; field?: string } }) => error,
  );
  return caught.info;
}

const ADMIN = { username: 'admin', password: 'admin', rememberPassword: true };

describe('a saved proxy password belongs to its proxy', () => {
  it('is not sent to a new proxy URL by "Test connection" or after "Save"', async () => {
    const server = await standIn();
    const credentials = { username: 'p', password: 'proxy-secret' };
    const [first, second] = await Promise.all([startProxy(credentials), startProxy(credentials)]);
    const h = await core();
    const base = { baseUrl: server.baseUrl, proxyUsername: 'p' };
    const profile = await h.addProfile({ ...base, proxyUrl: first.url, proxyPassword: 'proxy-secret' });
    const input = { ...base, id: profile.id, label: profile.label, username: 'admin', environment: 'test' as const };

    // The same proxy with the field left empty uses the saved password.
    const same = await h.core.invoke('profiles:testConnection', { ...input, proxyUrl: first.url });
    expect(same.serverInfo.version).toBe('10.3.4');
    const other = await rejection(h.core.invoke('profiles:testConnection', { ...input, proxyUrl: second.url }));
    expect(other.kind).toBe('proxy-auth-required');
    expect(second.seen.every((entry) => !entry.allowed)).toBe(true);

    await h.core.invoke('profiles:save', { ...input, proxyUrl: second.url });
    expect(await savedText(h)).not.toMatch(/"proxyPassword":/);
    const afterSave = await rejection(h.core.invoke('profiles:testConnection', { ...input, proxyUrl: second.url }));
    expect(afterSave.kind).toBe('proxy-auth-required');
  });
});

describe('a change of route or trust is a change of server', () => {
  async function signedInThroughNothing(confirm?: (change: RouteChange) => Promise<boolean>) {
    const server = await standIn();
    const proxy = await startProxy();
    const h = await core(confirm ? { confirmKeepSecrets: confirm } : {});
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    expect((await h.core.invoke('session:login', profile.id, ADMIN)).passwordRemembered).toBe(true);
    const input = { id: profile.id, label: profile.label, baseUrl: server.baseUrl, username: 'admin' };
    return { server, proxy, h, profile, input: { ...input, environment: 'test' as const } };
  }

  it('drops the cookies and remembered password when a new proxy is saved without a confirmation', async () => {
    const { proxy, h, profile, input } = await signedInThroughNothing();
    await h.core.invoke('profiles:save', { ...input, proxyUrl: proxy.url });
    const [state] = await h.core.invoke('sessions:list');
    expect(state).toMatchObject({ profileId: profile.id, status: 'signed-out', passwordRemembered: false });
    expect(state?.cookieNames).toEqual([]);
    expect(state?.signedOutReason).toMatch(/proxy changed/);
    expect(await savedText(h)).not.toMatch(/"cookies":|"password":/);
    await h.core.invoke('session:refresh', profile.id);
    expect(proxy.seen).toEqual([]);
  });

  it('drops them when the person says no, keeps them when the person says yes', async () => {
    const answers = [false, true];
    const asked: RouteChange[] = [];
    const { proxy, h, profile, input } = await signedInThroughNothing(async (change) => {
      asked.push(change);
      return answers.shift() ?? false;
    });
    await h.core.invoke('profiles:save', { ...input, proxyUrl: proxy.url });
    expect((await h.core.invoke('sessions:list'))[0]?.status).toBe('signed-out');
    await h.core.invoke('session:login', profile.id, ADMIN);
    await h.core.invoke('profiles:save', { ...input });
    expect(asked.map((change) => change.parts)).toEqual([['proxy'], ['proxy']]);
    expect(asked[0]).toMatchObject({ profileId: profile.id, label: profile.label });
    const kept = await h.core.invoke('session:refresh', profile.id);
    expect(kept).toMatchObject({ status: 'signed-in', passwordRemembered: true });
  });

  it('treats a new extra CA certificate the same way', async () => {
    const server = await standIn({ https: true });
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, caCertificate: server.caPem });
    await h.core.invoke('session:login', profile.id, ADMIN);
    await h.core.invoke('profiles:save', {
      id: profile.id,
      label: profile.label,
      baseUrl: server.baseUrl,
      username: 'admin',
      environment: 'test',
      pinnedCertificatePem: server.certificatePem,
    });
    const [state] = await h.core.invoke('sessions:list');
    expect(state).toMatchObject({ status: 'signed-out', passwordRemembered: false });
    expect(state?.signedOutReason).toMatch(/extra CA certificate and pinned certificate changed/);
  });

  it('sends no cookie after the base URL moves to the same host on another port', async () => {
    const [first, second] = await Promise.all([standIn(), standIn()]);
    const h = await core();
    const profile = await h.addProfile({ baseUrl: first.baseUrl });
    await h.core.invoke('session:login', profile.id, ADMIN);
    const input = { id: profile.id, label: profile.label, username: 'admin', environment: 'test' as const };
    await h.core.invoke('profiles:save', { ...input, baseUrl: second.baseUrl });
    await h.core.invoke('session:refresh', profile.id);
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    // Cookies ignore ports (RFC 6265): only dropping the jar keeps the old server's session from the new one.
    expect(second.requests[0]).toMatchObject({ method: 'POST', cookie: undefined });
  });

  it('drops the remembered password when the server (address or user) changes', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    await h.core.invoke('session:login', profile.id, ADMIN);
    const input = { id: profile.id, label: profile.label, baseUrl: server.baseUrl, environment: 'test' as const };
    await h.core.invoke('profiles:save', { ...input, username: 'fred' });
    expect((await h.core.invoke('sessions:list'))[0]?.passwordRemembered).toBe(false);
    expect(await savedText(h)).not.toMatch(/"password":/);
  });

  it('removes the sealed secrets with the profile', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    await h.core.invoke('session:login', profile.id, ADMIN);
    expect(await savedText(h)).toMatch(/"password":/);
    await h.core.invoke('profiles:remove', profile.id);
    expect(await savedText(h)).not.toContain(profile.id);
    expect(await savedText(h)).not.toMatch(/"password":/);
  });
});

describe('every write of secrets waits its turn', () => {
  it('"Forget password" during a sign-in that remembers it stays forgotten', async () => {
    const server = await standIn({ latencyMs: 150 });
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    const signIn = h.core.invoke('session:login', profile.id, ADMIN);
    await vi.waitFor(() => expect(server.requests.length).toBeGreaterThan(0));
    const forgotten = await h.core.invoke('session:forgetPassword', profile.id);
    expect((await signIn).status).toBe('signed-in');
    expect(forgotten.passwordRemembered).toBe(false);
    expect((await h.core.invoke('sessions:list'))[0]?.passwordRemembered).toBe(false);
    expect(await savedText(h)).not.toMatch(/"password":/);
  });
});

describe('size limits', () => {
  it('refuses an oversized base URL, label or PEM with invalid-input naming the field', async () => {
    const h = await core();
    const base = { baseUrl: 'https://jira.example.com' };
    const url = await rejection(
      h.addProfile({ label: 'Long', baseUrl: `https://jira.example.com/${'a'.repeat(2100)}` }),
    );
    expect(url).toMatchObject({ kind: 'invalid-input', field: 'baseUrl' });
    expect(url.message).toMatch(/2 KiB/);
    expect((await h.addProfile({ ...base, label: 'L'.repeat(200) })).label).toHaveLength(200);
    expect(await rejection(h.addProfile({ ...base, label: 'L'.repeat(201) }))).toMatchObject({ field: 'label' });
    const pem = `-----BEGIN CERTIFICATE-----\n${'A'.repeat(65 * 1024)}\n-----END CERTIFICATE-----`;
    expect(await rejection(h.addProfile({ ...base, caCertificate: pem }))).toMatchObject({
      kind: 'invalid-input',
      field: 'caCertificate',
    });
  });

  function writeStore(dataDir: string, profiles: Record<string, unknown>[]): void {
    writeFileSync(storeFile(dataDir), JSON.stringify({ schemaVersion: 1, profiles }));
  }
  const stored = (i: number, extra: Record<string, unknown> = {}) => ({
    id: `p${i}`,
    label: `Server ${i}`,
    baseUrl: `https://jira${i}.example.com`,
    username: 'admin',
    environment: 'test',
    pollIntervalSeconds: 300,
    keepAlive: false,
    ...extra,
  });

  it(`keeps at most ${MAX_PROFILES} profiles`, async () => {
    const first = await core();
    await first.dispose();
    writeStore(
      first.dataDir,
      Array.from({ length: MAX_PROFILES }, (_, i) => stored(i)),
    );
    const h = adopt(await first.restart());
    expect(await h.core.invoke('profiles:list')).toHaveLength(MAX_PROFILES);
    expect(await rejection(h.addProfile({ baseUrl: 'https://one-more.example.com' }))).toMatchObject({
      kind: 'invalid-input',
      field: 'profiles',
    });
  });

  it('refuses a profile that would make the store file too large, naming its largest field', async () => {
    const server = await standIn({ https: true });
    const first = await core();
    await first.dispose();
    writeStore(
      first.dataDir,
      Array.from({ length: 300 }, (_, i) => stored(i, { caCertificate: 'x'.repeat(60_000) })),
    );
    const h = adopt(await first.restart());
    const refused = await rejection(h.addProfile({ baseUrl: server.baseUrl, caCertificate: server.caPem }));
    expect(refused).toMatchObject({ kind: 'invalid-input', field: 'caCertificate' });
    expect(await h.core.invoke('profiles:list')).toHaveLength(300);
  });
});

describe('diagnosable failures', () => {
  it('logs an unexpected error of the start-up check with its name and stack, never its message', async () => {
    const server = await standIn();
    const first = await core();
    const profile = await first.addProfile({ baseUrl: server.baseUrl });
    await first.core.invoke('session:login', profile.id, {
      username: 'admin',
      password: 'admin',
      rememberPassword: true,
    });
    await first.dispose();
    server.expireAllSessions();
    // The start-up check signs in again quietly, and telling the user so fails: a plain Error, not a server's answer.
    const notify = () => {
      throw new TypeError('cannot notify secret-detail-123');
    };
    const h = adopt(await first.restart({ notify }));
    await vi.waitFor(() => expect(h.logs.some((line) => line.level === 'error')).toBe(true));
    const line = h.logs.find((entry) => entry.level === 'error');
    expect(line?.message).toBe('The start-up session check failed unexpectedly');
    expect(line?.fields?.error).toBe('TypeError');
    expect(String(line?.fields?.stack)).toMatch(/^\s+at /);
    expect(JSON.stringify(h.logs)).not.toContain('secret-detail-123');
  });

  it('deletes store backups older than 30 days and keeps newer ones', async () => {
    const first = await core();
    await first.dispose();
    const name = (stamp: string) => `${STORE_FILE_NAME}.unreadable-${stamp}.json`;
    const old = name('2026-10-01T08-00-00-000Z');
    const recent = name('2026-11-20T08-00-00-000Z');
    for (const file of [old, recent, 'notes.json']) writeFileSync(join(first.dataDir, file), '{}');
    adopt(await first.restart({ clock: { now: () => Date.parse('2026-12-02T12:00:00Z') } }));
    expect(existsSync(join(first.dataDir, old))).toBe(false);
    expect(existsSync(join(first.dataDir, recent))).toBe(true);
    expect(existsSync(join(first.dataDir, 'notes.json'))).toBe(true);
  });
});
