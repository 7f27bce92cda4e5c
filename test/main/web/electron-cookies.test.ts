import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cookie } from 'electron';
import type { WebCookie } from '../../../electron/core/web/web-session-port';
import {
  cookieBelongsToHost,
  cookieFingerprint,
  fromElectronCookie,
  sessionCookieValue,
  toCookieDetails,
} from '../../../electron/main/web/electron-cookies';
import { FakeCookies, resetElectronMock } from '../electron-mock';
import { STICKY_COOKIE, jiraCookie } from './web-windows-setup';

vi.mock('electron', () => import('../electron-mock').then((mock) => mock.electronModule));

beforeEach(() => resetElectronMock());

const cookie = (overrides: Partial<WebCookie> = {}): WebCookie => jiraCookie({ value: 'A1B2C3', ...overrides });

const HTTPS_SERVER = new URL('https://jira.example.com/jira');
const LOOPBACK_SERVER = new URL('http://127.0.0.1:8080/jira');

describe('toCookieDetails', () => {
  it.each([
    {
      case: 'host-only session cookie under the context path',
      cookie: cookie(),
      server: HTTPS_SERVER,
      details: {
        url: 'https://jira.example.com/jira',
        name: 'JSESSIONID',
        value: 'A1B2C3',
        path: '/jira',
        secure: true,
        httpOnly: true,
        sameSite: 'unspecified',
      },
    },
    {
      case: "a domain cookie (the balancer's sticky cookie), expiring, SameSite=None",
      cookie: STICKY_COOKIE,
      server: HTTPS_SERVER,
      details: {
        url: 'https://example.com/',
        name: 'AWSALB',
        value: 'node-2',
        domain: '.example.com',
        path: '/',
        secure: true,
        httpOnly: false,
        sameSite: 'no_restriction',
        expirationDate: 1_900_000_000,
      },
    },
    {
      case: 'IPv4 host with a port, not secure, lax (the XSRF token)',
      cookie: cookie({
        name: 'atlassian.xsrf.token',
        value: 'BP8Q|lin',
        domain: '127.0.0.1',
        secure: false,
        httpOnly: false,
        sameSite: 'lax',
      }),
      server: LOOPBACK_SERVER,
      details: {
        url: 'http://127.0.0.1:8080/jira',
        name: 'atlassian.xsrf.token',
        value: 'BP8Q|lin',
        path: '/jira',
        secure: false,
        httpOnly: false,
        sameSite: 'lax',
      },
    },
    {
      case: 'strict, on the root path',
      cookie: cookie({ path: '/', sameSite: 'strict' }),
      server: HTTPS_SERVER,
      details: {
        url: 'https://jira.example.com/',
        name: 'JSESSIONID',
        value: 'A1B2C3',
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'strict',
      },
    },
  ])('$case', ({ cookie: input, server, details }) => {
    expect(toCookieDetails(input, server)).toEqual(details);
  });

  it('gives a host-only cookie no domain, so Electron keeps it host-only', () => {
    expect(toCookieDetails(cookie(), HTTPS_SERVER)).not.toHaveProperty('domain');
    expect(toCookieDetails(cookie({ domain: '.example.com', hostOnly: false }), HTTPS_SERVER).domain).toBe(
      '.example.com',
    );
  });

  it('leaves a session cookie without an expiry and keeps an expiring one', () => {
    expect(toCookieDetails(cookie(), HTTPS_SERVER)).not.toHaveProperty('expirationDate');
    expect(toCookieDetails(cookie({ expirationDate: 1_800_000_000.5 }), HTTPS_SERVER).expirationDate).toBe(
      1_800_000_000.5,
    );
  });

  it('asks for https whenever the cookie is Secure, even on a plain-http server', () => {
    expect(toCookieDetails(cookie({ domain: '127.0.0.1' }), LOOPBACK_SERVER).url).toBe('https://127.0.0.1/jira');
  });
});

describe('fromElectronCookie', () => {
  const electronCookie = (overrides: Partial<Cookie> = {}): Cookie => ({
    name: 'JSESSIONID',
    value: 'A1B2C3',
    domain: 'jira.example.com',
    hostOnly: true,
    path: '/jira',
    secure: true,
    httpOnly: true,
    session: true,
    sameSite: 'unspecified',
    ...overrides,
  });

  it('takes a session cookie as it is, without an expiry', () => {
    expect(fromElectronCookie(electronCookie())).toEqual(cookie());
  });

  it('keeps the expiry of a persistent cookie', () => {
    expect(fromElectronCookie(electronCookie({ session: false, expirationDate: 1_900_000_000 }))).toEqual(
      cookie({ expirationDate: 1_900_000_000 }),
    );
  });

  it('fills what Electron leaves out with the RFC 6265 defaults', () => {
    expect(fromElectronCookie({ name: 'a', value: 'b', domain: '.example.com', sameSite: 'lax' } as Cookie)).toEqual({
      name: 'a',
      value: 'b',
      domain: '.example.com',
      hostOnly: false,
      path: '/',
      secure: false,
      httpOnly: false,
      sameSite: 'lax',
    });
  });
});

describe('a round trip through a cookie store', () => {
  it.each([
    ['host-only under the context path', cookie(), HTTPS_SERVER],
    [
      'domain cookie, expiring',
      cookie({ domain: '.example.com', hostOnly: false, path: '/', expirationDate: 1_900_000_000 }),
      HTTPS_SERVER,
    ],
    ['loopback with a port', cookie({ domain: '127.0.0.1', secure: false, sameSite: 'lax' }), LOOPBACK_SERVER],
  ])('%s comes back unchanged', async (_case, original, server) => {
    const store = new FakeCookies('test');
    await store.set(toCookieDetails(original, server));
    expect((await store.get({})).map(fromElectronCookie)).toEqual([original]);
  });
});

describe('cookieBelongsToHost', () => {
  it.each([
    [{ domain: 'jira.example.com', hostOnly: true }, 'jira.example.com', true],
    [{ domain: 'jira.example.com', hostOnly: true }, 'other.jira.example.com', false],
    [{ domain: '.example.com', hostOnly: false }, 'jira.example.com', true],
    [{ domain: '.example.com', hostOnly: false }, 'example.com', true],
    [{ domain: '.example.com', hostOnly: false }, 'notexample.com', false],
    [{ domain: '.idp.example.net', hostOnly: false }, 'jira.example.com', false],
    [{ domain: '127.0.0.1', hostOnly: true }, '127.0.0.1', true],
  ])('%o for %s: %s', (input, host, expected) => {
    expect(cookieBelongsToHost(input, host)).toBe(expected);
  });
});

describe('cookieFingerprint and sessionCookieValue', () => {
  it('ignores order but not values', () => {
    const xsrf = cookie({ name: 'atlassian.xsrf.token', value: 'x' });
    expect(cookieFingerprint([cookie(), xsrf])).toBe(cookieFingerprint([xsrf, cookie()]));
    expect(cookieFingerprint([cookie(), xsrf])).not.toBe(cookieFingerprint([cookie({ value: 'NEW' }), xsrf]));
  });

  it('finds the session cookie', () => {
    expect(sessionCookieValue([cookie({ name: 'AWSALB' }), cookie({ value: 'S1' })])).toBe('S1');
    expect(sessionCookieValue([cookie({ name: 'AWSALB' })])).toBeUndefined();
  });
});
