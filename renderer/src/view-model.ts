// Small pure derivations shared by the list and the pane, kept cheap: the list derives them for every server.
import type { Environment, ServerProfile, SessionState, SessionStatus } from '../../electron/shared/model';

/** Work under way wins over the status it does not change yet. */
export type DisplayStatus = SessionStatus | 'checking' | 'signing-out';

export function displayStatus(session: Pick<SessionState, 'status' | 'activity'>): DisplayStatus {
  return session.activity ?? session.status;
}

export const STATUS_TEXT: Record<DisplayStatus, string> = {
  'signed-in': 'Signed in',
  'signed-out': 'Signed out',
  expired: 'Expired',
  error: 'Error',
  'signing-in': 'Signing in…',
  checking: 'Checking…',
  'signing-out': 'Signing out…',
};

export const ENVIRONMENT_TEXT: Record<Environment, { full: string; short: string }> = {
  production: { full: 'Production', short: 'Prod' },
  staging: { full: 'Staging', short: 'Stage' },
  test: { full: 'Test', short: 'Test' },
  development: { full: 'Development', short: 'Dev' },
};
/** A server nobody has said the environment of (saved by an early build): neutral, never red. */
export const UNSET_ENVIRONMENT_TEXT = { full: 'No environment', short: 'Env?' } as const;

export function environmentText(environment: Environment | undefined): { full: string; short: string } {
  return environment ? ENVIRONMENT_TEXT[environment] : UNSET_ENVIRONMENT_TEXT;
}

/** "jira.example.com/jira": what an administrator recognises a server by. */
export function hostOf(baseUrl: string): string {
  return baseUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
}

/** A server "sign out of all" would sign out of: signed in, or still holding cookies. */
export function holdsSession(session: SessionState | undefined): boolean {
  if (!session) return false;
  return session.status === 'signed-in' || session.cookieNames.length > 0;
}

/** Whether the pane shows who is signed in: while signed in, and through an error that left the user known. */
export function showsSessionDetails(session: SessionState): boolean {
  return session.status === 'signed-in' || (session.status === 'error' && session.user !== undefined);
}

export function matchesFilter(profile: ServerProfile, session: SessionState | undefined, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  const haystack = [
    profile.label,
    profile.baseUrl,
    profile.username,
    environmentText(profile.environment).full,
    session?.user?.displayName ?? '',
    session ? STATUS_TEXT[displayStatus(session)] : '',
  ];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}

/** Two letters for an avatar stand-in: "Fred Jones" → "FJ". */
export function signsInWithToken(profiles: readonly ServerProfile[], profileId: string): boolean {
  return profiles.some((profile) => profile.id === profileId && profile.signInMethod === 'token');
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
