// The HTML a client gets where it expected JSON: Jira's login page, the SSO login page, the rate-limit page,
// Seraph's error pages.
// The client must treat any of them as an error, so they look like the real thing, not like an API answer.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function loginPage(serverTitle: string, contextPath: string): string {
  const title = escapeHtml(serverTitle);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Log in - ${title}</title>
<meta name="ajs-remote-user" content="">
<meta name="application-name" content="JIRA" data-name="jira" data-version="10.3.4">
</head>
<body id="jira" class="aui-layout aui-theme-default page-type-login">
<form action="${escapeHtml(contextPath)}/login.jsp" class="aui" id="login-form" method="post">
<h1>Welcome to ${title}</h1>
<label for="login-form-username">Username</label><input class="text" id="login-form-username" name="os_username" type="text">
<label for="login-form-password">Password</label><input class="text" id="login-form-password" name="os_password" type="password">
<input class="aui-button aui-button-primary" id="login-form-submit" name="login" type="submit" value="Log In">
</form>
</body>
</html>
`;
}

export function ssoLoginPage(serverTitle: string): string {
  const title = escapeHtml(serverTitle);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Log in with SSO - ${title}</title>
</head>
<body id="jira" class="page-type-login">
<h1>Continue with your identity provider</h1>
<form id="sso-login-form" method="post" action="https://idp.example.com/saml/login">
<input type="hidden" name="SAMLRequest" value="PHNhbWxwOkF1dGhuUmVxdWVzdC8+">
<button type="submit" id="sso-login-submit">Log in with SSO</button>
</form>
</body>
</html>
`;
}

export function rateLimitPage(retryAfterSeconds: number): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Too many requests</title></head>
<body><h1>Rate limit exceeded</h1><p>Too many requests. Try again in ${retryAfterSeconds} seconds.</p></body>
</html>
`;
}

/** Seraph's answer (HTML, whatever Accept says) when a request outside /rest/auth carries a cookie of no session. */
export function staleCookiePage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Unauthorized (401)</title></head>
<body><h1>Unauthorized (401)</h1><p>Encountered a "401 - Unauthorized" error while loading this page.</p>
<p>Basic Authentication Failure - Reason : AUTHENTICATION_DENIED. os_authType was 'any' and an invalid cookie was sent.</p></body>
</html>
`;
}

/** The page Seraph's filter sends with a CAPTCHA denial, before any REST resource runs. */
export function loginDeniedPage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Forbidden (403)</title></head>
<body><h1>Forbidden (403)</h1><p>Login denied: solve the CAPTCHA on the login page first.</p></body>
</html>
`;
}
