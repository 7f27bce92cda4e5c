// What needs an administrator's eye without being a failure, in the same words in the window, the tray and the core:
// failed sign-ins on the account since the last check, and a sign-out the server did not confirm.
import type { LogoutResult, SessionState } from './model';

export const MAY_STILL_BE_SIGNED_IN = 'May still be signed in on the server';

/** "3 failed sign-in attempts since the last check". */
export function failedSignInsText(count: number): string {
  return `${count} failed sign-in attempt${count === 1 ? '' : 's'} since the last check`;
}

/** Failed sign-ins found at the last check, over every server. */
export function totalFailedSignIns(sessions: Iterable<SessionState>): number {
  let total = 0;
  for (const session of sessions) total += session.failedSignInsSinceCheck ?? 0;
  return total;
}

/** Failures first: the servers that may still hold a session are the ones to read about. */
export function failuresFirst(results: readonly LogoutResult[]): LogoutResult[] {
  return [...results].sort((a, b) => Number(a.serverConfirmed) - Number(b.serverConfirmed));
}
