// A server behind single sign-on sends REST calls without a live session on to its SSO page (HTML, 200, speaking
// for "anonymous"). For a session the app held, that is the session ending — expired, as on any server — and not
// an unexpected answer; for a profile that never had one it stays the SSO page it is.
import { CookieJar } from 'tough-cookie';
import { afterEach, describe, expect, it } from 'vitest';
import { jarToWebCookies } from '../../electron/core/web/web-cookies';
import type { WebCookie } from '../../electron/core/web/web-session-port';
import type { JiraStandIn } from '../support/jira-stand-in';
import { testResources } from '../support/test-resources';

const { standIn, core, closeAll } = testResources();
afterEach(closeAll);

/** What a browser holds after the identity provider's signed answer reached the server's assertion consumer. */
async function sessionCookies(server: JiraStandIn): Promise<WebCookie[]> {
  const jar = new CookieJar();
  const url = `${server.baseUrl}/plugins/servlet/samlconsumer`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ SAMLResponse: server.identityProvider!.issueResponse('admin'), RelayState: '/' }),
    redirect: 'manual',
  });
  expect(response.status).toBe(302);
  for (const header of response.headers.getSetCookie()) await jar.setCookie(header, url);
  return jarToWebCookies(JSON.stringify(jar.serializeSync()), Date.now());
}

describe('session checks behind single sign-on', () => {
  it('shows an ended web session as expired, with the notice that offers the web sign-in again', async () => {
    const server = await standIn({ sso: true, contextPath: '/jira' });
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl, signInMethod: 'web' });
    const adopted = await h.core.web.adoptSignIn(profile.id, await sessionCookies(server));
    expect(adopted?.status).toBe('signed-in');
    expect((await h.core.invoke('session:refresh', profile.id)).status).toBe('signed-in');

    server.expireAllSessions();
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state).toMatchObject({ status: 'expired', cookieNames: [] });
    expect(state.error?.kind).toBe('session-expired');
    expect(h.notices.map((notice) => notice.body)).toEqual([
      `Your Jira session on ${profile.label} has ended. Sign in on the web page again to continue.`,
    ]);
  });

  it('still reports the SSO page for a profile that holds no session', async () => {
    const server = await standIn({ sso: true });
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    const state = await h.core.invoke('session:refresh', profile.id);
    expect(state.status).not.toBe('expired');
    expect(h.notices).toEqual([]);
  });
});
