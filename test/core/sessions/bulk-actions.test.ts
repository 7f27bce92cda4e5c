// Bulk actions on a selection, against five Jira stand-ins over real HTTP: the whole-estate channels given three of
// the five servers sign in, check, end admin access on and sign out of exactly those, report the one that fails,
// and refuse a selection that names a server that is gone before anything is sent.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppErrorInfo } from '../../../electron/shared/model';
import type { JiraStandIn } from '../../support/jira-stand-in';
import { testResources } from '../../support/test-resources';

const { standIn, core, closeAll } = testResources();
afterEach(closeAll);

const SESSION = '/rest/auth/1/session';
const WEBSUDO = '/rest/auth/1/websudo';

function count(server: JiraStandIn, method: string, path: string): number {
  return server.requests.filter((request) => request.method === method && request.path.endsWith(path)).length;
}

async function rejection(promise: Promise<unknown>): Promise<AppErrorInfo> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: { info: AppErrorInfo }) => caught.info,
  );
}

async function fiveServers() {
  const servers = await Promise.all([0, 1, 2, 3, 4].map(() => standIn()));
  const h = await core();
  const profiles = [];
  for (const [index, server] of servers.entries())
    profiles.push(await h.addProfile({ baseUrl: server.baseUrl, label: `Server ${index}` }));
  const ids = profiles.map((profile) => profile.id);
  const statuses = async () => (await h.core.invoke('sessions:list')).map((state) => state.status);
  return { servers, h, ids, statuses };
}

describe('bulk actions on a selection', () => {
  it('sign in, refresh, end admin access and sign out act on exactly the selected servers', async () => {
    const { servers, h, ids, statuses } = await fiveServers();
    const [s0, s1, s2, s3, s4] = servers as [JiraStandIn, JiraStandIn, JiraStandIn, JiraStandIn, JiraStandIn];
    for (const id of ids)
      await h.core.invoke('session:login', id, { username: 'admin', password: 'admin', rememberPassword: true });
    await h.core.invoke('session:logoutAll');
    expect(await statuses()).toEqual(['signed-out', 'signed-out', 'signed-out', 'signed-out', 'signed-out']);
    const selection = { profileIds: [ids[0]!, ids[2]!, ids[4]!] };

    // Sign in with the remembered passwords: server 4 refuses (503), the unselected ones are not touched.
    s4.injectFault({ kind: 'status', status: 503 }, { method: 'POST', path: SESSION });
    const signIns = await h.core.invoke('sessions:signInExpired', selection);
    expect(signIns.map((result) => [result.profileId, result.outcome, result.error?.kind])).toEqual([
      [ids[0], 'signed-in', undefined],
      [ids[2], 'signed-in', undefined],
      [ids[4], 'failed', 'server-error'],
    ]);
    expect(await statuses()).toEqual(['signed-in', 'signed-out', 'signed-in', 'signed-out', 'signed-out']);
    expect(servers.map((server) => count(server, 'POST', SESSION))).toEqual([2, 1, 2, 1, 2]);

    // Already signed-in servers of a selection are left alone; the others sign in by hand here.
    for (const id of [ids[1]!, ids[3]!, ids[4]!]) await h.core.invoke('session:loginRemembered', id);
    expect(await h.core.invoke('sessions:signInExpired', { profileIds: [ids[0]!] })).toEqual([]);
    expect(count(s0, 'POST', SESSION)).toBe(2);

    // Refresh: only the selected servers are checked; server 4 answers 503 and shows the error.
    const checksBefore = servers.map((server) => count(server, 'GET', SESSION));
    s4.injectFault({ kind: 'status', status: 503 }, { method: 'GET', path: SESSION });
    const refreshed = await h.core.invoke('sessions:refreshAll', selection);
    expect(refreshed.map((state) => state.status)).toEqual([
      'signed-in',
      'signed-in',
      'signed-in',
      'signed-in',
      'error',
    ]);
    expect(refreshed[4]?.error?.kind).toBe('server-error');
    const checks = servers.map((server, index) => count(server, 'GET', SESSION) - checksBefore[index]!);
    expect(checks).toEqual([1, 0, 1, 0, 1]);

    // End admin access: server 2 does not confirm; server 4 (in error) and the unselected ones get nothing.
    const releasesBefore = servers.map((server) => count(server, 'DELETE', WEBSUDO));
    s2.injectFault({ kind: 'status', status: 503 }, { method: 'DELETE', path: WEBSUDO });
    const released = await h.core.invoke('websudo:releaseAll', selection);
    expect(released.map((result) => [result.profileId, result.released, result.error?.kind])).toEqual([
      [ids[0], true, undefined],
      [ids[2], false, 'server-error'],
    ]);
    const releases = servers.map((server, index) => count(server, 'DELETE', WEBSUDO) - releasesBefore[index]!);
    expect(releases).toEqual([1, 0, 1, 0, 0]);

    // Sign out: server 0 cannot confirm it (listed first); servers 1 and 3 stay signed in, untouched.
    s0.injectFault({ kind: 'status', status: 503 }, { method: 'DELETE', path: SESSION });
    const signOuts = await h.core.invoke('session:logoutAll', selection);
    expect(signOuts.map((result) => [result.profileId, result.serverConfirmed])).toEqual([
      [ids[0], false],
      [ids[2], true],
      [ids[4], true],
    ]);
    expect(signOuts[0]?.error?.kind).toBe('server-error');
    expect(await statuses()).toEqual(['signed-out', 'signed-in', 'signed-out', 'signed-in', 'signed-out']);
    // The first logoutAll sent one DELETE to each; the selection's only to servers 0, 2 and 4.
    expect(servers.map((server) => count(server, 'DELETE', SESSION))).toEqual([2, 1, 2, 1, 2]);
    expect([s1, s3].map((server) => server.activeSessionCount())).toEqual([1, 1]);
  });

  it('refuses a selection naming a server that is gone, before anything is sent', async () => {
    const { servers, h, ids, statuses } = await fiveServers();
    for (const id of ids) await h.core.invoke('session:login', id, { username: 'admin', password: 'admin' });
    const before = servers.map((server) => server.requests.length);
    const gone = { profileIds: [ids[0]!, 'removed-meanwhile'] };
    for (const call of [
      h.core.invoke('session:logoutAll', gone),
      h.core.invoke('sessions:refreshAll', gone),
      h.core.invoke('sessions:signInExpired', gone),
      h.core.invoke('websudo:releaseAll', gone),
    ]) {
      expect(await rejection(call)).toEqual({
        kind: 'not-found',
        message: 'Some of the chosen servers are no longer in the list.',
      });
    }
    expect((await rejection(h.core.invoke('session:logoutAll', { profileIds: [] }))).kind).toBe('invalid-input');
    expect(servers.map((server) => server.requests.length)).toEqual(before);
    expect(await statuses()).toEqual(['signed-in', 'signed-in', 'signed-in', 'signed-in', 'signed-in']);
  });
});
