// Export and import of the server list through a real core on a real store file: the document has no secret, a
// preview changes nothing, a second import adds nothing twice, and a malformed file is refused whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../../electron/core/store/document-store';
import type { AppErrorInfo } from '../../../electron/shared/model';
import { EXPORT_FORMAT, type ExportDocument } from '../../../electron/shared/transfer';
import { removeTemporaryDirs, startCore, type CoreHarness } from '../../support/core-harness';

const harnesses: CoreHarness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((harness) => harness.dispose()));
  removeTemporaryDirs();
});

async function core(): Promise<CoreHarness> {
  const harness = await startCore();
  harnesses.push(harness);
  return harness;
}

async function refusal(run: Promise<unknown>): Promise<AppErrorInfo> {
  return run.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => (error as { info: AppErrorInfo }).info,
  );
}

const PROXY_PASSWORD = 'proxy-secret-7731';

async function teamList(harness: CoreHarness) {
  const production = await harness.addProfile({
    label: 'Jira Production',
    baseUrl: 'https://jira.acme.com',
    username: 'admin.fred',
    environment: 'production',
    proxyUrl: 'http://proxy.acme.com:3128',
    proxyUsername: 'fred',
    proxyPassword: PROXY_PASSWORD,
  });
  const staging = await harness.addProfile({
    label: 'Jira Staging',
    baseUrl: 'https://staging.acme.com/jira',
    username: 'admin.fred',
    environment: 'staging',
    pollIntervalSeconds: 600,
    keepAlive: true,
  });
  return { production, staging };
}

describe('profiles:export', () => {
  it('writes the versioned document with every server and no secret', async () => {
    const harness = await core();
    await teamList(harness);
    const text = await harness.core.invoke('profiles:export');
    const document = JSON.parse(text) as ExportDocument;
    expect(document.format).toBe(EXPORT_FORMAT);
    expect(document.schemaVersion).toBe(2);
    expect(Date.parse(document.exportedAt)).not.toBeNaN();
    expect(document.servers).toEqual([
      {
        label: 'Jira Production',
        baseUrl: 'https://jira.acme.com',
        username: 'admin.fred',
        environment: 'production',
        signInMethod: 'password',
        pollIntervalSeconds: 300,
        keepAlive: false,
        proxyUrl: 'http://proxy.acme.com:3128',
        proxyUsername: 'fred',
      },
      {
        label: 'Jira Staging',
        baseUrl: 'https://staging.acme.com/jira',
        username: 'admin.fred',
        environment: 'staging',
        signInMethod: 'password',
        pollIntervalSeconds: 600,
        keepAlive: true,
      },
    ]);
    expect(text).not.toContain(PROXY_PASSWORD);
    expect(text).not.toMatch(/"id":|secret|"(proxyP|p)assword":/i);
  });

  it("carries each server's group and star, and a second core imports them as they were", async () => {
    const source = await core();
    const { production, staging } = await teamList(source);
    await source.core.invoke('profiles:arrange', [production.id], { group: 'EU', favourite: true });
    await source.core.invoke('profiles:arrange', [staging.id], { group: 'EU' });
    const text = await source.core.invoke('profiles:export');
    const document = JSON.parse(text) as ExportDocument;
    expect(document.servers.map((server) => [server.label, server.group, server.favourite])).toEqual([
      ['Jira Production', 'EU', true],
      ['Jira Staging', 'EU', undefined],
    ]);
    const target = await core();
    await target.core.invoke('profiles:import', text, { apply: true });
    const imported = await target.core.invoke('profiles:list');
    expect(imported.map((profile) => [profile.label, profile.group, profile.favourite])).toEqual([
      ['Jira Production', 'EU', true],
      ['Jira Staging', 'EU', undefined],
    ]);
  });

  it('exports only the chosen servers, and refuses an id that is not in the list', async () => {
    const harness = await core();
    const { staging } = await teamList(harness);
    const document = JSON.parse(await harness.core.invoke('profiles:export', [staging.id])) as ExportDocument;
    expect(document.servers.map((server) => server.label)).toEqual(['Jira Staging']);
    expect((await refusal(harness.core.invoke('profiles:export', ['gone']))).kind).toBe('not-found');
  });
});

