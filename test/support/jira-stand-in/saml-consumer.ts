// The service provider's assertion consumer (POST /plugins/servlet/samlconsumer): the identity provider's page
// posts the signed response here; a valid one becomes a session, anything else a 403 page and no session.
import { randomBytes } from 'node:crypto';
import { expiringCookie, REMEMBER_ME_COOKIE } from './cookies';
import type { Handler } from './jira-api';
import { html, notFound } from './replies';
import { verifyAssertion } from './saml-assertion';
import { samlErrorPage } from './web-pages';
import { frameFor, localDestination, readForm, startWebSession, unsupportedForm } from './web-session';

const REMEMBER_ME_SECONDS = 14 * 24 * 60 * 60;

export const samlConsumer: Handler = async (exchange, jira) => {
  const idp = jira.identityProvider;
  if (idp === undefined) return notFound(exchange.path);
  const form = await readForm(exchange);
  if (form === undefined) return unsupportedForm();
  const username = verifyAssertion(idp.sharedSecret, form.get('SAMLResponse') ?? '', jira.baseUrl, exchange.now);
  const user = username === undefined ? undefined : jira.users.find(username);
  if (user === undefined) return html(403, samlErrorPage(frameFor(jira)));
  const rememberMe = `${randomBytes(8).toString('hex')}%3A${randomBytes(20).toString('hex')}`;
  return startWebSession(exchange, jira, user.name, localDestination(form.get('RelayState'), jira), [
    expiringCookie(REMEMBER_ME_COOKIE, rememberMe, REMEMBER_ME_SECONDS, jira.cookieScope),
  ]);
};
