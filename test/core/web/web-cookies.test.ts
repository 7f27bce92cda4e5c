import { CookieJar } from 'tough-cookie';
import { describe, expect, it } from 'vitest';
import type { WebCookie } from '../../../electron/core/web/web-session-port';
import { jarToWebCookies, webCookiesToJar } from '../../../electron/core/web/web-cookies';

const NOW = Date.parse('2026-12-02T10:00:00.000Z');

async function jarWith(url: string, ...headers: string[]): Promise<string> {
  const jar = new CookieJar();
  for (const header of headers) await jar.setCookie(header, url, { now: new Date(NOW) });
  return JSON.stringify(jar.serializeSync());
}

describe('jarToWebCookies', () => {
  const cases: { name: string; url: string; header: string; expected: WebCookie }[] = [
    {
      name: 'a host-only session cookie under the context path',
      url: 'http://127.0.0.1:8080/jira/rest/auth/1/session',
      header: 'JSESSIONID=6E34; Path=/jira; HttpOnly',
      expected: {
        name: 'JSESSIONID',
        value: '6E34',
        domain: '127.0.0.1',
        hostOnly: true,
        path: '/jira',
        secure: false,
        httpOnly: true,
        sameSite: 'unspecified',
      },
    },
    {
      name: 'a secure SameSite=None token',
      url: 'https://jira.example.com/rest/auth/1/session',
      header: 'atlassian.xsrf.token=B2C3_lin; Path=/; Secure; SameSite=None',
      expected: {
        name: 'atlassian.xsrf.token',
        value: 'B2C3_lin',
        domain: 'jira.example.com',
        hostOnly: true,
        path: '/',
        secure: true,
        httpOnly: false,
        sameSite: 'no_restriction',
      },
    },
    {
      name: 'a sticky cookie with Max-Age',
      url: 'https://jira.example.com/rest/auth/1/session',
      header: 'ROUTEID=.node2; Path=/; Max-Age=3600; SameSite=Strict',
      expected: {
        name: 'ROUTEID',
        value: '.node2',
        domain: 'jira.example.com',
        hostOnly: true,
        path: '/',
        secure: false,
        httpOnly: false,
        sameSite: 'strict',
        expirationDate: NOW / 1000 + 3600,
      },
    },
    {
      name: 'a domain cookie with Expires',
      url: 'https://jira.example.com/',
      header: 'AWSALB=abc; Domain=example.com; Path=/; Expires=Wed, 09 Jun 2027 10:18:14 GMT; SameSite=Lax',
      expected: {
        name: 'AWSALB',
        value: 'abc',
        domain: '.example.com',
        hostOnly: false,
        path: '/',
        secure: false,
        httpOnly: false,
        sameSite: 'lax',
        expirationDate: Date.parse('2027-06-09T10:18:14.000Z') / 1000,
      },
    },
  ];

  it.each(cases)('translates $name', async ({ url, header, expected }) => {
    expect(jarToWebCookies(await jarWith(url, header), NOW)).toEqual([expected]);
  });

  it('leaves cookies that have expired behind', async () => {
    const jar = await jarWith('https://jira.example.com/', 'old=1; Path=/; Max-Age=60', 'JSESSIONID=A; Path=/');
    expect(jarToWebCookies(jar, NOW + 120_000).map((cookie) => cookie.name)).toEqual(['JSESSIONID']);
  });
});

describe('webCookiesToJar', () => {
  const base: Omit<WebCookie, 'name' | 'value' | 'domain'> = {
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: false,
    sameSite: 'unspecified',
  };

  async function cookieHeader(serializedJar: string, url: string): Promise<string> {
    return CookieJar.deserializeSync(serializedJar).getCookieString(url);
  }

  it('round-trips a jar so the same Cookie header goes to the server', async () => {
    const url = 'https://127.0.0.1:8443/jira/rest/auth/1/session';
    const jar = await jarWith(
      url,
      'JSESSIONID=6E34; Path=/jira; Secure; HttpOnly',
      'atlassian.xsrf.token=T_lin; Path=/jira; Secure; SameSite=None',
      'ROUTEID=.node1; Path=/',
    );
    const back = webCookiesToJar(jarToWebCookies(jar, NOW), 'https://127.0.0.1:8443/jira', NOW);
    expect(await cookieHeader(back, url)).toBe(await cookieHeader(jar, url));
    expect(await cookieHeader(back, 'https://127.0.0.1:8443/other')).toBe('ROUTEID=.node1');
  });

  const filtering: { name: string; cookie: WebCookie; kept: boolean }[] = [
    {
      name: "the server's host-only cookie",
      cookie: { ...base, name: 'a', value: '1', domain: 'jira.example.com' },
      kept: true,
    },
    {
      name: 'a parent-domain cookie',
      cookie: { ...base, name: 'b', value: '1', domain: '.example.com', hostOnly: false },
      kept: true,
    },
    {
      name: "the identity provider's cookie",
      cookie: { ...base, name: 'c', value: '1', domain: 'idp.example.org' },
      kept: false,
    },
    {
      name: "a sibling host's host-only cookie",
      cookie: { ...base, name: 'd', value: '1', domain: 'example.com' },
      kept: false,
    },
    {
      name: 'an expired cookie',
      cookie: { ...base, name: 'e', value: '1', domain: 'jira.example.com', expirationDate: NOW / 1000 - 1 },
      kept: false,
    },
  ];

  it.each(filtering)('keeps only what the server is sent: $name', ({ cookie, kept }) => {
    const jar = webCookiesToJar([cookie], 'https://jira.example.com', NOW);
    expect(jarToWebCookies(jar, NOW).map((entry) => entry.name)).toEqual(kept ? [cookie.name] : []);
  });

  it('keeps flags, SameSite and expiry', () => {
    const cookie: WebCookie = {
      ...base,
      name: 'JSESSIONID',
      value: 'X',
      domain: 'jira.example.com',
      path: '/jira',
      secure: true,
      httpOnly: true,
      sameSite: 'strict',
      expirationDate: NOW / 1000 + 600,
    };
    expect(jarToWebCookies(webCookiesToJar([cookie], 'https://jira.example.com/jira', NOW), NOW)).toEqual([cookie]);
  });
});
