// WebSudo, Jira's "secure administrator session": an administrator re-enters the password to reach admin pages
// and admin-only REST resources; it lasts 10 minutes from the last use and granting it issues a new session id.
import { sessionCookie } from './cookies';
import type { Exchange, Handler, JiraInstance, Reply, Routes } from './jira-api';
import { isAdministrator } from './permissions';
import { html, json, NO_CACHE, notAuthenticated } from './replies';
import type { Session } from './sessions';
import type { SeedUser } from './types';
import { forbiddenPage, webSudoPage } from './web-pages';
import { frameFor, localDestination, readForm, redirect, requestTarget, unsupportedForm, webUser } from './web-session';

export const WEB_SUDO_TIMEOUT_MS = 10 * 60 * 1000;
const AUTHENTICATE_PATH = '/secure/admin/WebSudoAuthenticate.jspa';
const DEFAULT_ADMIN_DESTINATION = '/secure/admin/ViewApplicationProperties.jspa';

export function holdsWebSudo(session: Session, now: number): boolean {
  return session.webSudoUntil !== undefined && session.webSudoUntil > now;
}

/**
 * Whether the request may use an admin function now, rolling the timeout forward when it may. Requests without an
 * HTTP session (a personal access token) are not challenged, as in Jira, and neither is anything when it is off.
 */
function passesWebSudo(exchange: Exchange, jira: JiraInstance): boolean {
  const session = exchange.session;
  if (jira.settings.webSudoDisabled || exchange.bearer === true) return true;
  if (session === undefined || !holdsWebSudo(session, exchange.now)) return false;
  session.webSudoUntil = exchange.now + WEB_SUDO_TIMEOUT_MS;
  return true;
}

/** The administrator behind an admin page, or the reply: login page, 403 page, or WebSudo's password page. */
export function adminPageUser(exchange: Exchange, jira: JiraInstance): SeedUser | Reply {
  const user = webUser(exchange, jira);
  if ('status' in user) return user;
  if (!isAdministrator(user)) return html(403, forbiddenPage(frameFor(jira, user)));
  if (passesWebSudo(exchange, jira)) return user;
  const destination = encodeURIComponent(requestTarget(exchange));
  return redirect(`${jira.baseUrl}${AUTHENTICATE_PATH}?webSudoDestination=${destination}`);
}

function administrator(exchange: Exchange, jira: JiraInstance): SeedUser | Reply {
  const user = webUser(exchange, jira);
  if ('status' in user) return user;
  return isAdministrator(user) ? user : html(403, forbiddenPage(frameFor(jira, user)));
}

const showPasswordPage: Handler = (exchange, jira) => {
  const user = administrator(exchange, jira);
  if ('status' in user) return user;
  const destination = localDestination(exchange.query.get('webSudoDestination'), jira) ?? DEFAULT_ADMIN_DESTINATION;
  if (jira.settings.webSudoDisabled) return redirect(`${jira.baseUrl}${destination}`);
  const isPost = exchange.query.get('webSudoIsPost') === 'true';
  return html(200, webSudoPage(frameFor(jira, user), { destination, isPost }));
};

const raise: Handler = async (exchange, jira) => {
  const user = administrator(exchange, jira);
  if ('status' in user) return user;
  const form = await readForm(exchange);
  if (form === undefined) return unsupportedForm();
  const destination = localDestination(form.get('webSudoDestination'), jira) ?? DEFAULT_ADMIN_DESTINATION;
  const session = exchange.session;
  if (session === undefined || form.get('webSudoPassword') !== user.password) {
    const isPost = form.get('webSudoIsPost') === 'true';
    const error = 'The password you entered is incorrect.';
    return html(200, webSudoPage(frameFor(jira, user), { destination, isPost, error }));
  }
  // Jira changes the session id when it grants WebSudo, so a session id seen before cannot be used to escalate.
  const renewed = exchange.node.sessions.reissue(session, exchange.now);
  renewed.webSudoUntil = exchange.now + WEB_SUDO_TIMEOUT_MS;
  const reply = redirect(`${jira.baseUrl}${destination}`, {
    'Set-Cookie': sessionCookie(renewed.id, jira.cookieScope),
    'X-Atlassian-WebSudo': 'Has-Authentication',
  });
  return { ...reply, session: renewed };
};

const release: Handler = (exchange) => {
  if (exchange.session === undefined) return notAuthenticated();
  delete exchange.session.webSudoUntil;
  return { status: 204, headers: { 'X-Atlassian-WebSudo': 'Require-Authentication', ...NO_CACHE } };
};

const ADVANCED_SETTINGS = [
  { key: 'jira.clone.prefix', value: 'CLONE -', name: 'The prefix added to the Summary field of cloned issues' },
  { key: 'jira.date.picker.java.format', value: 'd/MMM/yy', name: 'Date picker format (Java)' },
  { key: 'jira.issue.actions.order', value: 'asc', name: 'Default order of the issue actions' },
];

const advancedSettings: Handler = (exchange, jira) => {
  const user = exchange.session === undefined ? undefined : jira.users.find(exchange.session.username);
  if (user === undefined) return notAuthenticated();
  if (!isAdministrator(user)) {
    return json(403, { errorMessages: ['You are not authorised to perform this operation.'], errors: {} });
  }
  if (!passesWebSudo(exchange, jira)) return json(401, { errorMessages: ['This resource requires WebSudo.'] });
  return json(
    200,
    ADVANCED_SETTINGS.map((setting) => ({ id: setting.key, ...setting, type: 'string', defaultValue: setting.value })),
  );
};

export const WEB_SUDO_ROUTES: Routes = {
  [AUTHENTICATE_PATH]: { GET: showPasswordPage, POST: raise },
  '/rest/auth/1/websudo': { DELETE: release },
  '/rest/api/2/application-properties/advanced-settings': { GET: advancedSettings },
};
