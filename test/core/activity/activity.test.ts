// The activity log through a real core against the Jira stand-in: sign-ins by hand and quietly after an expiry,
// failed sign-ins with their kind, expiries, sign-outs, imports; per server and overall; in its own file, bounded,
// and never holding a secret.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITY_FILE_NAME } from '../../../electron/core/activity/activity-log';
import { MAX_ACTIVITY_ENTRIES, type ActivityEntry } from '../../../electron/shared/activity';
import { testResources } from '../../support/test-resources';

const { standIn, core, closeAll } = testResources();
afterEach(closeAll);

/** The log is written after the burst that produced it (the next turn of the event loop). */
const written = () => new Promise((resolve) => setImmediate(resolve));

const brief = (entries: ActivityEntry[]) =>
  entries.map((entry) => [entry.kind, entry.via ?? entry.errorKind ?? entry.serverConfirmed ?? entry.detail]);

describe('activity:list', () => {
  it('records sign-ins, a failed one with its kind, an expiry, a quiet sign-in and a sign-out, newest first', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, label: 'Jira Test', username: 'admin' });
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'wrong-password-1' });
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin', rememberPassword: true });
    server.expireAllSessions();
    const quiet = await h.core.invoke('session:refresh', profile.id);
    expect(quiet.status).toBe('signed-in');
    const out = await h.core.invoke('session:logout', profile.id);
    expect(out.serverConfirmed).toBe(true);
    await written();

    const entries = await h.core.invoke('activity:list', { profileId: profile.id });
    expect(brief(entries)).toEqual([
      ['signed-out', true],
      ['signed-in', 'quiet'],
      ['expired', undefined],
      ['signed-in', 'password'],
      ['sign-in-failed', 'password'],
    ]);
    expect(entries[0]).toMatchObject({ label: 'Jira Test', baseUrl: server.baseUrl, username: 'admin' });
    expect(entries.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    expect(entries.at(-1)?.errorKind).toBe('bad-credentials');
    expect(await h.core.invoke('activity:list', { profileId: profile.id, limit: 2 })).toEqual(entries.slice(0, 2));

    const file = readFileSync(join(h.dataDir, ACTIVITY_FILE_NAME), 'utf8');
    expect(file.trim().split('\n')).toHaveLength(5);
    expect(file).not.toContain('wrong-password-1');
    expect(file).not.toMatch(/JSESSIONID|cookie|"password":/i);
  });

  it('keeps each server apart, records imports, and survives a restart', async () => {
    const h = await core();
    const csv = 'label,url,username,environment\nA,https://a.acme.com,fred,test\nB,https://b.acme.com,fred,test\n';
    const report = await h.core.invoke('profiles:import', csv, { apply: true });
    const ids = report.entries.map((entry) => entry.profileId);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    await written();
    expect(brief(await h.core.invoke('activity:list'))).toEqual([
      ['imported', 'added'],
      ['imported', 'added'],
    ]);
    expect((await h.core.invoke('activity:list', { profileId: ids[1] }))[0]?.label).toBe('B');

    const again = await h.restart();
    expect((await again.core.invoke('activity:list')).map((entry) => entry.label)).toEqual(['B', 'A']);
    await again.dispose();
  });

  it('drops entries older than 90 days and beyond 10,000, and lines it cannot read', async () => {
    const h = await core();
    const dataDir = h.dataDir;
    await h.dispose();
    const now = Date.now();
    const entry = (at: number, label: string) =>
      JSON.stringify({
        at: new Date(at).toISOString(),
        profileId: 'p',
        kind: 'expired',
        label,
        baseUrl: 'https://x',
        username: 'u',
      });
    const lines = [
      entry(now - 91 * 24 * 3600_000, 'too old'),
      'not json at all',
      ...Array.from({ length: MAX_ACTIVITY_ENTRIES + 5 }, (_, at) => entry(now - 1000 + at / 100, `e${at}`)),
    ];
    writeFileSync(join(dataDir, ACTIVITY_FILE_NAME), `${lines.join('\n')}\n`);

    const reopened = await h.restart();
    const entries = await reopened.core.invoke('activity:list');
    expect(entries).toHaveLength(MAX_ACTIVITY_ENTRIES);
    expect(entries[0]?.label).toBe(`e${MAX_ACTIVITY_ENTRIES + 4}`);
    expect(entries.at(-1)?.label).toBe('e5');
    const file = readFileSync(join(dataDir, ACTIVITY_FILE_NAME), 'utf8');
    expect(file.trim().split('\n')).toHaveLength(MAX_ACTIVITY_ENTRIES);
    expect(file).not.toContain('too old');
    expect(existsSync(join(dataDir, `${ACTIVITY_FILE_NAME}.tmp`))).toBe(false);
    await reopened.dispose();
  });
});
