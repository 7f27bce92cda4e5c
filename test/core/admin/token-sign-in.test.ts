// Signing in with a personal access token through createAppCore: Bearer on every call and never a cookie, sealed
// like a password, surviving a restart, expiring when revoked, forgotten on sign-out — and in no store, log, error
// or state in plain text.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppErrorInfo } from '../../../electron/shared/model';
import { savedText, type CoreHarness } from '../../support/core-harness';
import type { JiraStandIn } from '../../support/jira-stand-in';
import { testResources } from '../../support/test-resources';

const { standIn, core, adopt, closeAll } = testResources();
afterEach(closeAll);

async function rejection(promise: Promise<unknown>): Promise<AppErrorInfo> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: { info: AppErrorInfo }) => caught.info,
  );
}

/** A token made the way a person makes one: signed in with the password on another profile of the app. */
async function tokenFor(h: CoreHarness, server: JiraStandIn, username: string, password: string) {
  const maker = await h.addProfile({ baseUrl: server.baseUrl, username, label: 'Token maker' });
  await h.core.invoke('session:login', maker.id, { username, password });
  const created = await h.core.invoke('tokens:create', maker.id, { name: 'service account', expiresInDays: 30 });
  await h.core.invoke('session:logout', maker.id);
  await h.core.invoke('profiles:remove', maker.id);
  return created;
}

describe('signing in with a personal access token', () => {
  it('checks the token with myself, sends Bearer and no cookie, and keeps it sealed across a restart', async () => {
    const server = await standIn();
    const h = await core();
    const created = await tokenFor(h, server, 'carol', 'carol-pass');
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'carol', signInMethod: 'token' });
    server.requests.length = 0;
    const state = await h.core.invoke('session:useToken', profile.id, { token: created.rawToken });
    expect(state).toMatchObject({ status: 'signed-in', adminLevel: 'admin', persisted: true, cookieNames: [] });
    expect(state.user?.displayName).toBe('Carol Admin');
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/rest/api/2/myself' });
    const rest = server.requests.filter((request) => request.path.startsWith('/rest/'));
    expect(rest.length).toBeGreaterThan(2);
    for (const request of rest) {
      expect(request.headers.authorization).toBe(`Bearer ${created.rawToken}`);
      expect(request.cookie).toBeUndefined();
    }
    expect(server.activeSessionCount()).toBe(0);
    expect(await h.core.invoke('tokens:list', profile.id)).toHaveLength(1);
    expect((await h.core.invoke('session:refresh', profile.id)).status).toBe('signed-in');

    const again = adopt(await h.restart());
    const [restored] = await again.core.invoke('sessions:refreshAll');
    expect(restored).toMatchObject({ profileId: profile.id, status: 'signed-in', persisted: true });
    expect(restored?.user?.name).toBe('carol');
  });

  it('refuses a wrong token and a token for a password profile, keeping what was there', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'carol', signInMethod: 'token' });
    const state = await h.core.invoke('session:useToken', profile.id, { token: 'not-a-real-token' });
    expect(state.status).toBe('signed-out');
    expect(state.error?.kind).toBe('bad-credentials');
    expect(state.error?.message).toBe('Jira did not accept that personal access token.');
    expect((await rejection(h.core.invoke('session:useToken', profile.id, { token: 'has space' }))).kind).toBe(
      'invalid-input',
    );
    const password = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred' });
    expect((await rejection(h.core.invoke('session:useToken', password.id, { token: 'abc' }))).kind).toBe(
      'invalid-input',
    );
    const login = h.core.invoke('session:login', profile.id, { username: 'carol', password: 'carol-pass' });
    expect((await rejection(login)).kind).toBe('invalid-input');
    expect(server.requests.some((request) => request.path === '/rest/auth/1/session')).toBe(false);
  });

  it('expires when the token is revoked, with a notice, and forgets it on sign-out', async () => {
    const server = await standIn();
    const h = await core();
    const first = await tokenFor(h, server, 'fred', 'fred123');
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred', signInMethod: 'token' });
    await h.core.invoke('session:useToken', profile.id, { token: first.rawToken });
    server.agePersonalAccessToken(first.id, 31 * 24 * 60 * 60 * 1000);
    const expired = await h.core.invoke('session:refresh', profile.id);
    expect(expired.status).toBe('expired');
    expect(expired.persisted).toBe(false);
    expect(h.notices.at(-1)?.body).toMatch(/token for .* was revoked or has expired/);

    const second = await tokenFor(h, server, 'fred', 'fred123');
    await h.core.invoke('session:useToken', profile.id, { token: second.rawToken });
    expect(await savedText(h)).toContain('"token"');
    const result = await h.core.invoke('session:logout', profile.id);
    expect(result).toMatchObject({ serverConfirmed: true, state: { status: 'signed-out', persisted: false } });
    expect(await savedText(h)).not.toMatch(/"secrets":\{"/);
    // Forgotten, not revoked: the token still works on the server until someone revokes it.
    expect(server.personalAccessTokens().map((token) => token.id)).toContain(second.id);
  });

  it('never writes a token value into the store, a log line, an error or a state', async () => {
    const server = await standIn();
    const h = await core();
    const maker = await h.addProfile({ baseUrl: server.baseUrl, username: 'admin' });
    await h.core.invoke('session:login', maker.id, { username: 'admin', password: 'admin' });
    const created = await h.core.invoke('tokens:create', maker.id, { name: 'scan me', expiresInDays: 7 });
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'admin', signInMethod: 'token' });
    const wrong = `${created.rawToken.slice(0, -4)}AAAA`;
    const refused = await h.core.invoke('session:useToken', profile.id, { token: wrong });
    const signedIn = await h.core.invoke('session:useToken', profile.id, { token: created.rawToken });
    server.injectFault({ kind: 'html' });
    const failed = await h.core.invoke('session:refresh', profile.id);
    expect(failed.error?.kind).toBe('unexpected-response');
    expect((await h.core.invoke('session:refresh', profile.id)).status).toBe('signed-in');
    const listed = await h.core.invoke('tokens:list', profile.id);
    const expiring = await h.core.invoke('tokens:expiring');
    const everything = JSON.stringify([
      h.logs,
      h.notices,
      refused,
      signedIn,
      failed,
      listed,
      expiring,
      await h.core.invoke('sessions:list'),
      await h.core.web.cookies(profile.id),
      await savedText(h),
    ]);
    expect(h.logs.length).toBeGreaterThan(5);
    expect(signedIn.status).toBe('signed-in');
    expect(expiring.tokens.map(({ token }) => token.name)).toEqual(['scan me', 'scan me']);
    for (const secret of [created.rawToken, wrong]) expect(everything).not.toContain(secret);
  });
});
