// The Jira resources the app uses, answering as real Jira does on the wire: bodies, status codes, headers and cookies.
// The server module does the transport (recording, latency, faults, rate limit, balancer); this one is "Jira".
import type { IncomingMessage } from 'node:http';
import { avatarPng } from './avatar-png';
import type { JiraNode } from './balancer';
import type { CookieScope } from './cookies';
import { clearedSessionCookie, parseCookies, sessionCookie, xsrfCookie } from './cookies';
import { formatJiraTime, formatJiraTimeSeconds } from './jira-time';
import { loginDeniedPage, loginPage, ssoLoginPage, staleCookiePage } from './pages';
import type { Session } from './sessions';
import type { LoginHistory, UserDirectory } from './users';
import type { SeedUser } from './types';

export interface JiraSettings {
  idleTimeoutMs: number;
  captchaAfterFailures: number | undefined;
  basicAuthDisabled: boolean;
  sso: boolean;
}

export interface JiraInstance {
  origin: string;
  contextPath: string;
  baseUrl: string;
  cookieScope: CookieScope;
  serverTitle: string;
  version: string;
  /** The first part of every XSRF token, fixed per instance as Jira's server id is. */
  serverId: string;
  users: UserDirectory;
  settings: JiraSettings;
}

export interface Exchange {
  req: IncomingMessage;
  method: string;
  /** Relative to the context path, without the query string. */
  path: string;
  query: URLSearchParams;
  node: JiraNode;
  /** The valid session the request's JSESSIONID names on this node, if any. */
  session: Session | undefined;
  now: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  contentType?: string;
  body?: string | Buffer;
  /** The session X-AUSERNAME / X-ASESSIONID speak for, when it differs from the request's (login). */
  session?: Session;
}

type Handler = (exchange: Exchange, jira: JiraInstance) => Reply | Promise<Reply>;

const JSON_TYPE = 'application/json;charset=UTF-8';
const HTML_TYPE = 'text/html;charset=UTF-8';
const NO_CACHE = { 'Cache-Control': 'no-cache' };
const MAX_BODY_BYTES = 64 * 1024;

const NOT_AUTHENTICATED = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};

export function json(status: number, value: unknown, headers?: Record<string, string | string[]>): Reply {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value), ...(headers ? { headers } : {}) };
}

export function html(status: number, body: string): Reply {
  return { status, contentType: HTML_TYPE, body };
}

function notAuthenticated(): Reply {
  return json(401, NOT_AUTHENTICATED);
}

function loginInfoJson(history: LoginHistory): Record<string, string | number> {
  // Jira leaves out what is still null: the failure count and times of a never-failed user, the first login's time.
  return {
    ...(history.failedLoginCount > 0 ? { failedLoginCount: history.failedLoginCount } : {}),
    loginCount: history.loginCount,
    ...(history.lastFailedLoginTime !== undefined
      ? { lastFailedLoginTime: formatJiraTime(history.lastFailedLoginTime) }
      : {}),
    ...(history.previousLoginTime !== undefined
      ? { previousLoginTime: formatJiraTime(history.previousLoginTime) }
      : {}),
  };
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseCredentials(text: string): { username: string; password: string } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { username, password } = value as Record<string, unknown>;
    return typeof username === 'string' && typeof password === 'string' ? { username, password } : undefined;
  } catch {
    return undefined;
  }
}

