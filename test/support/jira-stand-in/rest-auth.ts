// The session resource (/rest/auth/1/session): REST login, "who am I" and logout, with Seraph's headers.
import { clearedSessionCookie, sessionCookie, xsrfCookie } from './cookies';
import type { Handler } from './jira-api';
import { formatJiraTime } from './jira-time';
import { loginDeniedPage, ssoLoginPage } from './pages';
import { html, json, NO_CACHE, notAuthenticated, readBody } from './replies';
import type { LoginHistory } from './users';

export function loginInfoJson(history: LoginHistory): Record<string, string | number> {
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

export const login: Handler = async (exchange, jira) => {
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

export const currentUser: Handler = (exchange, jira) => {
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

export const logout: Handler = (exchange, jira) => {
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
