// "May still be signed in on the server": a sign-out the server did not confirm is remembered (across restarts) with
// the old session's cookies sealed, until a later DELETE succeeds or finds the session gone.
import { afterEach, describe, expect, it } from 'vitest';
import { savedText, type CoreHarness } from '../../support/core-harness';
import type { JiraStandIn } from '../../support/jira-stand-in';
import { testResources } from '../../support/test-resources';

const { standIn, core, adopt, closeAll } = testResources();
afterEach(closeAll);

const FRED = { username: 'fred', password: 'fred123' };
const unavailable = { kind: 'status', status: 503 } as const;
const deleteSession = { method: 'DELETE', path: '/rest/auth/1/session' } as const;

async function signedOutUnconfirmed(server: JiraStandIn, h: CoreHarness, label = 'Acme') {
  const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred', label });
  await h.core.invoke('session:login', profile.id, FRED);
  server.injectFault(unavailable, deleteSession);
  const result = await h.core.invoke('session:logout', profile.id);
  return { profile, result };
}

describe('a sign-out the server did not confirm', () => {
  it('is remembered across a restart and cleared by "Try again" once the server confirms it', async () => {
    const server = await standIn();
    const h = await core();
    const { profile, result } = await signedOutUnconfirmed(server, h);
    expect(result.serverConfirmed).toBe(false);
    expect(result.state).toMatchObject({ status: 'signed-out', signOutUnconfirmed: true, cookieNames: [] });
    expect(server.activeSessionCount()).toBe(1);
    expect(await savedText(h)).toMatch(/"unconfirmedSession"/);

    // The start-up refresh tries again and fails again: the mark survives the restart.
    server.injectFault(unavailable, deleteSession);
    const restarted = adopt(await h.restart());
    await expect.poll(() => server.requests.filter((r) => r.method === 'DELETE').length).toBe(2);
    const [after] = await restarted.core.invoke('sessions:list');
    expect(after).toMatchObject({ status: 'signed-out', signOutUnconfirmed: true });

    const retried = await restarted.core.invoke('session:retrySignOut', profile.id);
    expect(retried.serverConfirmed).toBe(true);
    expect(retried.state.signOutUnconfirmed).toBeUndefined();
    expect(server.activeSessionCount()).toBe(0);
    expect(await savedText(restarted)).not.toMatch(/"unconfirmedSession"/);
  });

  it('keeps the mark, with the reason, while the server still does not confirm it', async () => {
    const server = await standIn();
    const h = await core();
    const { profile } = await signedOutUnconfirmed(server, h);
    server.injectFault(unavailable, deleteSession);
    const retried = await h.core.invoke('session:retrySignOut', profile.id);
    expect(retried.serverConfirmed).toBe(false);
    expect(retried.error?.kind).toBe('server-error');
    expect(retried.state.signOutUnconfirmed).toBe(true);
    expect(server.activeSessionCount()).toBe(1);
  });

  it('goes once a refresh finds the session gone on the server', async () => {
    const server = await standIn();
    const h = await core();
    await signedOutUnconfirmed(server, h);
    server.expireAllSessions();
    const [state] = await h.core.invoke('sessions:refreshAll');
    expect(state?.signOutUnconfirmed).toBeUndefined();
    expect(await savedText(h)).not.toMatch(/"unconfirmedSession"/);
  });

  it('outlives a new session, and goes when that one is signed out with the server answering', async () => {
    const server = await standIn();
    const h = await core();
    const { profile } = await signedOutUnconfirmed(server, h);
    const again = await h.core.invoke('session:login', profile.id, FRED);
    expect(again).toMatchObject({ status: 'signed-in', signOutUnconfirmed: true });
    expect(server.activeSessionCount()).toBe(2);
    const result = await h.core.invoke('session:logout', profile.id);
    expect(result.serverConfirmed).toBe(true);
    expect(result.state.signOutUnconfirmed).toBeUndefined();
    expect(server.activeSessionCount()).toBe(0);
  });

  it('sign out of all lists the servers that did not confirm first', async () => {
    const [reachable, failing] = await Promise.all([standIn(), standIn()]);
    const h = await core();
    const first = await h.addProfile({ baseUrl: reachable.baseUrl, username: 'fred', label: 'Reachable' });
    const second = await h.addProfile({ baseUrl: failing.baseUrl, username: 'fred', label: 'Failing' });
    await h.core.invoke('session:login', first.id, FRED);
    await h.core.invoke('session:login', second.id, FRED);
    failing.injectFault(unavailable, deleteSession);
    const results = await h.core.invoke('session:logoutAll');
    expect(results.map((result) => [result.profileId, result.serverConfirmed])).toEqual([
      [second.id, false],
      [first.id, true],
    ]);
    const states = await h.core.invoke('sessions:list');
    expect(states.find((state) => state.profileId === second.id)?.signOutUnconfirmed).toBe(true);
    expect(states.find((state) => state.profileId === first.id)?.signOutUnconfirmed).toBeUndefined();
  });
});
