// Administrator powers through createAppCore against the stand-in over real HTTP: the admin level, ending WebSudo
// (raised the way the web window raises it, then handed back through the web port), and personal access tokens.
import { afterEach, describe, expect, it } from 'vitest';
import { CookieJar } from 'tough-cookie';
import { jarToWebCookies, webCookiesToJar } from '../../../electron/core/web/web-cookies';
import type { AppErrorInfo } from '../../../electron/shared/model';
import type { CoreHarness } from '../../support/core-harness';
import type { JiraStandIn } from '../../support/jira-stand-in';
import { testResources } from '../../support/test-resources';

const { standIn, core, closeAll } = testResources();
afterEach(closeAll);

const DAY_MS = 24 * 60 * 60 * 1000;

async function rejection(promise: Promise<unknown>): Promise<AppErrorInfo> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: { info: AppErrorInfo }) => caught.info,
  );
}

async function signedIn(server: JiraStandIn, username = 'admin', password = 'admin') {
  const h = await core();
  const profile = await h.addProfile({ baseUrl: server.baseUrl, username });
  const state = await h.core.invoke('session:login', profile.id, { username, password });
  expect(state.status).toBe('signed-in');
  return { h, profile, state };
}

/** What the app's Jira window does: confirm the password on WebSudo's page, then hand the new cookies back. */
async function raiseWebSudoInWindow(h: CoreHarness, server: JiraStandIn, profileId: string, password: string) {
  const jar = CookieJar.deserializeSync(
    webCookiesToJar(await h.core.web.cookies(profileId), server.baseUrl, Date.now()),
  );
  const url = `${server.baseUrl}/secure/admin/WebSudoAuthenticate.jspa`;
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      Cookie: await jar.getCookieString(url),
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Atlassian-Token': 'no-check',
    },
    body: new URLSearchParams({ webSudoPassword: password, webSudoDestination: '/secure/admin/ViewSystemInfo.jspa' }),
  });
  expect(response.status).toBe(302);
  for (const header of response.headers.getSetCookie()) await jar.setCookie(header, url);
  await h.core.web.sync(profileId, jarToWebCookies(JSON.stringify(jar.serializeSync()), Date.now()));
}

describe('admin level', () => {
  it('tells a system administrator, an administrator and a plain user apart', async () => {
    const server = await standIn();
    const levels = await Promise.all(
      [
        ['admin', 'admin'],
        ['carol', 'carol-pass'],
        ['fred', 'fred123'],
      ].map(async ([username, password]) => (await signedIn(server, username, password)).state.adminLevel),
    );
    expect(levels).toEqual(['system-admin', 'admin', 'none']);
  });

  it('signs in without a level when the server will not say', async () => {
    const server = await standIn();
    server.injectFault({ kind: 'status', status: 500 }, { path: '/rest/api/2/mypermissions' });
    const { state } = await signedIn(server);
    expect(state.user?.name).toBe('admin');
    expect(state.adminLevel).toBeUndefined();
  });
});

describe('ending admin access (WebSudo)', () => {
  it('ends the WebSudo raised in the Jira window, on one server and on all of them', async () => {
    const [alpha, beta] = await Promise.all([standIn(), standIn({ contextPath: '/jira' })]);
    const h = await core();
    const a = await h.addProfile({ baseUrl: alpha.baseUrl, username: 'admin' });
    const b = await h.addProfile({ baseUrl: beta.baseUrl, username: 'carol' });
    await h.core.invoke('session:login', a.id, { username: 'admin', password: 'admin' });
    await h.core.invoke('session:login', b.id, { username: 'carol', password: 'carol-pass' });
    await raiseWebSudoInWindow(h, alpha, a.id, 'admin');
    await raiseWebSudoInWindow(h, beta, b.id, 'carol-pass');
    expect([alpha.webSudoActive('admin'), beta.webSudoActive('carol')]).toEqual([true, true]);

    expect(await h.core.invoke('websudo:release', a.id)).toEqual({ profileId: a.id, released: true });
    expect(alpha.webSudoActive('admin')).toBe(false);
    // The session itself goes on: only admin access ended.
    expect((await h.core.invoke('session:refresh', a.id)).status).toBe('signed-in');

    await raiseWebSudoInWindow(h, alpha, a.id, 'admin');
    // Twice: a reset on a kept-alive connection is retried once on a new one.
    beta.injectFault({ kind: 'reset' }, { path: '/rest/auth/1/websudo', times: 2 });
    const results = await h.core.invoke('websudo:releaseAll');
    expect(results.find((result) => result.profileId === a.id)).toEqual({ profileId: a.id, released: true });
    expect(results.find((result) => result.profileId === b.id)).toMatchObject({
      released: false,
      error: { kind: 'unreachable' },
    });
    expect([alpha.webSudoActive('admin'), beta.webSudoActive('carol')]).toEqual([false, true]);
    expect(h.notices).toEqual([
      expect.objectContaining({
        title: 'Admin access could not be ended everywhere',
        body: expect.stringContaining(b.label) as unknown,
      }),
    ]);
  });

  it('ends admin access before signing out', async () => {
    const server = await standIn();
    const { h, profile } = await signedIn(server);
    await raiseWebSudoInWindow(h, server, profile.id, 'admin');
    server.requests.length = 0;
    const result = await h.core.invoke('session:logout', profile.id);
    expect(result.serverConfirmed).toBe(true);
    expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'DELETE /rest/auth/1/websudo',
      'DELETE /rest/auth/1/session',
    ]);
    expect(server.webSudoActive('admin')).toBe(false);
  });

  it('reports an expired session, and refuses a server that is not signed in', async () => {
    const server = await standIn();
    const { h, profile } = await signedIn(server);
    server.expireAllSessions();
    expect((await rejection(h.core.invoke('websudo:release', profile.id))).kind).toBe('session-expired');
    expect((await h.core.invoke('sessions:list'))[0]?.status).toBe('expired');
    expect((await rejection(h.core.invoke('websudo:release', profile.id))).kind).toBe('not-signed-in');
  });
});

