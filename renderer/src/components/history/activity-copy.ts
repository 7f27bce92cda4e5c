// The words for an activity entry, and the history as CSV. One place, so the pane, the History screen and the
// exported file say the same thing.
import { formatCsv } from '../../../../electron/shared/csv';
import type { ActivityEntry, ActivityKind, SignInWay } from '../../../../electron/shared/activity';
import { ERROR_COPY } from '../error-copy';

export const KIND_LABELS: Record<ActivityKind, string> = {
  'signed-in': 'Signed in',
  'sign-in-failed': 'Sign-in failed',
  'signed-out': 'Signed out',
  expired: 'Session expired',
  'admin-access-ended': 'Admin access ended',
  'token-created': 'Token created',
  'token-revoked': 'Token revoked',
  imported: 'Imported',
};

const WAYS: Record<SignInWay, string> = {
  password: 'with a password',
  web: 'on the web page',
  token: 'with a token',
  quiet: 'quietly, with the remembered password',
};

/** "Signed in with a password", "Sign-in failed: Username or password not accepted", "Signed out (only here)". */
export function describeActivity(entry: ActivityEntry): string {
  const kind = KIND_LABELS[entry.kind];
  switch (entry.kind) {
    case 'signed-in':
      return entry.via ? `${kind} ${WAYS[entry.via]}` : kind;
    case 'sign-in-failed':
      return `${kind}${entry.via ? ` ${WAYS[entry.via]}` : ''}: ${entry.errorKind ? ERROR_COPY[entry.errorKind].title : 'unknown error'}`;
    case 'signed-out':
      if (entry.detail) return `${kind}: ${entry.detail}`;
      return entry.serverConfirmed === false ? `${kind} only in this app (Jira did not confirm)` : kind;
    default:
      return entry.detail ? `${kind}: ${entry.detail}` : kind;
  }
}

export function activityCsv(entries: readonly ActivityEntry[]): string {
  return formatCsv([
    ['time', 'server', 'url', 'user', 'event', 'details'],
    ...entries.map((entry) => [
      entry.at,
      entry.label,
      entry.baseUrl,
      entry.username,
      entry.kind,
      describeActivity(entry),
    ]),
  ]);
}
