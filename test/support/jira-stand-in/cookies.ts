// Cookie parsing and the Set-Cookie lines Jira (and the load balancer in front of it) send.
import { randomBytes } from 'node:crypto';

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    // The first occurrence wins, as in Tomcat, when a client sends a name twice.
    if (!cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
}

export interface CookieScope {
  /** The context path, or '/'. */
  path: string;
  secure: boolean;
}

const EXPIRED = 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT';

export function sessionCookie(sessionId: string, scope: CookieScope): string {
  return `JSESSIONID=${sessionId}; Path=${scope.path}${scope.secure ? '; Secure' : ''}; HttpOnly`;
}

export function clearedSessionCookie(scope: CookieScope): string {
  return clearedCookie('JSESSIONID', scope);
}

/** `XXXX-XXXX-XXXX-XXXX_<40 hex>_lin` (`_lout` when logged out); the first part is the instance's server id. */
export function xsrfCookie(serverId: string, loggedIn: boolean, scope: CookieScope): string {
  const token = `${serverId}_${randomBytes(20).toString('hex')}_${loggedIn ? 'lin' : 'lout'}`;
  return `atlassian.xsrf.token=${token}; Path=${scope.path}${scope.secure ? '; Secure; SameSite=None' : ''}`;
}

/** Apache mod_proxy_balancer style stickiness cookie; scoped to / because the balancer knows no context path. */
export function routeCookie(nodeId: string): string {
  return `ROUTEID=.${nodeId}; Path=/`;
}

export function newServerId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length] ?? 'A').join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

/** A cookie that lives `maxAgeSeconds` at most (two-step's pre-authentication, SSO's remember-me). */
export function expiringCookie(name: string, value: string, maxAgeSeconds: number, scope: CookieScope): string {
  return `${name}=${value}; Max-Age=${maxAgeSeconds}; Path=${scope.path}${scope.secure ? '; Secure' : ''}; HttpOnly`;
}

export function clearedCookie(name: string, scope: CookieScope): string {
  return `${name}=; Path=${scope.path}; ${EXPIRED}${scope.secure ? '; Secure' : ''}; HttpOnly`;
}

/** Set by SSO logins, as Seraph's "remember me" does; /logout deletes it. */
export const REMEMBER_ME_COOKIE = 'seraph.rememberme.cookie';
