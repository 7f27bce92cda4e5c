// What every browser sign-in ends with (login form, two-step code, SSO assertion): a fresh session on the node the
// balancer picked, JSESSIONID and a `_lin` XSRF token, and a redirect to where the user was going.
import { sessionCookie, xsrfCookie } from './cookies';
import type { Exchange, JiraInstance, Reply } from './jira-api';
import { html, readBody } from './replies';
import type { SeedUser } from './types';
import type { PageFrame } from './web-pages';

export const DEFAULT_DESTINATION = '/secure/Dashboard.jspa';

export function redirect(location: string, headers: Record<string, string | string[]> = {}): Reply {
  return { status: 302, headers: { ...headers, Location: location } };
}

/**
 * A destination on this server, relative to the context path, or undefined for anything else: another origin, a
 * scheme-relative `//host` or `/\host` (which browsers read as another host), or a path outside the context path.
 */
export function localDestination(value: string | null | undefined, jira: JiraInstance): string | undefined {
  if (value === null || value === undefined || /^[/\\]{2}/.test(value)) return undefined;
  if (value.startsWith('/')) {
    // Jira's destinations are relative to the context path.
    const url = new URL(value, jira.origin);
    return `${url.pathname}${url.search}`;
  }
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.origin !== jira.origin || !url.pathname.startsWith(`${jira.contextPath}/`)) return undefined;
  return `${url.pathname.slice(jira.contextPath.length)}${url.search}`;
}

/** Reads an `application/x-www-form-urlencoded` body (what a browser's form posts); undefined for anything else. */
export async function readForm(exchange: Exchange): Promise<URLSearchParams | undefined> {
  const type = exchange.req.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return undefined;
  const text = await readBody(exchange.req);
  return text === undefined ? undefined : new URLSearchParams(text);
}

export function unsupportedForm(): Reply {
  return html(415, '<!DOCTYPE html><html lang="en"><head><title>Unsupported Media Type</title></head></html>\n');
}

/** Signs the user in for the browser: replaces the request's session (no session fixation), counts the login. */
export function startWebSession(
  exchange: Exchange,
  jira: JiraInstance,
  username: string,
  destination: string | undefined,
  extraCookies: string[] = [],
): Reply {
  jira.users.recordSuccess(username, exchange.now);
  if (exchange.session !== undefined) exchange.node.sessions.destroy(exchange.session.id);
  const session = exchange.node.sessions.create(username, exchange.now);
  const cookies = [sessionCookie(session.id, jira.cookieScope), xsrfCookie(jira.serverId, true, jira.cookieScope)];
  const reply = redirect(`${jira.baseUrl}${destination ?? DEFAULT_DESTINATION}`, {
    'Set-Cookie': [...cookies, ...extraCookies],
    'X-Seraph-LoginReason': 'OK',
  });
  return { ...reply, session };
}

export function frameFor(jira: JiraInstance, user?: SeedUser): PageFrame {
  return { serverTitle: jira.serverTitle, contextPath: jira.contextPath, ...(user ? { user } : {}) };
}

/** Seraph's answer to an anonymous browser on a page that needs a user: the login page, coming back here after. */
export function loginRedirect(exchange: Exchange, jira: JiraInstance): Reply {
  return redirect(`${jira.baseUrl}/login.jsp?os_destination=${encodeURIComponent(requestTarget(exchange))}`);
}

/** The request's path and query, relative to the context path: where to come back to after a detour. */
export function requestTarget(exchange: Exchange): string {
  const search = exchange.query.toString();
  return `${exchange.path}${search === '' ? '' : `?${search}`}`;
}

/** The signed-in user of a browser request, or the reply that sends an anonymous browser to the login page. */
export function webUser(exchange: Exchange, jira: JiraInstance): SeedUser | Reply {
  const user = exchange.session === undefined ? undefined : jira.users.find(exchange.session.username);
  return user ?? loginRedirect(exchange, jira);
}
