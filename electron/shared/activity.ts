// The local activity log (History): what happened to which session, when, for whom. Never a secret: entries hold a
// server's name, address and user, how a sign-in happened, and an error's kind — no password, cookie or token.
import type { ErrorKind } from './model';

export const ACTIVITY_KINDS = [
  'signed-in',
  'sign-in-failed',
  'signed-out',
  'expired',
  'admin-access-ended',
  'token-created',
  'token-revoked',
  'imported',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** How a sign-in happened: by hand with a password, on the web page, with a token, or quietly after an expiry. */
export const SIGN_IN_WAYS = ['password', 'web', 'token', 'quiet'] as const;
export type SignInWay = (typeof SIGN_IN_WAYS)[number];

export interface ActivityEntry {
  /** ISO-8601 time (UTC). */
  at: string;
  profileId: string;
  kind: ActivityKind;
  /** The server as it was named then (it may have been renamed or removed since). */
  label: string;
  baseUrl: string;
  username: string;
  /** signed-in, sign-in-failed: how. */
  via?: SignInWay;
  /** signed-out: whether Jira confirmed it (false: only this app's copy was cleared). */
  serverConfirmed?: boolean;
  /** sign-in-failed (and an unconfirmed sign-out or admin release): the error's kind. */
  errorKind?: ErrorKind;
  /** A few words more: a token's name, "added" or "updated" for an import, why a session ended. */
  detail?: string;
}

export interface ActivityQuery {
  profileId?: string;
  limit?: number;
}

/** The log keeps at most this many entries, and none older than the retention. */
export const MAX_ACTIVITY_ENTRIES = 10_000;
export const ACTIVITY_RETENTION_DAYS = 90;