describe('profiles:import', () => {
  it('previews an export as new servers without saving anything, then applies it once', async () => {
    const source = await core();
    await teamList(source);
    const text = await source.core.invoke('profiles:export');
    const target = await core();

    const preview = await target.core.invoke('profiles:import', text, { apply: false });
    expect(preview.applied).toBe(false);
    expect(preview.format).toBe('json');
    expect(preview.counts).toEqual({ new: 2, changed: 0, duplicate: 0, invalid: 0 });
    expect(preview.entries.map((entry) => [entry.position, entry.status, entry.label])).toEqual([
      ['server 1', 'new', 'Jira Production'],
      ['server 2', 'new', 'Jira Staging'],
    ]);
    expect(await target.core.invoke('profiles:list')).toEqual([]);

    const done = await target.core.invoke('profiles:import', text, { apply: true });
    expect(done.applied).toBe(true);
    const imported = await target.core.invoke('profiles:list');
    expect(imported.map((profile) => [profile.label, profile.baseUrl, profile.pollIntervalSeconds])).toEqual([
      ['Jira Production', 'https://jira.acme.com', 300],
      ['Jira Staging', 'https://staging.acme.com/jira', 600],
    ]);

    const again = await target.core.invoke('profiles:import', text, { apply: true });
    expect(again.counts).toEqual({ new: 0, changed: 0, duplicate: 2, invalid: 0 });
    expect(again.entries.every((entry) => entry.reason === 'Already in the list.')).toBe(true);
    expect(await target.core.invoke('profiles:list')).toEqual(imported);
  });

  it('finds the same server by its normalised address and user, and updates what changed in place', async () => {
    const harness = await core();
    const { production } = await teamList(harness);
    const text = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 1,
      servers: [
        {
          label: 'Production (EU)',
          baseUrl: 'HTTPS://JIRA.ACME.COM/secure/Dashboard.jspa',
          username: 'Admin.Fred',
          environment: 'production',
        },
      ],
    });
    const preview = await harness.core.invoke('profiles:import', text, { apply: false });
    expect(preview.entries).toEqual([
      expect.objectContaining({ status: 'changed', profileId: production.id, changes: ['label'] }),
    ]);
    await harness.core.invoke('profiles:import', text, { apply: true });
    const [updated] = await harness.core.invoke('profiles:list');
    // The proxy the file does not mention is kept, and so is its sealed password.
    expect(updated).toMatchObject({
      id: production.id,
      label: 'Production (EU)',
      proxyUrl: 'http://proxy.acme.com:3128',
    });
    expect(await harness.core.invoke('profiles:list')).toHaveLength(2);
  });

  it('still imports a schema version 1 document, and a newer file moves or unstars a saved server', async () => {
    const harness = await core();
    const { production } = await teamList(harness);
    await harness.core.invoke('profiles:arrange', [production.id], { group: 'EU', favourite: true });
    const version1 = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 1,
      exportedAt: '2026-11-01T09:00:00.000Z',
      servers: [
        {
          label: 'Jira Production',
          baseUrl: 'https://jira.acme.com',
          username: 'admin.fred',
          environment: 'production',
        },
        { label: 'Old Jira', baseUrl: 'https://old.acme.com', username: 'admin.fred', environment: 'test' },
      ],
    });
    const report = await harness.core.invoke('profiles:import', version1, { apply: true });
    expect(report.entries.map((entry) => entry.status)).toEqual(['duplicate', 'new']);
    // A version 1 file says nothing about groups or stars: the saved ones stay.
    expect((await harness.core.invoke('profiles:list'))[0]).toMatchObject({ group: 'EU', favourite: true });

    const version2 = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 2,
      servers: [{ ...JSON.parse(version1).servers[0], group: '', favourite: false }],
    });
    const preview = await harness.core.invoke('profiles:import', version2, { apply: false });
    expect(preview.entries[0]).toMatchObject({ status: 'changed', changes: ['group', 'favourite'] });
    await harness.core.invoke('profiles:import', version2, { apply: true });
    const [moved] = await harness.core.invoke('profiles:list');
    expect(moved).toMatchObject({ id: production.id, label: 'Jira Production' });
    expect(moved).not.toHaveProperty('group');
    expect(moved).not.toHaveProperty('favourite');
  });

  it('reports invalid entries and repeats with their reasons and imports the rest', async () => {
    const harness = await core();
    const csv = [
      'Label,URL,Username,Environment',
      '"Jira, Berlin",https://jira-berlin.acme.com,fred,Test',
      '"Jira ""Prague""",https://jira-prague.acme.com,fred,',
      'Broken,ftp://jira.acme.com,fred,test',
      'Odd one,https://odd.acme.com,fred,qa',
      'Berlin again,https://JIRA-BERLIN.acme.com/,FRED,test',
    ].join('\r\n');
    const report = await harness.core.invoke('profiles:import', csv, { apply: true });
    expect(report.format).toBe('csv');
    expect(report.counts).toEqual({ new: 2, changed: 0, duplicate: 1, invalid: 2 });
    expect(report.entries.map((entry) => [entry.position, entry.status])).toEqual([
      ['row 1', 'new'],
      ['row 2', 'new'],
      ['row 3', 'invalid'],
      ['row 4', 'invalid'],
      ['row 5', 'duplicate'],
    ]);
    expect(report.entries[2]?.reason).toMatch(/^baseUrl: Only http:\/\/ and https:\/\//);
    expect(report.entries[3]?.reason).toMatch(/^environment: /);
    expect(report.entries[4]?.reason).toBe('The same server as row 1 of this file.');
    const saved = await harness.core.invoke('profiles:list');
    expect(saved.map((profile) => [profile.label, profile.environment])).toEqual([
      ['Jira, Berlin', 'test'],
      ['Jira "Prague"', undefined],
    ]);
  });

  it('imports a CSV row without an environment with none (never production), in the group its column names', async () => {
    const harness = await core();
    const csv = ['label,url,username,environment,group', 'Archive,https://archive.acme.com,fred,,Legacy'].join('\n');
    const preview = await harness.core.invoke('profiles:import', csv, { apply: false });
    expect(preview.entries.map((entry) => entry.status)).toEqual(['new']);
    await harness.core.invoke('profiles:import', csv, { apply: true });
    const [archive] = await harness.core.invoke('profiles:list');
    expect(archive).toMatchObject({ label: 'Archive', group: 'Legacy' });
    expect(archive).not.toHaveProperty('environment');
    // The editor still asks for it: a server of your own is never saved new without one.
    const refused = await refusal(harness.addProfile({ baseUrl: 'https://new.acme.com', environment: undefined }));
    expect(refused).toMatchObject({ kind: 'invalid-input', field: 'environment' });
  });

  it.each([
    ['text that is no JSON', '{ "format": ', /not valid JSON/],
    ['JSON of another kind', '{"servers": []}', /not a server list exported by Jira Session Manager/],
    ['a newer schema', `{"format":"${EXPORT_FORMAT}","schemaVersion":3,"servers":[]}`, /newer version/],
    ['a CSV without a header', 'https://jira.acme.com,fred\n', /header row/],
    ['an unclosed quote', 'label,url\n"Jira,https://jira.acme.com\n', /never closed/],
    ['an empty file', '  \n', /empty/],
  ])('refuses %s with invalid-input and changes nothing', async (_name, text, message) => {
    const harness = await core();
    await teamList(harness);
    const storeBefore = readFileSync(join(harness.dataDir, `${STORE_FILE_NAME}.json`), 'utf8');
    for (const apply of [false, true]) {
      const error = await refusal(harness.core.invoke('profiles:import', text, { apply }));
      expect(error.kind).toBe('invalid-input');
      expect(error.message).toMatch(message);
    }
    expect(readFileSync(join(harness.dataDir, `${STORE_FILE_NAME}.json`), 'utf8')).toBe(storeBefore);
  });
});
