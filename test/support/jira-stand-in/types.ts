// The stand-in's public contract. The core's tests are written against these names, so they change only together.
//
// Routes (relative to the context path; anything else is a JSON 404):
//   REST   /rest/auth/1/session (GET, POST, DELETE), DELETE /rest/auth/1/websudo, GET /rest/api/2/myself,
//          GET /rest/api/2/serverInfo, GET /rest/api/2/mypermissions?permissions=ADMINISTER,SYSTEM_ADMIN,
//          GET /rest/api/2/application-properties/advanced-settings (administrator + WebSudo),
//          GET/POST /rest/pat/latest/tokens, DELETE /rest/pat/latest/tokens/{id}, GET /secure/useravatar;
//          `Authorization: Bearer <personal access token>` authenticates any /rest path for one request.
//   Web    GET/POST /login.jsp (form: os_username, os_password, os_destination, os_captcha once a CAPTCHA is due),
//          GET /logout -> /secure/Logout!default.jspa, GET /secure/Dashboard.jspa, the admin pages
//          /secure/admin/ViewApplicationProperties.jspa, /secure/admin/ViewSystemInfo.jspa,
//          /secure/admin/user/UserBrowser.jspa, GET/POST /secure/admin/WebSudoAuthenticate.jspa (webSudoPassword,
//          webSudoDestination, webSudoIsPost), GET/POST /plugins/servlet/twostep/verify (code).
//   SSO    GET /plugins/servlet/samlsso (the REST clients' SSO page), POST /plugins/servlet/samlconsumer
//          (SAMLResponse, RelayState); the identity provider's own server answers GET/POST /idp/sso.

export interface SeedUser {
  name: string;
  password: string;
  displayName: string;
  emailAddress: string;
  key: string;
  timeZone: string;
  locale: string;
  groups: string[];
  applicationRoles?: string[];
}

export interface RateLimitOptions {
  requests: number;
  intervalSeconds: number;
  /** The Retry-After a 429 carries; 0 by default, as seen on real Jira. */
  retryAfterSeconds?: number;
}

export interface StandInOptions {
  /** Serve HTTPS with a CA-signed certificate made in memory at start. */
  https?: boolean;
  /** e.g. '/jira'; '' by default. All paths live under it; cookies get Path=<contextPath or />. */
  contextPath?: string;
  /** Two nodes with separate session tables behind a sticky (ROUTEID) load balancer. */
  cluster?: boolean;
  /** After N consecutive failed logins of a user, every login of that user gets 403 CAPTCHA until solveCaptcha. */
  captchaAfterFailures?: number;
  /** POST /rest/auth/1/session answers 403 "Basic Authentication has been disabled on this instance." */
  basicAuthDisabled?: boolean;
  /** Token bucket per client address; over it -> 429 (Tomcat's HTML page) with Retry-After and X-RateLimit-* headers. */
  rateLimit?: RateLimitOptions;
  /** Sessions expire after this long without a request carrying them (default 300 minutes). */
  idleTimeoutMs?: number;
  /** Delay added before every response. */
  latencyMs?: number;
  /** Delay before a new connection is read from, so setting one up costs a round trip as on a real network. */
  connectionLatencyMs?: number;
  /**
   * SSO-only instance: anonymous /rest calls are redirected to the SAML login page, and an identity provider is
   * started on another port (`identityProvider`): GET /login.jsp redirects there (/login.jsp?auth_fallback keeps the
   * local form), and its signed answer comes back to POST /plugins/servlet/samlconsumer. Turning `sso` on later
   * with setOptions keeps the REST behaviour but has no identity provider to send browsers to.
   */
  sso?: boolean;
  /**
   * Two-step verification of the web login: after the right password, a code page
   * (/plugins/servlet/twostep/verify, bound to a 5-minute pre-authentication cookie) wants `twoStepCode(user)`.
   * REST logins keep working with the password alone, as in Jira, where two-step challenges browsers only.
   */
  twoStep?: boolean;
  /** Switches WebSudo off (Jira's `jira.websudo.is.disabled`): admin pages and resources need only an admin. */
  webSudoDisabled?: boolean;
  /** Jira before 8.14: every /rest/pat/* path answers 404 and `Authorization: Bearer` is ignored. */
  tokensUnavailable?: boolean;
  users?: SeedUser[];
  /** Default 0 (any free port); the host is always 127.0.0.1. */
  port?: number;
  serverTitle?: string;
  version?: string;
}

