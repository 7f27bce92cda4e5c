// Jira's web side for a browser: the login form (with its CAPTCHA), /logout, the dashboard and the admin pages the
// app links to. Browsers post forms without an XSRF header; Seraph's login form accepts that.
import { clearedCookie, REMEMBER_ME_COOKIE, sessionCookie, xsrfCookie } from './cookies';
import type { Exchange, Handler, JiraInstance, Reply, Routes } from './jira-api';
import { ssoLoginPage } from './pages';
import { html } from './replies';
import { newSessionId } from './sessions';
import type { LoginFormState } from './web-pages';
import { adminPage, CAPTCHA_WORD, dashboardPage, loggedOutPage, webLoginPage } from './web-pages';
import {
  frameFor,
  localDestination,
  readForm,
  redirect,
  startWebSession,
  unsupportedForm,
  webUser,
} from './web-session';
import { adminPageUser } from './websudo';

const BAD_CREDENTIALS = 'Sorry, your username and password are incorrect - please try again.';
const CAPTCHA_REQUIRED = 'Sorry, your userid is required to answer a CAPTCHA question correctly.';
const LOGGED_OUT_PATH = '/secure/Logout!default.jspa';

function loginForm(jira: JiraInstance, status: number, state: LoginFormState, reason?: string): Reply {
  const reply = html(status, webLoginPage(frameFor(jira), state));
  return reason === undefined ? reply : { ...reply, headers: { 'X-Seraph-LoginReason': reason } };
}

const showLoginForm: Handler = (exchange, jira) => {
  const destination = exchange.query.get('os_destination') ?? undefined;
  const idp = jira.identityProvider;
  // With SSO the login page is the identity provider's; `auth_fallback` keeps the local form reachable.
  if (jira.settings.sso && idp !== undefined && !exchange.query.has('auth_fallback')) {
    return redirect(idp.loginUrl(localDestination(destination, jira) ?? ''));
  }
  return loginForm(jira, 200, { destination });
};

const submitLoginForm: Handler = async (exchange, jira) => {
  const form = await readForm(exchange);
  if (form === undefined) return unsupportedForm();
  const { users, settings } = jira;
  const username = form.get('os_username') ?? '';
  const rawDestination = form.get('os_destination') ?? undefined;
  const user = users.find(username);
  const state = { destination: rawDestination, username };
  if (user === undefined || user.password !== form.get('os_password')) {
    if (user !== undefined) users.recordFailure(user.name, exchange.now);
    const captcha = user !== undefined && users.needsCaptcha(user.name, settings.captchaAfterFailures);
    return loginForm(jira, 200, { ...state, error: BAD_CREDENTIALS, captcha }, 'AUTHENTICATED_FAILED');
  }
  if (users.needsCaptcha(user.name, settings.captchaAfterFailures)) {
    if (form.get('os_captcha')?.trim().toLowerCase() !== CAPTCHA_WORD) {
      return loginForm(jira, 200, { ...state, error: CAPTCHA_REQUIRED, captcha: true }, 'AUTHENTICATION_DENIED');
    }
    users.solveCaptcha(user.name);
  }
  const destination = localDestination(rawDestination, jira);
  if (settings.twoStep) return jira.twoStep.challenge(exchange, jira, user.name, destination);
  return startWebSession(exchange, jira, user.name, destination);
};

const ssoPage: Handler = (_exchange, jira) => html(200, ssoLoginPage(jira.serverTitle));

/** Ends the session; like Tomcat, the browser gets a fresh anonymous session id rather than none. */
const logOut: Handler = (exchange, jira) => {
  if (exchange.session !== undefined) exchange.node.sessions.destroy(exchange.session.id);
  return redirect(`${jira.baseUrl}${LOGGED_OUT_PATH}`, {
    'Set-Cookie': [
      sessionCookie(newSessionId(), jira.cookieScope),
      xsrfCookie(jira.serverId, false, jira.cookieScope),
      clearedCookie(REMEMBER_ME_COOKIE, jira.cookieScope),
    ],
    'X-Seraph-LoginReason': 'OUT',
  });
};

const loggedOut: Handler = (_exchange, jira) => html(200, loggedOutPage(frameFor(jira)));

const dashboard: Handler = (exchange, jira) => {
  const user = webUser(exchange, jira);
  return 'status' in user ? user : html(200, dashboardPage(frameFor(jira, user)));
};

function adminPageHandler(title: string): Handler {
  return (exchange: Exchange, jira: JiraInstance) => {
    const user = adminPageUser(exchange, jira);
    return 'status' in user ? user : html(200, adminPage(frameFor(jira, user), title));
  };
}

/** The admin pages the app opens, by the title Jira gives them. */
export const ADMIN_PAGES: Record<string, string> = {
  '/secure/admin/ViewApplicationProperties.jspa': 'General configuration',
  '/secure/admin/ViewSystemInfo.jspa': 'System info',
  '/secure/admin/user/UserBrowser.jspa': 'User browser',
};

export const WEB_ROUTES: Routes = {
  '/login.jsp': { GET: showLoginForm, POST: submitLoginForm },
  '/plugins/servlet/samlsso': { GET: ssoPage },
  '/logout': { GET: logOut },
  [LOGGED_OUT_PATH]: { GET: loggedOut },
  '/secure/Dashboard.jspa': { GET: dashboard },
  ...Object.fromEntries(Object.entries(ADMIN_PAGES).map(([path, title]) => [path, { GET: adminPageHandler(title) }])),
};
