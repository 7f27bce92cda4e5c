// Long waits end when the person cancels: the request is aborted in the core (the stand-in sees its hung request's
// connection close), the state is as it was, and a refresh of all servers is never held up by one that hangs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applySessionsDelta } from '../../../electron/shared/session-delta';
import { makeProfileInput } from '../../support/model-fixtures';
import { testResources } from '../../support/test-resources';

const { standIn, core, closeAll } = testResources();
afterEach(closeAll);

const ADMIN = { username: 'admin', password: 'admin' };

describe('cancelling long waits', () => {
  it('cancels a sign-in to a hanging server: the request is aborted and the server stays signed out', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    server.injectFault({ kind: 'hang' }, { method: 'POST', path: '/rest/auth/1/session' });

    const signingIn = h.core.invoke('session:login', profile.id, ADMIN);
    await server.whenHung();
    expect((await h.core.invoke('sessions:list'))[0]?.status).toBe('signing-in');
    await h.core.invoke('sessions:cancel', profile.id);

    const state = await signingIn;
    expect(state.status).toBe('signed-out');
    expect(state.error).toBeUndefined();
    await vi.waitFor(() => expect(server.hungRequests()).toBe(0));
    expect(h.logs.some((line) => line.fields?.kind === 'cancelled')).toBe(true);
    // The next attempt is not cancelled by the old Cancel.
    expect((await h.core.invoke('session:login', profile.id, ADMIN)).status).toBe('signed-in');
  });

  it('cancels a check: the session stays signed in, with no error, and the next check works', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    const signedIn = await h.core.invoke('session:login', profile.id, ADMIN);
    server.injectFault({ kind: 'hang' }, { method: 'GET', path: '/rest/auth/1/session' });

    const checking = h.core.invoke('session:refresh', profile.id);
    await server.whenHung();
    await h.core.invoke('sessions:cancel', profile.id);
    const state = await checking;
    expect(state).toMatchObject({ status: 'signed-in', verifiedAt: signedIn.verifiedAt });
    expect(state.activity).toBeUndefined();
    expect(state.error).toBeUndefined();
    await vi.waitFor(() => expect(server.hungRequests()).toBe(0));
    expect((await h.core.invoke('session:refresh', profile.id)).status).toBe('signed-in');
  });

  it('a Cancel also ends the work queued behind the one in flight', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    await h.core.invoke('session:login', profile.id, ADMIN);
    server.injectFault({ kind: 'hang' }, { method: 'GET', path: '/rest/auth/1/session', times: 2 });

    const first = h.core.invoke('session:refresh', profile.id);
    const queued = h.core.invoke('session:refresh', profile.id);
    await server.whenHung();
    await h.core.invoke('sessions:cancel', profile.id);
    const states = await Promise.all([first, queued]);
    expect(states.map((state) => [state.status, state.error])).toEqual([
      ['signed-in', undefined],
      ['signed-in', undefined],
    ]);
    // The queued check never reached the server: its hang fault is still waiting for a request.
    const sessionChecks = server.requests.filter(
      (request) => request.method === 'GET' && request.path.endsWith('/rest/auth/1/session'),
    );
    expect(sessionChecks).toHaveLength(1);
  });

  it('cancels a connection test: it rejects as cancelled and the request is aborted', async () => {
    const server = await standIn();
    const h = await core();
    server.injectFault({ kind: 'hang' }, { method: 'GET', path: '/rest/api/2/serverInfo' });
    const testing = h.core.invoke('profiles:testConnection', makeProfileInput({ baseUrl: server.baseUrl }));
    const outcome = testing.then(
      () => 'resolved',
      (error: { info?: { kind: string } }) => error.info?.kind,
    );
    await server.whenHung();
    await h.core.invoke('profiles:cancelTest');
    expect(await outcome).toBe('cancelled');
    await vi.waitFor(() => expect(server.hungRequests()).toBe(0));
    await expect(
      h.core.invoke('profiles:testConnection', makeProfileInput({ baseUrl: server.baseUrl })),
    ).resolves.toMatchObject({ serverInfo: { version: '10.3.4' } });
  });

  it('refresh all announces each server as it answers, and one hanging server holds up only itself', async () => {
    const [hanging, healthy] = await Promise.all([standIn(), standIn()]);
    const h = await core();
    const slow = await h.addProfile({ baseUrl: hanging.baseUrl, label: 'Hanging' });
    const quick = await h.addProfile({ baseUrl: healthy.baseUrl, label: 'Healthy' });
    await h.core.invoke('session:login', slow.id, ADMIN);
    const before = await h.core.invoke('session:login', quick.id, ADMIN);
    // What the window would hold: the list once, then each delta applied as it arrives.
    const shown = new Map((await h.core.invoke('sessions:list')).map((state) => [state.profileId, state]));
    h.core.on('sessions:delta', (delta) => applySessionsDelta(shown, delta));
    hanging.injectFault({ kind: 'hang' }, { method: 'GET', path: '/rest/auth/1/session' });

    let finished = false;
    const refreshing = h.core.invoke('sessions:refreshAll').finally(() => (finished = true));
    await hanging.whenHung();
    // The healthy server's result is announced while the hanging one is still being checked.
    await vi.waitFor(() => {
      const byId = shown;
      expect(byId.get(quick.id)?.verifiedAt).not.toBe(before.verifiedAt);
      expect(byId.get(quick.id)?.activity).toBeUndefined();
      expect(byId.get(slow.id)?.activity).toBe('checking');
    });
    expect(finished).toBe(false);

    await h.core.invoke('sessions:cancelRefreshAll');
    const states = await refreshing;
    expect(states.map((state) => [state.profileId, state.status, state.activity, state.error])).toEqual([
      [slow.id, 'signed-in', undefined, undefined],
      [quick.id, 'signed-in', undefined, undefined],
    ]);
    await vi.waitFor(() => expect(hanging.hungRequests()).toBe(0));
  });

  it('refuses to cancel for a server that is not in the list', async () => {
    const h = await core();
    await expect(h.core.invoke('sessions:cancel', 'no-such-profile')).rejects.toMatchObject({
      info: { kind: 'not-found' },
    });
  });
});
