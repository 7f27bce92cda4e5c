// The state of a server with no session: the starting point in the core and what the renderer shows for a
// server it has no state for yet.
import type { SessionState } from './model';

export function signedOutState(profileId: string): SessionState {
  return {
    profileId,
    status: 'signed-out',
    cookieNames: [],
    persisted: false,
    passwordRemembered: false,
    warnings: [],
  };
}
