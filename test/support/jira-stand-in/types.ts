// The stand-in's public contract. The core's tests are written against these names, so they change only together.

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
  /** SSO-only instance: anonymous /rest calls are redirected to the SAML login page. */
  sso?: boolean;
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
  'latencyMs' | 'idleTimeoutMs' | 'rateLimit' | 'captchaAfterFailures' | 'basicAuthDisabled' | 'sso'
>;

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
  injectFault(fault: Fault, match?: FaultMatch): void;
  /** https only: a new leaf certificate (new key, same CA) is served to new connections from now on. */
  replaceCertificate(): Promise<void>;
  setOptions(patch: Partial<AdjustableOptions>): void;
  /** Closes the server and destroys open sockets, hung ones included. */
  close(): Promise<void>;
}
