// Two-step verification of the web login: after the right password the user is not signed in yet; a short-lived
// pre-authentication cookie names the pending login until the 6-digit code completes it. REST logins are not
// challenged (as in Jira, where two-step applies to the browser login only).
import { createHmac, randomBytes } from 'node:crypto';
import { clearedCookie, expiringCookie, parseCookies } from './cookies';
import type { Exchange, Handler, JiraInstance, Reply, Routes } from './jira-api';
import { html } from './replies';
import { twoStepPage } from './web-pages';
import { frameFor, readForm, redirect, startWebSession, unsupportedForm } from './web-session';

const PRE_AUTH_COOKIE = 'atlassian.twostep.preauth';
const PENDING_SECONDS = 300;
const VERIFY_PATH = '/plugins/servlet/twostep/verify';
const WRONG_CODE = 'That code is incorrect or has expired. Enter the current code from your authenticator app.';

interface PendingLogin {
  username: string;
  destination: string | undefined;
  expiresAt: number;
}

export class TwoStepVerifier {
  private readonly secret = randomBytes(32);
  private readonly pending = new Map<string, PendingLogin>();

  /** The user's code: deterministic per user and stand-in, so a test can type it as an authenticator would show it. */
  code(username: string): string {
    const digest = createHmac('sha256', this.secret).update(username.toLowerCase()).digest();
    return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
  }

  /** The password was right: remember the login as pending and send the browser to the code page. */
  challenge(exchange: Exchange, jira: JiraInstance, username: string, destination: string | undefined): Reply {
    for (const [stale, login] of this.pending) if (login.expiresAt <= exchange.now) this.pending.delete(stale);
    const token = randomBytes(24).toString('base64url');
    this.pending.set(token, { username, destination, expiresAt: exchange.now + PENDING_SECONDS * 1000 });
    return redirect(`${jira.baseUrl}${VERIFY_PATH}`, {
      'Set-Cookie': expiringCookie(PRE_AUTH_COOKIE, token, PENDING_SECONDS, jira.cookieScope),
    });
  }

  /** The pending login the request's pre-authentication cookie names, if it has not expired. */
  find(exchange: Exchange): { token: string; login: PendingLogin } | undefined {
    const token = parseCookies(exchange.req.headers.cookie).get(PRE_AUTH_COOKIE);
    const login = token === undefined ? undefined : this.pending.get(token);
    if (token === undefined || login === undefined) return undefined;
    if (login.expiresAt <= exchange.now) {
      this.pending.delete(token);
      return undefined;
    }
    return { token, login };
  }

  complete(token: string): void {
    this.pending.delete(token);
  }
}

function backToLogin(jira: JiraInstance): Reply {
  return redirect(`${jira.baseUrl}/login.jsp`, { 'Set-Cookie': clearedCookie(PRE_AUTH_COOKIE, jira.cookieScope) });
}

const showCodePage: Handler = (exchange, jira) =>
  jira.twoStep.find(exchange) === undefined ? backToLogin(jira) : html(200, twoStepPage(frameFor(jira)));

const verifyCode: Handler = async (exchange, jira) => {
  const form = await readForm(exchange);
  if (form === undefined) return unsupportedForm();
  const pending = jira.twoStep.find(exchange);
  if (pending === undefined) return backToLogin(jira);
  const { username, destination } = pending.login;
  if (form.get('code')?.trim() !== jira.twoStep.code(username)) {
    return html(200, twoStepPage(frameFor(jira), WRONG_CODE));
  }
  jira.twoStep.complete(pending.token);
  return startWebSession(exchange, jira, username, destination, [clearedCookie(PRE_AUTH_COOKIE, jira.cookieScope)]);
};

export const TWO_STEP_ROUTES: Routes = {
  [VERIFY_PATH]: { GET: showCodePage, POST: verifyCode },
};
