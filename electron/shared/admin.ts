// Administrator powers on a signed-in server: ending admin access (WebSudo) and personal access tokens. The types
// cross IPC; the one that holds a secret, `CreatedToken`, is the single answer that ever carries a raw token.
import type { AppErrorInfo } from './model';

/** A personal access token as Jira lists it (never its value). Times are ISO-8601 strings (UTC). */
export interface PersonalAccessToken {
  id: number;
  name: string;
  createdAt?: string;
  /** Absent for a token that never expires. */
  expiringAt?: string;
  lastAccessedAt?: string;
}

/** The answer of `tokens:create`: the only time the raw token is shown. The app keeps no copy. */
export interface CreatedToken extends PersonalAccessToken {
  rawToken: string;
}

export interface TokenInput {
  name: string;
  expiresInDays: number;
}

export interface TokenCredentials {
  token: string;
}

/** A token of one server that expires within `EXPIRY_WINDOW_DAYS` (or already has). */
export interface ExpiringToken {
  profileId: string;
  token: PersonalAccessToken;
}

export interface ExpiringTokensReport {
  tokens: ExpiringToken[];
  /** Signed-in servers whose tokens could not be listed, and why (e.g. tokens-unavailable). */
  problems: { profileId: string; error: AppErrorInfo }[];
}

/** The result of ending admin access on one server. */
export interface WebSudoResult {
  profileId: string;
  /** True when Jira confirmed (204) that the secure administrator session is over. */
  released: boolean;
  error?: AppErrorInfo;
}

export const EXPIRY_WINDOW_DAYS = 14;
export const MAX_TOKEN_NAME_LENGTH = 255;
export const MAX_TOKEN_DAYS = 365;
export const TOKEN_EXPIRY_CHOICES = [30, 60, 90, 180, 365] as const;
/** How long a copied token stays on the clipboard before the app clears it (if it is still there). */
export const CLIPBOARD_CLEAR_MS = 60_000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a token expires within the window (or has expired) at `now`. */
export function expiresSoon(token: PersonalAccessToken, now: number): boolean {
  if (token.expiringAt === undefined) return false;
  const at = Date.parse(token.expiringAt);
  return Number.isFinite(at) && at - now <= EXPIRY_WINDOW_DAYS * DAY_MS;
}

/** Why a token name cannot be used, or undefined. */
export function tokenNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a name for the token.';
  if (trimmed.length > MAX_TOKEN_NAME_LENGTH) return `A token name can be at most ${MAX_TOKEN_NAME_LENGTH} characters.`;
  return undefined;
}

/** The Jira page where a person manages their own tokens, relative to the base URL. */
export const TOKENS_PAGE_PATH =
  '/secure/ViewProfile.jspa?selectedTab=com.atlassian.pats.pats-plugin:jira-user-personal-access-tokens';
