// The core's side of Jira's web UI, against real stand-ins: a profile's cookies handed out for its web window,
// a session made in a browser adopted once the server confirms it, and changes made in the window taken back.
import { CookieJar } from 'tough-cookie';
import { afterEach, describe, expect, it } from 'vitest';
import { jarToWebCookies } from '../../electron/core/web/web-cookies';
import type { WebCookie, WebSessionChange } from '../../electron/core/web/web-session-port';
import type { JiraStandIn } from '../support/jira-stand-in';
import { testResources } from '../support/test-resources';

const { standIn, core, closeAll } = testResources();
afterEach(closeAll);

/** What a browser holds after signing in to the server on its own: a real session the app has never seen. */
async function browserCookies(server: JiraStandIn, username: string, password: string): Promise<WebCookie[]> {
  const jar = new CookieJar();
  const url = `${server.baseUrl}/rest/auth/1/session`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: await jar.getCookieString(url) },
    body: JSON.stringify({ username, password }),
  });
  expect(response.status).toBe(200);
  for (const header of response.headers.getSetCookie()) await jar.setCookie(header, url);
  return jarToWebCookies(JSON.stringify(jar.serializeSync()), Date.now());
}

function value(cookies: WebCookie[], name: string): string | undefined {
  return cookies.find((cookie) => cookie.name === name)?.value;
}

