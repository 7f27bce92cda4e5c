// The administrator's policy through a real core, read from a temporary policy file: locked servers merged into the
// list and refusing changes, a bad file reported and ignored, remembered passwords forgotten (a real sign-in to the
// stand-in first), the check-interval floor and the keychain requirement.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppErrorInfo } from '../../../electron/shared/model';
import { EXPORT_FORMAT } from '../../../electron/shared/transfer';
import { createTestCipher } from '../../support/test-cipher';
import { testResources } from '../../support/test-resources';

const { standIn, core, adopt, closeAll } = testResources();
const policyDirs: string[] = [];

afterEach(async () => {
  await closeAll();
  for (const dir of policyDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function policyFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'jsm-policy-'));
  policyDirs.push(dir);
  const file = join(dir, 'policy.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

async function refusal(run: Promise<unknown>): Promise<AppErrorInfo> {
  return run.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => (error as { info: AppErrorInfo }).info,
  );
}

const TEAM_SERVER = {
  label: 'Jira Production',
  baseUrl: 'https://jira.acme.com/secure/Dashboard.jspa',
  username: 'admin.fred',
  environment: 'production',
  signInMethod: 'web',
  group: 'EU',
};

describe('locked servers', () => {
  it('appear in the list with a stable id, locked, and refuse edits and removal with managed-by-policy', async () => {
    const file = policyFile({
      version: 1,
      servers: [
        TEAM_SERVER,
        { id: 'staging', ...TEAM_SERVER, baseUrl: 'https://staging.acme.com', environment: 'staging' },
      ],
    });
    const h = await core({ policyFile: file });
    const own = await h.addProfile({ baseUrl: 'https://own.acme.com' });
    const listed = await h.core.invoke('profiles:list');
    expect(listed.map((profile) => [profile.label, profile.baseUrl, profile.locked, profile.group])).toEqual([
      ['Jira Production', 'https://jira.acme.com', true, 'EU'],
      ['Jira Production', 'https://staging.acme.com', true, 'EU'],
      [own.label, 'https://own.acme.com', undefined, undefined],
    ]);
    const [production, staging] = listed;
    expect(production?.id).toMatch(/^policy-[0-9a-f]{16}$/);
    expect(staging?.id).toBe('policy-staging');
    expect(production).toMatchObject({ signInMethod: 'web', environment: 'production', pollIntervalSeconds: 300 });

    const edit = await refusal(h.core.invoke('profiles:save', { ...production!, label: 'Mine now' }));
    expect(edit).toMatchObject({ kind: 'managed-by-policy', message: expect.stringMatching(/administrator/) });
    expect((await refusal(h.core.invoke('profiles:remove', production!.id))).kind).toBe('managed-by-policy');
    // The person still arranges their own list around them.
    await h.core.invoke('profiles:arrange', [production!.id], { favourite: true, group: 'Mine' });

    const again = adopt(await h.restart());
    const after = await again.core.invoke('profiles:list');
    expect(after.map((profile) => profile.id)).toEqual(listed.map((profile) => profile.id));
    expect(after[0]).toMatchObject({ label: 'Jira Production', locked: true, favourite: true, group: 'Mine' });
    expect(await again.core.invoke('policy:get')).toEqual({
      path: file,
      status: 'applied',
      forbidRememberedPasswords: false,
      requireKeychain: false,
    });
  });

  it("are not overwritten by an import, and one the policy drops stays as the person's own", async () => {
    const file = policyFile({ version: 1, servers: [TEAM_SERVER] });
    const h = await core({ policyFile: file });
    const [locked] = await h.core.invoke('profiles:list');
    const text = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 2,
      servers: [{ label: 'Renamed', baseUrl: 'https://jira.acme.com', username: 'admin.fred', environment: 'test' }],
    });
    const report = await h.core.invoke('profiles:import', text, { apply: true });
    expect(report.entries).toEqual([
      expect.objectContaining({
        status: 'duplicate',
        profileId: locked!.id,
        reason: expect.stringMatching(/administrator/),
      }),
    ]);
    expect((await h.core.invoke('profiles:list'))[0]).toMatchObject({
      label: 'Jira Production',
      environment: 'production',
    });

    writeFileSync(file, JSON.stringify({ version: 1, servers: [] }));
    const later = adopt(await h.restart());
    const [kept] = await later.core.invoke('profiles:list');
    expect(kept).toMatchObject({ id: locked!.id, label: 'Jira Production' });
    expect(kept).not.toHaveProperty('locked');
    await later.core.invoke('profiles:remove', locked!.id);
    expect(await later.core.invoke('profiles:list')).toEqual([]);
  });
});

