// The HTML of Jira's web side: the login form, the dashboard and admin pages, the logged-out page, WebSudo's
// password page and two-step's code page. Markup follows Jira's ids and names so a browser test finds what it
// would find on a real server; every value that comes from a request or a user is escaped.
import { escapeHtml } from './pages';
import type { SeedUser } from './types';

/** What the stand-in's web CAPTCHA asks for: a stand-in for Jira's image, the answer printed on the page. */
export const CAPTCHA_WORD = 'jira';

export interface PageFrame {
  serverTitle: string;
  contextPath: string;
  /** Signed-in user, shown in the header and in `ajs-remote-user`; absent for anonymous pages. */
  user?: SeedUser;
}

export function page(frame: PageFrame, title: string, bodyClass: string, content: string): string {
  const user = frame.user;
  const header =
    user === undefined
      ? ''
      : `<header id="header"><span id="header-details-user-fullname">Signed in as ${escapeHtml(user.displayName)} (${escapeHtml(user.name)})</span>
<a id="log_out" href="${escapeHtml(frame.contextPath)}/logout">Log Out</a></header>\n`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} - ${escapeHtml(frame.serverTitle)}</title>
<meta name="ajs-remote-user" content="${escapeHtml(user?.name ?? '')}">
<meta name="application-name" content="JIRA" data-name="jira">
</head>
<body id="jira" class="aui-layout aui-theme-default ${bodyClass}">
${header}<main role="main">
${content}
</main>
</body>
</html>
`;
}

function errorBox(error: string | undefined): string {
  return error === undefined
    ? ''
    : `<div class="aui-message aui-message-error" id="form-error" role="alert">${escapeHtml(error)}</div>\n`;
}

export interface LoginFormState {
  destination?: string;
  username?: string;
  error?: string;
  captcha?: boolean;
}

export function webLoginPage(frame: PageFrame, state: LoginFormState): string {
  const captcha = state.captcha
    ? `<label for="login-form-os-captcha">Type the word ${CAPTCHA_WORD}</label><input class="text" id="login-form-os-captcha" name="os_captcha" type="text" autocomplete="off">\n`
    : '';
  return page(
    frame,
    'Log in',
    'page-type-login',
    `<form action="${escapeHtml(frame.contextPath)}/login.jsp" class="aui" id="login-form" method="post">
<h1>Welcome to ${escapeHtml(frame.serverTitle)}</h1>
${errorBox(state.error)}<label for="login-form-username">Username</label><input class="text" id="login-form-username" name="os_username" type="text" value="${escapeHtml(state.username ?? '')}">
<label for="login-form-password">Password</label><input class="text" id="login-form-password" name="os_password" type="password">
${captcha}<input type="hidden" name="os_destination" value="${escapeHtml(state.destination ?? '')}">
<input class="aui-button aui-button-primary" id="login-form-submit" name="login" type="submit" value="Log In">
</form>`,
  );
}

export function dashboardPage(frame: PageFrame): string {
  return page(frame, 'System Dashboard', 'page-type-dashboard', '<h1>System Dashboard</h1>');
}

export function adminPage(frame: PageFrame, title: string): string {
  return page(frame, title, 'page-type-admin', `<h1>${escapeHtml(title)}</h1>`);
}

export function forbiddenPage(frame: PageFrame): string {
  return page(
    frame,
    'Access denied',
    'page-type-message',
    '<h1>Access denied</h1><p>You do not have permission to view this page: it needs a Jira administrator.</p>',
  );
}

export function loggedOutPage(frame: PageFrame): string {
  return page(
    frame,
    'Logout',
    'page-type-message',
    `<h1>You are now logged out</h1><p>Any automatic login cookie has been deleted.</p>
<p><a id="login-link" href="${escapeHtml(frame.contextPath)}/login.jsp">Log in again.</a></p>`,
  );
}

export interface WebSudoFormState {
  destination: string;
  isPost: boolean;
  error?: string;
}

export function webSudoPage(frame: PageFrame, state: WebSudoFormState): string {
  return page(
    frame,
    'Administrator Access',
    'page-type-websudo',
    `<form action="${escapeHtml(frame.contextPath)}/secure/admin/WebSudoAuthenticate.jspa" class="aui" id="login-form" method="post">
<h1>Administrator Access</h1>
<p>You have requested access to an administrative function in Jira and are required to validate your credentials below.</p>
${errorBox(state.error)}<label for="login-form-authenticatePassword">Password</label><input class="text" id="login-form-authenticatePassword" name="webSudoPassword" type="password">
<input type="hidden" name="webSudoDestination" value="${escapeHtml(state.destination)}">
<input type="hidden" name="webSudoIsPost" value="${state.isPost ? 'true' : 'false'}">
<input class="aui-button aui-button-primary" id="login-form-submit" type="submit" value="Confirm">
</form>`,
  );
}

export function twoStepPage(frame: PageFrame, error?: string): string {
  return page(
    frame,
    'Two-step verification',
    'page-type-login',
    `<form action="${escapeHtml(frame.contextPath)}/plugins/servlet/twostep/verify" class="aui" id="two-step-form" method="post">
<h1>Two-step verification</h1>
<p>Enter the 6-digit code from your authenticator app.</p>
${errorBox(error)}<label for="two-step-code">Verification code</label><input class="text" id="two-step-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6">
<input class="aui-button aui-button-primary" id="two-step-submit" type="submit" value="Verify">
</form>`,
  );
}

export function samlErrorPage(frame: PageFrame): string {
  return page(
    frame,
    'Single sign-on failed',
    'page-type-message',
    '<h1>Single sign-on failed</h1><p>The response from the identity provider could not be verified. Try logging in again.</p>',
  );
}
