// The identity provider an SSO instance sends browsers to: its own server on 127.0.0.1 and another port, so
// another origin, as a real IdP is. It checks the same seeded users' passwords and answers with a page that posts
// a signed response back to Jira's assertion consumer, automatically by script and by a visible button.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { PemPair } from './certificates';
import { ConnectionTracker, listenOnLoopback } from './connections';
import { escapeHtml } from './pages';
import { readBody } from './replies';
import { signAssertion } from './saml-assertion';
import type { StandInIdentityProvider } from './types';
import type { UserDirectory } from './users';

const LOGIN_PATH = '/idp/sso';
const ASSERTION_LIFETIME_MS = 5 * 60 * 1000;

export interface IdentityProvider extends StandInIdentityProvider {
  /** The HMAC key the IdP signs with and Jira's assertion consumer verifies with. */
  readonly sharedSecret: Buffer;
  close(): Promise<void>;
}

export interface IdentityProviderSetup {
  users: UserDirectory;
  /** Jira's base URL: the audience of every response. */
  audience: string;
  /** Serve HTTPS with this certificate (when Jira itself is served over HTTPS). */
  certificate?: PemPair;
}

function idpPage(title: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title} - Stand-in Identity Provider</title></head>
<body class="idp">
${content}
</body>
</html>
`;
}

function loginPage(relayState: string, error?: string): string {
  const message = error === undefined ? '' : `<p id="idp-error" role="alert">${escapeHtml(error)}</p>\n`;
  return idpPage(
    'Sign in',
    `<form id="idp-login-form" method="post" action="${LOGIN_PATH}">
<h1>Sign in to continue to Jira</h1>
${message}<label for="idp-username">Username</label><input id="idp-username" name="username" type="text">
<label for="idp-password">Password</label><input id="idp-password" name="password" type="password">
<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">
<button type="submit" id="idp-submit">Sign in</button>
</form>`,
  );
}

function postBackPage(consumerUrl: string, samlResponse: string, relayState: string): string {
  return idpPage(
    'Continue',
    `<form id="saml-post" method="post" action="${escapeHtml(consumerUrl)}">
<input type="hidden" name="SAMLResponse" value="${escapeHtml(samlResponse)}">
<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">
<noscript><p>Your browser does not run scripts: press Continue to finish signing in.</p></noscript>
<button type="submit" id="saml-continue">Continue</button>
</form>
<script>document.getElementById('saml-post').submit();</script>`,
  );
}

export async function startIdentityProvider(setup: IdentityProviderSetup): Promise<IdentityProvider> {
  const { users, audience, certificate } = setup;
  const sharedSecret = randomBytes(32);
  const consumerUrl = `${audience}/plugins/servlet/samlconsumer`;
  const server = certificate
    ? createHttpsServer({ key: certificate.keyPem, cert: certificate.certPem })
    : createHttpServer();
  const connections = new ConnectionTracker();
  server.on('connection', (socket) => connections.track(socket));
  const port = await listenOnLoopback(server, 0);
  const origin = `${certificate ? 'https' : 'http'}://127.0.0.1:${port}`;

  const issueResponse = (username: string, lifetimeMs = ASSERTION_LIFETIME_MS): string =>
    signAssertion(sharedSecret, { user: username, audience, expiresAt: Date.now() + lifetimeMs });

  async function answer(req: IncomingMessage): Promise<{ status: number; body: string }> {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== LOGIN_PATH) return { status: 404, body: idpPage('Not found', '<h1>Not found</h1>') };
    if (req.method === 'GET') return { status: 200, body: loginPage(url.searchParams.get('RelayState') ?? '') };
    if (req.method !== 'POST') return { status: 405, body: idpPage('Method not allowed', '<h1>Not allowed</h1>') };
    const form = new URLSearchParams((await readBody(req)) ?? '');
    const relayState = form.get('RelayState') ?? '';
    const user = users.find(form.get('username') ?? '');
    if (user === undefined || user.password !== form.get('password')) {
      return { status: 200, body: loginPage(relayState, 'Incorrect username or password.') };
    }
    return { status: 200, body: postBackPage(consumerUrl, issueResponse(user.name), relayState) };
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    answer(req)
      .catch(() => ({ status: 500, body: idpPage('Error', '<h1>Something went wrong</h1>') }))
      .then(({ status, body }) => {
        res.writeHead(status, { 'Content-Type': 'text/html;charset=UTF-8', 'Cache-Control': 'no-store' });
        res.end(body);
      })
      .catch(() => res.destroy());
  });

  let closed: Promise<void> | undefined;
  return {
    origin,
    sharedSecret,
    loginUrl: (relayState = '') =>
      `${origin}${LOGIN_PATH}?SAMLRequest=stand-in&RelayState=${encodeURIComponent(relayState)}`,
    issueResponse,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        connections.destroyAll();
      });
      return closed;
    },
  };
}
