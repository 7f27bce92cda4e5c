// The remembered password put to use, against the Jira stand-in over real HTTP: a sign-in with nothing typed, a
// quiet re-sign-in that is counted and announced, and "Sign in to all expired" in parallel.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../electron/shared/model';
import { testResources } from '../../support/test-resources';

const { standIn, core, closeAll } = testResources();

afterEach(closeAll);

const LOGIN = { method: 'POST', path: '/rest/auth/1/session' };
const logins = (server: { requests: { method: string; path: string }[] }) =>
  server.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/rest/auth/1/session'))
    .length;

async function rejection(promise: Promise<unknown>): Promise<{ kind: string; message: string; field?: string }> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: { info: { kind: string; message: string; field?: string } }) => caught.info,
  );
}

describe('signing in with the remembered password', () => {
  it('signs in with the sealed password when none is given, and says so when none is saved', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred' });
    await h.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123', rememberPassword: true });
    await h.core.invoke('session:logout', profile.id);
    expect(logins(server)).toBe(1);

    const state = await h.core.invoke('session:loginRemembered', profile.id);
    expect(state.status).toBe('signed-in');
    expect(state.user?.name).toBe('fred');
    expect(state.passwordRemembered).toBe(true);
    expect(logins(server)).toBe(2);
    expect(JSON.stringify([state, h.logs, h.notices])).not.toContain('fred123');

    await h.core.invoke('session:logout', profile.id);
    await h.core.invoke('session:forgetPassword', profile.id);
    const refused = await rejection(h.core.invoke('session:loginRemembered', profile.id));
    expect(refused).toMatchObject({ kind: 'invalid-input', field: 'password' });
    expect(refused.message).toBe(`No password is saved for ${profile.label}.`);
    expect(logins(server)).toBe(2);
  });

  it('refuses a token server: it has no password to remember', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, signInMethod: 'token' });
    expect((await rejection(h.core.invoke('session:loginRemembered', profile.id))).kind).toBe('invalid-input');
    expect(logins(server)).toBe(0);
  });
});

describe('a quiet re-sign-in', () => {
  it('is shown on the state, counted per local day and announced unless the setting is off', async () => {
    const server = await standIn();
    let now = new Date(2026, 11, 2, 9, 30).getTime();
    const h = await core({ clock: { now: () => now } });
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred', label: 'Acme Production' });
    await h.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123', rememberPassword: true });

    const expireAndCheck = async (): Promise<SessionState> => {
      server.expireAllSessions();
      return h.core.invoke('session:refresh', profile.id);
    };
    const first = await expireAndCheck();
    expect(first.status).toBe('signed-in');
    expect(first.quietSignIn).toEqual({ at: new Date(now).toISOString(), countToday: 1 });
    expect(logins(server)).toBe(2);
    expect(h.notices).toHaveLength(1);
    expect(h.notices[0]).toMatchObject({ title: 'Signed in again: Acme Production', profileId: profile.id });
    expect(h.notices[0]?.body).toContain('(1st time today)');

    now += 60_000;
    expect((await expireAndCheck()).quietSignIn?.countToday).toBe(2);
    now += 60_000;
    expect((await expireAndCheck()).quietSignIn?.countToday).toBe(3);
    expect(h.notices.map((notice) => notice.body.match(/\((\w+) time today\)/)?.[1])).toEqual(['1st', '2nd', '3rd']);

    // Its own switch: the sign-in still happens and shows, only the notification stays away.
    await h.core.invoke('settings:update', { notifyQuietSignIn: false });
    now += 60_000;
    expect((await expireAndCheck()).quietSignIn?.countToday).toBe(4);
    expect(h.notices).toHaveLength(3);

    now += 24 * 60 * 60 * 1000;
    await h.core.invoke('settings:update', { notifyQuietSignIn: true });
    expect((await expireAndCheck()).quietSignIn?.countToday).toBe(1);
    expect(h.notices).toHaveLength(4);

    // A sign-in by hand is not a quiet one.
    const manual = await h.core.invoke('session:login', profile.id, { username: 'fred', password: 'fred123' });
    expect(manual.status).toBe('signed-in');
    expect(manual.quietSignIn).toBeUndefined();
    expect((await h.core.invoke('settings:get')).notifyQuietSignIn).toBe(true);
  });

  it('is no notification at all while notifications are off', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    await h.core.invoke('settings:update', { notifications: false });
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin', rememberPassword: true });
    server.expireAllSessions();
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.quietSignIn?.countToday).toBe(1);
    expect(h.notices).toEqual([]);
  });
});

describe('sign in to all expired', () => {
  it('signs in every expired server with a remembered password, in parallel, and lists the others', async () => {
    const [hanging, fine, noPassword, failing, signedIn] = await Promise.all([
      standIn(),
      standIn(),
      standIn(),
      standIn(),
      standIn(),
    ]);
    const h = await core({ http: { timeoutMs: 4000 } });
    const servers = [hanging, fine, noPassword, failing, signedIn];
    const profiles = await Promise.all(
      servers.map((server, index) => h.addProfile({ baseUrl: server!.baseUrl, label: `Server ${index}` })),
    );
    for (const [index, profile] of profiles.entries()) {
      await h.core.invoke('session:login', profile.id, {
        username: 'admin',
        password: 'admin',
        rememberPassword: index !== 2,
      });
    }
    // The quiet re-sign-in after the expiry fails (the server is busy), so the servers stay expired.
    for (const server of [hanging, fine, noPassword, failing]) {
      server!.injectFault({ kind: 'status', status: 503 }, LOGIN);
      server!.expireAllSessions();
    }
    const checked = await h.core.invoke('sessions:refreshAll');
    expect(checked.map((state) => state.status)).toEqual(['expired', 'expired', 'expired', 'expired', 'signed-in']);

    hanging!.injectFault({ kind: 'hang' }, LOGIN);
    failing!.injectFault({ kind: 'status', status: 503 }, LOGIN);
    const running = h.core.invoke('sessions:signInExpired');
    // In parallel: the fine server is signed in while the first one's sign-in still hangs.
    await vi.waitFor(async () => {
      const states = await h.core.invoke('sessions:list');
      expect(states[1]?.status).toBe('signed-in');
      expect(states[0]?.status).toBe('signing-in');
    });
    const results = await running;

    expect(results.map((result) => [result.profileId, result.outcome, result.error?.kind])).toEqual([
      [profiles[0]!.id, 'failed', 'timeout'],
      [profiles[1]!.id, 'signed-in', undefined],
      [profiles[2]!.id, 'needs-you', undefined],
      [profiles[3]!.id, 'failed', 'server-error'],
    ]);
    expect(results[1]?.state.user?.name).toBe('admin');
    expect(results[2]?.state.status).toBe('expired');
    // Nothing was sent for the server without a password, nor for the one that was still signed in.
    expect(logins(noPassword!)).toBe(1);
    expect(logins(signedIn!)).toBe(1);
  });

  it('answers with an empty list when nothing has expired', async () => {
    const h = await core();
    expect(await h.core.invoke('sessions:signInExpired')).toEqual([]);
  });
});