const login: Handler = async (exchange, jira) => {
  const { settings, users } = jira;
  // An SSO-only instance sends the browser login page even to REST clients.
  if (settings.sso) return html(200, ssoLoginPage(jira.serverTitle));
  if (settings.basicAuthDisabled)
    return json(403, { message: 'Basic Authentication has been disabled on this instance.' });
  const contentType = exchange.req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) return { status: 415 };
  const text = await readBody(exchange.req);
  const credentials = text === undefined ? undefined : parseCredentials(text);
  if (credentials === undefined) {
    return json(400, {
      errorMessages: ['Invalid request body: expected {"username": "...", "password": "..."}.'],
      errors: {},
    });
  }
  const user = users.find(credentials.username);
  if (user !== undefined && users.needsCaptcha(user.name, settings.captchaAfterFailures)) {
    // Denied by Seraph's filter before the password is even checked (the right one gets the same answer), so the
    // body is its HTML page: only the header says why.
    return {
      ...html(403, loginDeniedPage()),
      headers: {
        'X-Authentication-Denied-Reason': `CAPTCHA_CHALLENGE; login-url=${jira.baseUrl}/login.jsp`,
        'X-Seraph-LoginReason': 'AUTHENTICATION_DENIED',
      },
    };
  }
  if (user === undefined || user.password !== credentials.password) {
    if (user !== undefined) users.recordFailure(user.name, exchange.now);
    return json(
      401,
      { errorMessages: ['Login failed'], errors: {} },
      { 'WWW-Authenticate': 'JIRA REST POST', 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED' },
    );
  }
  if (user.applicationRoles?.length === 0) {
    // The right password of an account without application access (a licence): refused after authentication.
    return json(
      401,
      { errorMessages: ['Login failed'], errors: {} },
      { 'WWW-Authenticate': 'JIRA REST POST', 'X-Seraph-LoginReason': 'AUTHORISATION_FAILED' },
    );
  }
  const history = users.recordSuccess(user.name, exchange.now);
  // A login replaces the session the request came with (Seraph's protection against session fixation).
  if (exchange.session !== undefined) exchange.node.sessions.destroy(exchange.session.id);
  const session = exchange.node.sessions.create(user.name, exchange.now);
  const reply = json(
    200,
    { session: { name: 'JSESSIONID', value: session.id }, loginInfo: loginInfoJson(history) },
    {
      'Set-Cookie': [sessionCookie(session.id, jira.cookieScope), xsrfCookie(jira.serverId, true, jira.cookieScope)],
      'X-Seraph-LoginReason': 'OK',
    },
  );
  // X-AUSERNAME / X-ASESSIONID speak for the request's session: Jira's filters stamp them before the login runs,
  // so a fresh client reads `anonymous` on its own successful login.
  return reply;
};

const currentUser: Handler = (exchange, jira) => {
  const session = exchange.session;
  if (session === undefined) return notAuthenticated();
  return json(
    200,
    {
      self: `${jira.baseUrl}/rest/api/latest/user?username=${encodeURIComponent(session.username)}`,
      name: session.username,
      loginInfo: loginInfoJson(jira.users.history(session.username)),
    },
    NO_CACHE,
  );
};

const logout: Handler = (exchange, jira) => {
  if (exchange.session === undefined) return notAuthenticated();
  exchange.node.sessions.destroy(exchange.session.id);
  return {
    status: 204,
    headers: {
      'Set-Cookie': [clearedSessionCookie(jira.cookieScope), xsrfCookie(jira.serverId, false, jira.cookieScope)],
      'X-Seraph-LoginReason': 'OUT',
      ...NO_CACHE,
    },
  };
};

const releaseWebSudo: Handler = (exchange) => {
  if (exchange.session === undefined) return notAuthenticated();
  return { status: 204, headers: { 'X-Atlassian-WebSudo': 'Require-Authentication', ...NO_CACHE } };
};

const APPLICATION_NAMES: Record<string, string> = {
  'jira-software': 'Jira Software',
  'jira-servicedesk': 'Jira Service Management',
  'jira-core': 'Jira Core',
};

function userBean(user: SeedUser, jira: JiraInstance, expand: Set<string>): Record<string, unknown> {
  const name = encodeURIComponent(user.name);
  const avatar = (size: string): string => `${jira.baseUrl}/secure/useravatar?size=${size}&ownerId=${name}`;
  const roles = user.applicationRoles ?? [];
  const lastLoginTime = jira.users.history(user.name).lastLoginTime;
  return {
    self: `${jira.baseUrl}/rest/api/2/user?username=${name}`,
    key: user.key,
    name: user.name,
    emailAddress: user.emailAddress,
    avatarUrls: {
      '48x48': avatar('large'),
      '24x24': avatar('small'),
      '16x16': avatar('xsmall'),
      '32x32': avatar('medium'),
    },
    displayName: user.displayName,
    active: true,
    deleted: false,
    timeZone: user.timeZone,
    locale: user.locale,
    ...(lastLoginTime !== undefined ? { lastLoginTime: formatJiraTimeSeconds(lastLoginTime) } : {}),
    groups: {
      size: user.groups.length,
      items: expand.has('groups')
        ? user.groups.map((group) => ({
            name: group,
            self: `${jira.baseUrl}/rest/api/2/group?groupname=${encodeURIComponent(group)}`,
          }))
        : [],
    },
    applicationRoles: {
      size: roles.length,
      items: expand.has('applicationRoles') ? roles.map((key) => ({ key, name: APPLICATION_NAMES[key] ?? key })) : [],
    },
    expand: 'groups,applicationRoles',
  };
}