describe('personal access tokens', () => {
  it('creates, lists and revokes a token; the raw value is answered once and kept nowhere', async () => {
    const server = await standIn();
    const { h, profile } = await signedIn(server);
    const created = await h.core.invoke('tokens:create', profile.id, { name: ' Nightly backup ', expiresInDays: 90 });
    expect(created.name).toBe('Nightly backup');
    expect(created.rawToken.length).toBeGreaterThan(20);
    expect(Date.parse(created.expiringAt ?? '') - Date.parse(created.createdAt ?? '')).toBe(90 * DAY_MS);
    expect(server.personalAccessTokens()).toMatchObject([{ id: created.id, owner: 'admin', name: 'Nightly backup' }]);

    const listed = await h.core.invoke('tokens:list', profile.id);
    expect(listed).toEqual([
      { id: created.id, name: 'Nightly backup', createdAt: created.createdAt, expiringAt: created.expiringAt },
    ]);
    expect(JSON.stringify(listed)).not.toContain(created.rawToken);

    await h.core.invoke('tokens:revoke', profile.id, created.id);
    expect(server.personalAccessTokens()).toEqual([]);
    expect(await h.core.invoke('tokens:list', profile.id)).toEqual([]);
    expect((await rejection(h.core.invoke('tokens:revoke', profile.id, created.id))).kind).toBe('not-found');
  });

  it('refuses a bad name or lifetime before calling Jira', async () => {
    const server = await standIn();
    const { h, profile } = await signedIn(server);
    server.requests.length = 0;
    expect(
      await rejection(h.core.invoke('tokens:create', profile.id, { name: '  ', expiresInDays: 30 })),
    ).toMatchObject({ kind: 'invalid-input', field: 'name' });
    expect(
      await rejection(h.core.invoke('tokens:create', profile.id, { name: 'ci', expiresInDays: 0.5 })),
    ).toMatchObject({ kind: 'invalid-input', field: 'expiresInDays' });
    expect(server.requests).toEqual([]);
  });

  it('says plainly when tokens are not available, and when the session has expired', async () => {
    const server = await standIn({ tokensUnavailable: true });
    const { h, profile } = await signedIn(server);
    const unavailable = await rejection(h.core.invoke('tokens:list', profile.id));
    expect(unavailable.kind).toBe('tokens-unavailable');
    expect(unavailable.message).toBe('Personal access tokens are not available on this server.');
    server.setOptions({ tokensUnavailable: false });
    server.injectFault({ kind: 'status', status: 403, body: '{}', contentType: 'application/json' });
    expect((await rejection(h.core.invoke('tokens:create', profile.id, { name: 'x', expiresInDays: 1 }))).kind).toBe(
      'tokens-unavailable',
    );
    // A stale session id on a REST path outside /rest/auth: Seraph's HTML 401.
    server.injectFault({
      kind: 'status',
      status: 401,
      body: '<html><body>os_authType was any and an invalid cookie was sent.</body></html>',
      contentType: 'text/html',
    });
    expect((await rejection(h.core.invoke('tokens:list', profile.id))).kind).toBe('session-expired');
    expect((await h.core.invoke('sessions:list'))[0]?.status).toBe('expired');
  });

  it('lists the tokens of every server that expire within 14 days and announces each once', async () => {
    const [alpha, beta, old] = await Promise.all([standIn(), standIn(), standIn({ tokensUnavailable: true })]);
    const h = await core();
    const ids = [];
    for (const [server, user, password] of [
      [alpha, 'admin', 'admin'],
      [beta, 'fred', 'fred123'],
      [old, 'admin', 'admin'],
    ] as const) {
      const profile = await h.addProfile({ baseUrl: server.baseUrl, username: user, label: `Server ${ids.length}` });
      await h.core.invoke('session:login', profile.id, { username: user, password });
      ids.push(profile.id);
    }
    const soon = await h.core.invoke('tokens:create', ids[0]!, { name: 'deploy', expiresInDays: 10 });
    await h.core.invoke('tokens:create', ids[0]!, { name: 'reports', expiresInDays: 90 });
    const later = await h.core.invoke('tokens:create', ids[1]!, { name: 'sync', expiresInDays: 30 });
    expect(h.notices).toEqual([]);

    const first = await h.core.invoke('tokens:expiring');
    expect(first.tokens.map(({ profileId, token }) => [profileId, token.name])).toEqual([[ids[0], 'deploy']]);
    expect(first.problems).toEqual([
      { profileId: ids[2], error: expect.objectContaining({ kind: 'tokens-unavailable' }) as unknown },
    ]);
    expect(h.notices).toHaveLength(1);
    expect(h.notices[0]).toMatchObject({ profileId: ids[0], title: expect.stringContaining('Server 0') as unknown });
    expect(h.notices[0]?.body).toContain('"deploy"');

    // Sixteen days on, beta's token enters the window: one more notice, none again for alpha's.
    beta.agePersonalAccessToken(later.id, 16 * DAY_MS);
    const second = await h.core.invoke('tokens:expiring');
    expect(second.tokens.map(({ token }) => token.name)).toEqual(['deploy', 'sync']);
    expect(h.notices).toHaveLength(2);
    expect(h.notices[1]?.body).toContain('"sync"');
    expect(soon.rawToken).not.toBe(later.rawToken);
  });
});
