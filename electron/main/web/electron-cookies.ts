// Translation between the core's cookies (WebCookie) and Electron's cookie store, and the rules for which cookies
// of a web session belong to the server. Pure code: no Electron call, only its types.
import type { Cookie, CookiesSetDetails } from 'electron';
import type { WebCookie } from '../../core';

/** Jira's session cookie (Tomcat's), whose arrival after a web sign-in is what the core checks. */
export const SESSION_COOKIE_NAME = 'JSESSIONID';

const domainWithoutDot = (domain: string): string => domain.replace(/^\./, '').toLowerCase();

/**
 * What `session.cookies.set` needs to recreate the cookie exactly. A host-only cookie gets no `domain` (Electron
 * would turn any domain into a domain cookie); the `url` names the cookie's own host and path, with the scheme a
 * secure cookie requires and, when the host is the server's, the server's port.
 */
export function toCookieDetails(cookie: WebCookie, server: URL): CookiesSetDetails {
  const host = domainWithoutDot(cookie.domain);
  const scheme = cookie.secure ? 'https:' : server.protocol;
  const port = host === server.hostname && scheme === server.protocol && server.port !== '' ? `:${server.port}` : '';
  const details: CookiesSetDetails = {
    url: `${scheme}//${host}${port}${cookie.path || '/'}`,
    name: cookie.name,
    value: cookie.value,
    path: cookie.path || '/',
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    // Electron would default a missing sameSite to lax, which is not what an unspecified cookie means.
    sameSite: cookie.sameSite,
  };
  if (!cookie.hostOnly) details.domain = cookie.domain;
  if (cookie.expirationDate !== undefined) details.expirationDate = cookie.expirationDate;
  return details;
}

/** An Electron cookie in the core's shape; Electron leaves some fields out, which get their RFC 6265 defaults. */
export function fromElectronCookie(cookie: Cookie): WebCookie {
  const web: WebCookie = {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain ?? '',
    hostOnly: cookie.hostOnly ?? !(cookie.domain ?? '').startsWith('.'),
    path: cookie.path ?? '/',
    secure: cookie.secure ?? false,
    httpOnly: cookie.httpOnly ?? false,
    sameSite: cookie.sameSite,
  };
  if (cookie.session !== true && cookie.expirationDate !== undefined) web.expirationDate = cookie.expirationDate;
  return web;
}

/** Whether the server's host would be sent the cookie (RFC 6265 domain matching; paths are the server's own). */
export function cookieBelongsToHost(cookie: Pick<WebCookie, 'domain' | 'hostOnly'>, hostname: string): boolean {
  const host = hostname.toLowerCase();
  const domain = domainWithoutDot(cookie.domain);
  if (cookie.hostOnly) return domain === host;
  return host === domain || host.endsWith(`.${domain}`);
}

/** A comparable summary of what a set of cookies says: equal summaries mean there is nothing new to hand over. */
export function cookieFingerprint(cookies: readonly WebCookie[]): string {
  return cookies
    .map((cookie) => JSON.stringify([cookie.name, domainWithoutDot(cookie.domain), cookie.path, cookie.value]))
    .sort()
    .join('\n');
}

/** The value of the session cookie, or undefined when there is none. */
export function sessionCookieValue(cookies: readonly WebCookie[]): string | undefined {
  return cookies.find((cookie) => cookie.name === SESSION_COOKIE_NAME)?.value;
}