const myself: Handler = (exchange, jira) => {
  const user = exchange.session === undefined ? undefined : jira.users.find(exchange.session.username);
  if (user === undefined) return notAuthenticated();
  const expand = new Set(
    exchange.query
      .getAll('expand')
      .flatMap((value) => value.split(','))
      .map((value) => value.trim()),
  );
  return json(200, userBean(user, jira, expand));
};

function versionNumbers(version: string): number[] {
  const numbers = version.split('.').map((part) => Number.parseInt(part, 10));
  return numbers.map((value) => (Number.isFinite(value) ? value : 0));
}

const serverInfo: Handler = (exchange, jira) => {
  const [major = 0, minor = 0, patch = 0] = versionNumbers(jira.version);
  const buildNumber = major * 1_000_000 + minor * 10_000 + patch;
  return json(200, {
    baseUrl: jira.baseUrl,
    version: jira.version,
    versionNumbers: versionNumbers(jira.version),
    deploymentType: 'Server',
    buildNumber,
    buildDate: '2025-01-15T00:00:00.000+0000',
    databaseBuildNumber: buildNumber,
    // Jira tells the time only to someone logged in.
    ...(exchange.session !== undefined ? { serverTime: formatJiraTime(exchange.now) } : {}),
    scmInfo: '6b2e4c1f0a9d8e7c5b3a29184f6e0d1c2b3a4f5e',
    serverTitle: jira.serverTitle,
  });
};

const userAvatar: Handler = (exchange) => {
  // Avatars are private to signed-in users; the app must fetch them with the session cookie.
  if (exchange.session === undefined) return notAuthenticated();
  const owner = exchange.query.get('ownerId') ?? 'default';
  return {
    status: 200,
    contentType: 'image/png',
    body: avatarPng(owner, exchange.query.get('size')),
    headers: { 'Cache-Control': 'private, max-age=3600' },
  };
};

const webLoginPage: Handler = (_exchange, jira) => html(200, loginPage(jira.serverTitle, jira.contextPath));
const ssoPage: Handler = (_exchange, jira) => html(200, ssoLoginPage(jira.serverTitle));

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  '/rest/auth/1/session': { GET: currentUser, POST: login, DELETE: logout },
  '/rest/auth/1/websudo': { DELETE: releaseWebSudo },
  '/rest/api/2/myself': { GET: myself },
  '/rest/api/2/serverInfo': { GET: serverInfo },
  '/secure/useravatar': { GET: userAvatar },
  '/login.jsp': { GET: webLoginPage },
  '/plugins/servlet/samlsso': { GET: ssoPage },
};

/** Jira serves `latest` as an alias of the current API version (the session resource's `self` uses it). */
function canonicalPath(path: string): string {
  return path.replace(/^\/rest\/api\/latest\//, '/rest/api/2/').replace(/^\/rest\/auth\/latest\//, '/rest/auth/1/');
}

export async function answerJira(exchange: Exchange, jira: JiraInstance): Promise<Reply> {
  const path = canonicalPath(exchange.path);
  const isLogin = path === '/rest/auth/1/session' && exchange.method === 'POST';
  if (jira.settings.sso && path.startsWith('/rest/') && !isLogin && exchange.session === undefined) {
    const search = exchange.query.toString();
    const redirectTo = encodeURIComponent(`${exchange.path}${search === '' ? '' : `?${search}`}`);
    return { status: 302, headers: { Location: `${jira.baseUrl}/plugins/servlet/samlsso?redirectTo=${redirectTo}` } };
  }
  // Seraph refuses a cookie of no (or an ended) session on every REST path outside /rest/auth, even public ones,
  // with its HTML 401; /rest/auth answers for itself.
  const staleCookie = exchange.session === undefined && parseCookies(exchange.req.headers.cookie).has('JSESSIONID');
  if (staleCookie && path.startsWith('/rest/') && !path.startsWith('/rest/auth/')) {
    return html(401, staleCookiePage());
  }
  const resource = ROUTES[path];
  if (resource === undefined) return json(404, { errorMessages: [`Not Found: ${exchange.path}`], errors: {} });
  const handler = resource[exchange.method];
  if (handler === undefined) {
    return json(
      405,
      { errorMessages: ['Method Not Allowed'], errors: {} },
      { Allow: Object.keys(resource).join(', ') },
    );
  }
  return handler(exchange, jira);
}
