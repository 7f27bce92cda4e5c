// The data that crosses from main to the renderer. Nothing here may ever hold a secret:
// no cookie value, no password, no token — not even sealed.
import type { EstateSettings } from './settings';

export const ENVIRONMENTS = ['production', 'staging', 'test', 'development'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * How a profile signs in: `password` through the REST session resource, `web` on the server's own login page
 * (single sign-on, two-step verification, a CAPTCHA) in an app window whose session cookies the app adopts, `token`
 * with a personal access token sent as `Authorization: Bearer` (service accounts, servers without password sign-in).
 */
export const SIGN_IN_METHODS = ['password', 'web', 'token'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export interface ServerProfile {
  id: string;
  label: string;
  /** Normalised: scheme://host[:port][/context], no trailing slash, no query or fragment. */
  baseUrl: string;
  username: string;
  /** Chosen by the user, never assumed: undefined until someone says which it is (servers saved by early builds). */
  environment?: Environment;
  signInMethod: SignInMethod;
  /** Extra CA certificate (PEM), added to the default roots for this profile only. Public data. */
  caCertificate?: string;
  /** The one server certificate this profile accepts, pinned after the user checked its fingerprint. */
  pinnedCertificate?: CertificateSummary;
  /** How often a signed-in session is verified, in seconds. */
  pollIntervalSeconds: number;
  /** Keep the server's idle timeout from running out by probing on every poll. */
  keepAlive: boolean;
  /** Per-profile HTTP(S) proxy without credentials; empty means the system/environment proxy. */
  proxyUrl?: string;
  /** The proxy's user name; its password is sealed with the other secrets. */
  proxyUsername?: string;
  /** The list's group ("EU production"); none means ungrouped. */
  group?: string;
  /** Starred: listed first within its group. */
  favourite?: boolean;
}

/** What the renderer sends to create (no id) or update (with id) a profile. */
export interface ProfileInput {
  id?: string;
  label: string;
  baseUrl: string;
  username: string;
  /** Required for a new server; an update without one keeps the saved one. */
  environment?: Environment;
  /** Defaults to `password`. */
  signInMethod?: SignInMethod;
  caCertificate?: string;
  /** PEM of the server certificate to pin; the core derives its fingerprint. */
  pinnedCertificatePem?: string;
  pollIntervalSeconds?: number;
  keepAlive?: boolean;
  proxyUrl?: string;
  proxyUsername?: string;
  /** Sealed like other secrets; leave empty to keep the one already saved. */
  proxyPassword?: string;
  /** Left out: an existing profile keeps its group (and star); '' ungroups it. */
  group?: string;
  favourite?: boolean;
}

/**
 * `profiles:arrange`: what happens to the named profiles, all optional. `before` moves them (in the order named)
 * in front of that profile, or to the end with null; `group` ('' for none) and `favourite` are set on each.
 */
export interface ProfileArrangement {
  group?: string;
  favourite?: boolean;
  before?: string | null;
}

export interface PasswordCredentials {
  username: string;
  password: string;
  /** Seal the password so the app can sign in again quietly after expiry. */
  rememberPassword?: boolean;
}

export type SessionStatus = 'signed-out' | 'signing-in' | 'signed-in' | 'expired' | 'error';

export interface SessionUser {
  name: string;
  key?: string;
  displayName: string;
  emailAddress?: string;
  timeZone?: string;
  locale?: string;
  groups: string[];
  /** Fetched by main with the session and handed over as a data: URI. */
  avatarDataUri?: string;
}

/** Jira's loginInfo with its times as ISO-8601 strings (UTC). */
export interface LoginInfo {
  loginCount?: number;
  failedLoginCount?: number;
  lastFailedLoginTime?: string;
  previousLoginTime?: string;
}

export interface ServerInfo {
  baseUrl: string;
  version: string;
  versionNumbers: number[];
  deploymentType: string;
  buildNumber: number;
  buildDate?: string;
  serverTitle: string;
  serverTime?: string;
}

export const ERROR_KINDS = [
  'bad-credentials',
  'no-application-access',
  'captcha-required',
  'login-denied',
  'basic-auth-disabled',
  'not-signed-in',
  'session-expired',
  'websudo-required',
  'tokens-unavailable',
  'rate-limited',
  'tls-untrusted',
  'tls-pin-mismatch',
  'proxy-auth-required',
  'unreachable',
  'timeout',
  'redirected',
  'unexpected-response',
  'server-error',
  'invalid-input',
  'not-found',
  'storage-error',
  'internal-error',
  'cancelled',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface CertificateSummary {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** SHA-256 fingerprint, colon-separated upper-case hex. */
  fingerprint256: string;
  /** The presented certificate's PEM, so the user can pin or trust exactly it. Public data. */
  pem?: string;
}

/** The one error shape a user ever sees; built in core from whatever went wrong. */
export interface AppErrorInfo {
  kind: ErrorKind;
  message: string;
  /** What the user can do next, in plain language. */
  nextStep?: string;
  /** captcha-required: the web login page that clears the CAPTCHA. */
  loginUrl?: string;
  /** rate-limited: seconds until the server accepts calls again. */
  retryAfterSeconds?: number;
  /** tls-untrusted / tls-pin-mismatch: the certificate the server presented. */
  certificate?: CertificateSummary;
  /** tls-pin-mismatch: the fingerprint that was pinned. */
  expectedFingerprint256?: string;
  /** redirected: where the server wanted to send us. */
  location?: string;
  /** A base URL that answers where the given one did not (Jira under the `/jira` context path). */
  suggestedBaseUrl?: string;
  /** invalid-input: the property of the input the problem is about, e.g. 'baseUrl'. */
  field?: string;
  /** unexpected-response / server-error: what came back. */
  status?: number;
  contentType?: string;
}

export interface SessionState {
  profileId: string;
  status: SessionStatus;
  /** Work under way that does not change the status yet: a liveness check or a sign-out. */
  activity?: 'checking' | 'signing-out';
  user?: SessionUser;
  loginInfo?: LoginInfo;
  serverInfo?: ServerInfo;
  /** ISO time of the sign-in that created this session. */
  signedInAt?: string;
  /** ISO time the server last confirmed this session. */
  verifiedAt?: string;
  /** Cluster node that holds the session (X-ANODEID). */
  nodeId?: string;
  /** Names of the cookies held for this server (never their values). */
  cookieNames: string[];
  /** True when the session is sealed on disk; false when it lives in memory only. */
  persisted: boolean;
  passwordRemembered: boolean;
  /** Things worth a look that are not failures, e.g. serverInfo.baseUrl differs from the profile. */
  warnings: string[];
  /** Whether the account administers this server (`mypermissions`); absent until the server said. */
  adminLevel?: AdminLevel;
  /** Failed sign-in attempts on the account that the last check found (Jira's failedLoginCount grew); absent when none. */
  failedSignInsSinceCheck?: number;
  /**
   * A sign-out from here that the server did not confirm: that session may still be open on the server. Stays until a
   * later DELETE with its cookies succeeds or finds it gone (the retry is `session:retrySignOut`).
   */
  signOutUnconfirmed?: boolean;
  /** Why a session the app held has ended without a sign-out from this app, e.g. a sign-out in the web window. */
  signedOutReason?: string;
  /** Set when this session came from a quiet re-sign-in with the remembered password (a real login on the server). */
  quietSignIn?: QuietSignIn;
  error?: AppErrorInfo;
}

export interface QuietSignIn {
  /** ISO time of the automatic sign-in. */
  at: string;
  /** How many automatic sign-ins this server had today (local day), this one included. */
  countToday: number;
}

export const ADMIN_LEVELS = ['system-admin', 'admin', 'none'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

export type SecretStorageLevel = 'os-keychain' | 'weak' | 'none';

export interface AppInfo {
  version: string;
  platform: string;
  /** 'weak' is Linux's basic_text backend: nothing secret is stored unless the user opts in. */
  secretStorage: SecretStorageLevel;
  /** Set when the store file could not be read and was kept aside as a backup. */
  storeProblem?: { message: string; backupPath: string };
}

export interface AppSettings extends EstateSettings {
  notifications: boolean;
  /** Opt-in to persisting secrets when the keychain is weak or missing. */
  persistSecretsWithoutKeychain: boolean;
}

export interface LogoutResult {
  profileId: string;
  state: SessionState;
  /** True when Jira confirmed the sign-out; false when only local state was cleared. */
  serverConfirmed: boolean;
  error?: AppErrorInfo;
}

/** One server's answer to "Sign in to all expired". */
export interface ExpiredSignInResult {
  profileId: string;
  /**
   * `signed-in` with the remembered password; `failed` when the server refused it or could not be reached;
   * `needs-you` when there is no remembered password to use (or the server signs in on its web page or with a token).
   */
  outcome: 'signed-in' | 'failed' | 'needs-you';
  state: SessionState;
  error?: AppErrorInfo;
}

export interface ConnectionTestResult {
  serverInfo: ServerInfo;
  sessionUrl: string;
  warnings: string[];
}

export interface ChosenCertificate {
  fileName: string;
  pem: string;
  certificate: CertificateSummary;
}