export interface RecordedRequest {
  method: string;
  /** The path as received on the wire (context path included, query string left out). */
  path: string;
  /** The whole request target as received, query string included. */
  url: string;
  cookie: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** Requests in flight on this server when this one arrived, itself included (as in Jira's X-AREQUESTID). */
  inFlight: number;
  /** Cluster mode: the node the balancer routed the request to (absent when a fault or the rate limit answered). */
  node?: string;
}

export type Fault =
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'truncate' }
  | { kind: 'oversize'; bytes: number }
  | { kind: 'html'; status?: number }
  | { kind: 'redirect'; location: string; status?: number }
  | { kind: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> };

export interface FaultMatch {
  method?: string;
  /** Relative to the context path, e.g. '/rest/auth/1/session'; the query string is not compared. */
  path?: string;
  /** Default 1. */
  times?: number;
}

export type AdjustableOptions = Pick<
  StandInOptions,
  | 'latencyMs'
  | 'connectionLatencyMs'
  | 'idleTimeoutMs'
  | 'rateLimit'
  | 'captchaAfterFailures'
  | 'basicAuthDisabled'
  | 'sso'
  | 'twoStep'
  | 'webSudoDisabled'
  | 'tokensUnavailable'
>;

/** The identity provider of an `sso: true` stand-in: its own HTTP(S) server, so another origin than Jira's. */
export interface StandInIdentityProvider {
  /** e.g. http://127.0.0.1:40123 (HTTPS, with a certificate from the same CA, when the stand-in is HTTPS). */
  readonly origin: string;
  /** The IdP's login page (GET: form with `username`, `password`; POST: the signed answer page), with RelayState. */
  loginUrl(relayState?: string): string;
  /**
   * Test hook: a SAMLResponse the IdP would post for `username`, valid for `lifetimeMs` (default 5 minutes; a
   * negative value makes an expired one).
   */
  issueResponse(username: string, lifetimeMs?: number): string;
}

/** A stored personal access token as the test hook shows it: never the raw value (only a hash is kept). */
export interface PersonalAccessTokenRecord {
  id: number;
  owner: string;
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
  expiringAt?: number;
  lastAccessedAt?: number;
}

export interface ConnectionStats {
  accepted: number;
  open: number;
  tlsHandshakes: number;
}

export interface JiraStandIn {
  /** origin + contextPath, no trailing slash. */
  readonly baseUrl: string;
  readonly origin: string;
  readonly port: number;
  /** https only: PEM of the CA that signed the server certificate (what a user adds as 'extra CA'). */
  readonly caPem?: string;
  /** https only: PEM of the leaf certificate currently served. */
  readonly certificatePem?: string;
  /** Every request received, in order (a live array: tests may empty it). */
  readonly requests: RecordedRequest[];
  readonly users: SeedUser[];
  activeSessionCount(): number;
  /** Like a server restart: every session id becomes invalid. */
  expireAllSessions(): void;
  solveCaptcha(username: string): void;
  /** Present when started with `sso: true`; closed by close(). */
  readonly identityProvider?: StandInIdentityProvider;
  /** The 6-digit two-step code of a user: deterministic per user and stand-in. */
  twoStepCode(username: string): string;
  /** Whether any live session of the user holds WebSudo now. */
  webSudoActive(username: string): boolean;
  /** Every stored personal access token (all users), without raw values. */
  personalAccessTokens(): PersonalAccessTokenRecord[];
  /** Moves a token's times back by `ms`, e.g. past its expiry. Throws for an unknown id. */
  agePersonalAccessToken(id: number, ms: number): void;
  injectFault(fault: Fault, match?: FaultMatch): void;
  /** TCP connections accepted and still open, and TLS handshakes completed (https only), since start. */
  connectionStats(): ConnectionStats;
  /** How many requests held by a `hang` fault are still open: the client has not given up (aborted) yet. */
  hungRequests(): number;
  /** Resolves once `count` (default 1) hung requests are open at the same time. */
  whenHung(count?: number): Promise<void>;
  /** https only: a new leaf certificate (new key, same CA) is served to new connections from now on. */
  replaceCertificate(): Promise<void>;
  setOptions(patch: Partial<AdjustableOptions>): void;
  /** Closes the server and destroys open sockets, hung ones included. */
  close(): Promise<void>;
}
