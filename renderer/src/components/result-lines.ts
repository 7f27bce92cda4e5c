// Each per-server answer of the actions on many servers, as one line of the results list (results-list.tsx): the
// same words whether the action ran on every server or on the list's selection.
import type { WebSudoResult } from '../../../electron/shared/admin';
import type { ExpiredSignInResult, LogoutResult, ServerProfile, SessionState } from '../../../electron/shared/model';
import type { ResultLine } from './results-list';

function needsYouText(profile: ServerProfile | undefined): string {
  if (profile?.signInMethod === 'web') return 'Signs in on its web page: sign in yourself';
  if (profile?.signInMethod === 'token') return 'Signs in with a token: sign in yourself';
  return 'No saved password: sign in yourself';
}

const withDetail = (line: ResultLine, detail: string | undefined): ResultLine => (detail ? { ...line, detail } : line);

export function signInLine(result: ExpiredSignInResult, profile: ServerProfile | undefined): ResultLine {
  const { profileId, outcome, state } = result;
  const user = state.user;
  switch (outcome) {
    case 'signed-in':
      return { profileId, tone: 'ok', text: user ? `Signed in as ${user.displayName || user.name}` : 'Signed in' };
    case 'failed':
      return withDetail(
        { profileId, tone: 'failed', text: 'Could not sign in with the saved password' },
        result.error?.message,
      );
    case 'needs-you':
      return withDetail({ profileId, tone: 'needs-you', text: needsYouText(profile) }, result.error?.message);
  }
}

export function signOutLine(result: LogoutResult): ResultLine {
  if (result.serverConfirmed) return { profileId: result.profileId, tone: 'ok', text: 'Signed out' };
  return withDetail(
    { profileId: result.profileId, tone: 'failed', text: 'Signed out locally; the server could not be reached' },
    result.error?.message,
  );
}

/** A check's answer: still signed in, or what ended or failed. */
export function refreshLine(state: SessionState): ResultLine {
  const { profileId } = state;
  switch (state.status) {
    case 'signed-in':
      return { profileId, tone: 'ok', text: 'Checked: still signed in' };
    case 'expired':
      return { profileId, tone: 'failed', text: 'The session has ended on the server' };
    case 'error':
      return withDetail({ profileId, tone: 'failed', text: 'Could not check the session' }, state.error?.message);
    case 'signed-out':
    case 'signing-in':
      return { profileId, tone: 'skipped', text: 'Not signed in: nothing to check' };
  }
}

export function adminReleaseLine(result: WebSudoResult): ResultLine {
  if (result.released) return { profileId: result.profileId, tone: 'ok', text: 'Admin access ended' };
  return withDetail(
    { profileId: result.profileId, tone: 'failed', text: 'Jira did not confirm the end of admin access' },
    result.error?.message,
  );
}
