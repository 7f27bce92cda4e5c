// "Jira" itself: the types its resources share and the routing from a request to the resource that answers it.
// The server module does the transport (recording, latency, faults, rate limit, balancer); the resources live in
// one module per area (REST session, REST API, web pages, single sign-on, two-step, WebSudo, access tokens).
import type { IncomingMessage } from 'node:http';
import type { JiraNode } from './balancer';
import type { CookieScope } from './cookies';
import type { IdentityProvider } from './identity-provider';
import { samlConsumer } from './saml-consumer';
import { myPermissions } from './permissions';
import type { TokenStore } from './personal-access-tokens';
import { authenticateBearer, TOKEN_ROUTES } from './personal-access-tokens';
import { parseCookies } from './cookies';
import { staleCookiePage } from './pages';
import { html, json, notFound } from './replies';
import { myself, serverInfo, userAvatar } from './rest-api';
import { currentUser, login, logout } from './rest-auth';
import type { Session } from './sessions';
import type { TwoStepVerifier } from './two-step';
import { TWO_STEP_ROUTES } from './two-step';
import type { UserDirectory } from './users';
import { WEB_ROUTES } from './web-ui';
import { WEB_SUDO_ROUTES } from './websudo';

export { html, json } from './replies';

export interface JiraSettings {
  idleTimeoutMs: number;
  captchaAfterFailures: number | undefined;
  basicAuthDisabled: boolean;
  sso: boolean;
  twoStep: boolean;
  webSudoDisabled: boolean;
  tokensUnavailable: boolean;
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
  /** Personal access tokens live in the database: one store for every node of a cluster. */
  tokens: TokenStore;
  twoStep: TwoStepVerifier;
  /** The identity provider started with `sso: true`; undefined otherwise. */
  identityProvider: IdentityProvider | undefined;
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
  /** True when `session` is a personal access token's one-request identity, not an HTTP session. */
  bearer?: boolean;
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

export type Handler = (exchange: Exchange, jira: JiraInstance) => Reply | Promise<Reply>;

/** Path (relative to the context path) -> method -> handler. */
export type Routes = Record<string, Partial<Record<string, Handler>>>;

const ROUTES: Routes = {
  '/rest/auth/1/session': { GET: currentUser, POST: login, DELETE: logout },
  '/rest/api/2/myself': { GET: myself },
  '/rest/api/2/serverInfo': { GET: serverInfo },
  '/rest/api/2/mypermissions': { GET: myPermissions },
  '/secure/useravatar': { GET: userAvatar },
  '/plugins/servlet/samlconsumer': { POST: samlConsumer },
  ...WEB_ROUTES,
  ...WEB_SUDO_ROUTES,
  ...TWO_STEP_ROUTES,
  ...TOKEN_ROUTES,
};

/** Jira serves `latest` as an alias of the current API version (the session resource's `self` uses it). */
function canonicalPath(path: string): string {
  return path
    .replace(/^\/rest\/api\/latest\//, '/rest/api/2/')
    .replace(/^\/rest\/auth\/latest\//, '/rest/auth/1/')
    .replace(/^\/rest\/pat\/1\.0\//, '/rest/pat/latest/');
}

/** The resource for a path; a token's id is the one path parameter the stand-in has. */
function resourceFor(path: string): Routes[string] | undefined {
  const tokenId = /^\/rest\/pat\/latest\/tokens\/[^/]+$/.test(path);
  return ROUTES[tokenId ? '/rest/pat/latest/tokens/{id}' : path];
}

export async function answerJira(request: Exchange, jira: JiraInstance): Promise<Reply> {
  const path = canonicalPath(request.path);
  // Before Jira 8.14 there are no tokens: not the resources, nor the Bearer scheme.
  if (jira.settings.tokensUnavailable && path.startsWith('/rest/pat/')) return notFound(request.path);
  const bearer = jira.settings.tokensUnavailable ? undefined : authenticateBearer(request, jira);
  if (bearer !== undefined && 'status' in bearer) return bearer;
  const exchange = bearer ?? request;
  const isLogin = path === '/rest/auth/1/session' && exchange.method === 'POST';
  if (jira.settings.sso && path.startsWith('/rest/') && !isLogin && exchange.session === undefined) {
    const search = exchange.query.toString();
    const redirectTo = encodeURIComponent(`${exchange.path}${search === '' ? '' : `?${search}`}`);
    return { status: 302, headers: { Location: `${jira.baseUrl}/plugins/servlet/samlsso?redirectTo=${redirectTo}` } };
  }
  // Seraph refuses a cookie of no (or an ended) session on every REST path outside /rest/auth, even public ones,
  // with its HTML 401; /rest/auth answers for itself.
  const staleCookie = exchange.session === undefined && parseCookies(exchange.req.headers.cookie).has('JSESSIONID');
  if (staleCookie && path.startsWith('/rest/') && !path.startsWith('/rest/auth/')) return html(401, staleCookiePage());
  const resource = resourceFor(path);
  if (resource === undefined) return notFound(exchange.path);
  const handler = resource[exchange.method];
  if (handler === undefined) {
    return json(
      405,
      { errorMessages: ['Method Not Allowed'], errors: {} },
      { Allow: Object.keys(resource).join(', ') },
    );
  }
  const reply = await handler(exchange, jira);
  // A token's request speaks for its owner in X-AUSERNAME although it has no session cookie.
  return exchange.bearer === true ? { session: exchange.session, ...reply } : reply;
}