describe('web sessions in the core', () => {
  it("hands out the profile's session cookies: JSESSIONID under the context path and the sticky cookie", async () => {
    const server = await standIn({ contextPath: '/jira', cluster: true });
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    expect(await h.core.web.cookies(profile.id)).toEqual([]);
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });

    const cookies = await h.core.web.cookies(profile.id);
    const session = cookies.find((cookie) => cookie.name === 'JSESSIONID');
    expect(session).toMatchObject({ domain: '127.0.0.1', hostOnly: true, path: '/jira', httpOnly: true });
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['JSESSIONID', 'ROUTEID', 'atlassian.xsrf.token']);
    // The state the renderer gets names the cookies, never their values.
    const states = JSON.stringify(await h.core.invoke('sessions:list'));
    expect(states).toContain('JSESSIONID');
    expect(states).not.toContain(session!.value);
  });

  it('adopts a session signed in on the web page, which then behaves like any other', async () => {
    const server = await standIn({ contextPath: '/jira' });
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'fred', signInMethod: 'web' });
    expect(profile.signInMethod).toBe('web');
    const cookies = await browserCookies(server, 'fred', 'fred123');

    const state = await h.core.web.adoptSignIn(profile.id, cookies);
    expect(state).toMatchObject({ status: 'signed-in', persisted: true, warnings: [] });
    expect(state?.user?.displayName).toBe('Fred F. User');
    expect(state?.serverInfo?.version).toBe('10.3.4');
    expect(value(await h.core.web.cookies(profile.id), 'JSESSIONID')).toBe(value(cookies, 'JSESSIONID'));

    expect((await h.core.invoke('session:refresh', profile.id)).status).toBe('signed-in');
    const restarted = await h.restart();
    const restored = await restarted.core.invoke('session:refresh', profile.id);
    expect(restored.status).toBe('signed-in');
    const result = await restarted.core.invoke('session:logout', profile.id);
    expect(result.serverConfirmed).toBe(true);
    expect(server.activeSessionCount()).toBe(0);
    await restarted.dispose();
  });

  it('says which account a single sign-on ended up as when it is not the one the profile names', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, username: 'admin', signInMethod: 'web' });
    const state = await h.core.web.adoptSignIn(profile.id, await browserCookies(server, 'alice', 'alice-pass'));
    expect(state?.user?.name).toBe('alice');
    expect(state?.warnings).toEqual(['Signed in on the web page as alice, not as admin as saved for this server.']);
  });

  it('adopts nothing while the cookies name no signed-in user, and asks the server nothing without a session id', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, signInMethod: 'web' });
    const stale = (await browserCookies(server, 'admin', 'admin')).map((cookie) =>
      cookie.name === 'JSESSIONID' ? { ...cookie, value: 'DEADBEEF' } : cookie,
    );
    expect(await h.core.web.adoptSignIn(profile.id, stale)).toBeNull();
    server.requests.length = 0;
    const anonymous = stale.filter((cookie) => cookie.name !== 'JSESSIONID');
    expect(await h.core.web.adoptSignIn(profile.id, anonymous)).toBeNull();
    expect(server.requests).toEqual([]);
    const [state] = await h.core.invoke('sessions:list');
    expect(state).toMatchObject({ status: 'signed-out', cookieNames: [], persisted: false });
  });

  it("ignores the identity provider's cookies and keeps only what the server is sent", async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, signInMethod: 'web' });
    const idpCookie: WebCookie = {
      name: 'idp_session',
      value: 'secret-at-the-idp',
      domain: 'idp.example.org',
      hostOnly: true,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
    };
    await h.core.web.adoptSignIn(profile.id, [...(await browserCookies(server, 'admin', 'admin')), idpCookie]);
    const [state] = await h.core.invoke('sessions:list');
    expect(state?.cookieNames).toEqual(['JSESSIONID', 'atlassian.xsrf.token']);
  });

  it('takes a new session id from the window (administrator re-authentication) without a new sign-in', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    const signedIn = await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    const renewed = await browserCookies(server, 'admin', 'admin');
    const seen: WebSessionChange[] = [];
    h.core.web.onChange((change) => seen.push(change));

    await h.core.web.sync(profile.id, renewed);
    const [state] = await h.core.invoke('sessions:list');
    expect(state).toMatchObject({ status: 'signed-in', signedInAt: signedIn.signedInAt });
    expect(value(await h.core.web.cookies(profile.id), 'JSESSIONID')).toBe(value(renewed, 'JSESSIONID'));
    // The change came from the window: nothing is echoed back to it.
    expect(seen).toEqual([]);
    const restarted = await h.restart();
    expect((await restarted.core.invoke('session:refresh', profile.id)).status).toBe('signed-in');
    await restarted.dispose();
  });

  it('shows a sign-out in the web window as signed out, with the reason', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    // What Jira's /logout leaves in the browser: a fresh anonymous session id and the token marked "logged out".
    const afterLogout = (await h.core.web.cookies(profile.id)).map((cookie) =>
      cookie.name === 'JSESSIONID'
        ? { ...cookie, value: 'ANONYMOUS0001' }
        : cookie.name === 'atlassian.xsrf.token'
          ? { ...cookie, value: cookie.value.replace(/_lin$/, '_lout') }
          : cookie,
    );
    await h.core.web.sync(profile.id, afterLogout);
    const [state] = await h.core.invoke('sessions:list');
    expect(state).toMatchObject({
      status: 'signed-out',
      signedOutReason: 'Signed out in the Jira window.',
      cookieNames: [],
      persisted: false,
    });
  });

  it('treats a web session that ran out as expired, and never signs a web profile in again by itself', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, signInMethod: 'web' });
    await h.core.web.adoptSignIn(profile.id, await browserCookies(server, 'admin', 'admin'));
    server.expireAllSessions();
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.status).toBe('expired');
    expect(h.notices.map((notice) => notice.body)).toEqual([
      `Your Jira session on ${profile.label} has ended. Sign in on the web page again to continue.`,
    ]);
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('tells the web windows when cookies change in the app and when a session ends', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    const seen: WebSessionChange[] = [];
    h.core.web.onChange((change) => seen.push(change));
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    await h.core.invoke('session:logout', profile.id);
    await h.core.invoke('profiles:remove', profile.id);
    expect(seen).toEqual([
      { kind: 'cookies-changed', profileId: profile.id },
      { kind: 'ended', profileId: profile.id },
      { kind: 'ended', profileId: profile.id },
    ]);
  });
});