describe('a bad policy file', () => {
  it.each([
    ['invalid JSON', '{ "version": 1, ', /is not valid JSON/],
    [
      'a misspelt field',
      { version: 1, forbidRememberedPassword: true },
      /the file: Unrecognized key.*forbidRememberedPassword/,
    ],
    [
      'a server without an environment',
      { version: 1, servers: [{ label: 'X', baseUrl: 'https://x.acme.com' }] },
      /servers\[0\]\.environment: /,
    ],
    ['an unknown version', { version: 2 }, /version: /],
    [
      'the same server twice',
      { version: 1, servers: [TEAM_SERVER, { ...TEAM_SERVER, label: 'Again' }] },
      /servers\[1\]: the same server as servers\[0\]/,
    ],
  ])('with %s is reported, naming the file and the first problem, and ignored', async (_name, content, problem) => {
    const file = policyFile(content);
    const h = await core({ policyFile: file });
    const info = await h.core.invoke('policy:get');
    expect(info).toMatchObject({ status: 'invalid', path: file, forbidRememberedPasswords: false });
    expect(info.problem).toContain(`The policy file ${file} is ignored: `);
    expect(info.problem).toMatch(problem);
    expect(h.logs).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'The policy file is not valid and was ignored' }),
    );
    expect(await h.core.invoke('profiles:list')).toEqual([]);
    await h.addProfile({ baseUrl: 'https://own.acme.com' });
    expect(await h.core.invoke('profiles:list')).toHaveLength(1);
  });

  it('that cannot be read (a folder) is reported too; no file at all is no policy', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'jsm-policy-'));
    policyDirs.push(folder);
    const h = await core({ policyFile: folder });
    expect((await h.core.invoke('policy:get')).problem).toMatch(/cannot be read \(EISDIR\)/);
    const none = await core({ policyFile: join(folder, 'policy.json') });
    expect(await none.core.invoke('policy:get')).toEqual({
      path: join(folder, 'policy.json'),
      status: 'none',
      forbidRememberedPasswords: false,
      requireKeychain: false,
    });
  });
});

describe('forbidden remembered passwords', () => {
  it('forgets the ones saved at start (logged without the secret) and refuses to remember a new one', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred' });
    await h.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123', rememberPassword: true });
    expect((await h.core.invoke('sessions:list'))[0]?.passwordRemembered).toBe(true);

    const file = policyFile({ version: 1, forbidRememberedPasswords: true });
    const after = adopt(await h.restart({ policyFile: file }));
    const [state] = await after.core.invoke('sessions:list');
    expect(state?.passwordRemembered).toBe(false);
    expect(after.logs).toContainEqual({
      level: 'info',
      message: 'A remembered password was forgotten: the policy does not allow them',
      fields: { profileId: profile.id },
    });
    expect(JSON.stringify(after.logs)).not.toContain('fred123');

    const refused = await refusal(
      after.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123', rememberPassword: true }),
    );
    expect(refused).toMatchObject({ kind: 'managed-by-policy', field: 'rememberPassword' });
    const signedIn = await after.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123' });
    expect(signedIn).toMatchObject({ status: 'signed-in', passwordRemembered: false });
    expect(await after.core.invoke('policy:get')).toMatchObject({ status: 'applied', forbidRememberedPasswords: true });
    // Forgotten on disk too, not only hidden: without the policy it does not come back.
    const free = adopt(await after.restart({ policyFile: undefined }));
    expect((await free.core.invoke('sessions:list'))[0]?.passwordRemembered).toBe(false);
  });
});

describe('the minimum check interval', () => {
  it('raises shorter intervals (saved, default, new, imported and in Settings) to the floor', async () => {
    const h = await core();
    const quick = await h.addProfile({ baseUrl: 'https://quick.acme.com', pollIntervalSeconds: 60 });
    const slow = await h.addProfile({ baseUrl: 'https://slow.acme.com', pollIntervalSeconds: 3600 });
    await h.core.invoke('settings:update', { defaultPollIntervalSeconds: 120 });

    const after = adopt(await h.restart({ policyFile: policyFile({ version: 1, minimumCheckIntervalMinutes: 15 }) }));
    const intervals = async () => (await after.core.invoke('profiles:list')).map((p) => [p.id, p.pollIntervalSeconds]);
    expect(await intervals()).toEqual([
      [quick.id, 900],
      [slow.id, 3600],
    ]);
    expect((await after.core.invoke('settings:get')).defaultPollIntervalSeconds).toBe(900);
    expect((await after.core.invoke('policy:get')).minimumCheckIntervalSeconds).toBe(900);

    const added = await after.addProfile({ baseUrl: 'https://new.acme.com', pollIntervalSeconds: 30 });
    expect(added.pollIntervalSeconds).toBe(900);
    expect(
      (await after.core.invoke('settings:update', { defaultPollIntervalSeconds: 60 })).defaultPollIntervalSeconds,
    ).toBe(900);
    const csv = 'label,url,username,environment\nImported,https://imported.acme.com,fred,test\n';
    await after.core.invoke('profiles:import', csv, { apply: true });
    expect((await intervals()).at(-1)?.[1]).toBe(900);
  });
});

describe('a required keychain', () => {
  it('turns off and refuses the opt-in to keep secrets without one, and wipes what it sealed', async () => {
    const server = await standIn();
    const cipher = createTestCipher('weak');
    const h = await core({ cipher });
    await h.core.invoke('settings:update', { persistSecretsWithoutKeychain: true });
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred' });
    await h.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123' });
    expect((await h.core.invoke('sessions:list'))[0]?.persisted).toBe(true);

    const after = adopt(await h.restart({ policyFile: policyFile({ version: 1, requireKeychain: true }) }));
    expect((await after.core.invoke('settings:get')).persistSecretsWithoutKeychain).toBe(false);
    const [state] = await after.core.invoke('sessions:list');
    expect(state).toMatchObject({ status: 'signed-out', persisted: false });
    const refused = await refusal(after.core.invoke('settings:update', { persistSecretsWithoutKeychain: true }));
    expect(refused.kind).toBe('managed-by-policy');
    expect(refused.message).toMatch(/requires the system keychain/);
    // Signing in still works: the session is kept in memory only, never on disk without the keychain.
    const signedIn = await after.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123' });
    expect(signedIn).toMatchObject({ status: 'signed-in', persisted: false });
    // What the opt-in had sealed is gone from disk: without the policy, nothing comes back.
    const free = adopt(await after.restart({ policyFile: undefined }));
    expect((await free.core.invoke('sessions:list'))[0]).toMatchObject({ status: 'signed-out', persisted: false });
  });
});
