// "Sign in to all expired" (and a bulk sign-in of the selected servers): every expired server with a remembered
// password signs in, in parallel (each in its own profile's queue); the others are listed as needing the person, so
// nothing is tried that would need a prompt.
import type { ExpiredSignInResult, ServerProfile, SessionState } from '../../shared/model';
import { hostKey, type KeyedLimiter } from '../concurrency';
import { toAppErrorInfo } from '../errors';
import { replaysPassword } from './quiet-sign-in';
import type { SessionService } from './session-service';

export async function signInExpired(
  sessions: Pick<SessionService, 'list' | 'login' | 'state'>,
  profiles: readonly ServerProfile[],
  limiter: KeyedLimiter,
  only?: ReadonlySet<string>,
): Promise<ExpiredSignInResult[]> {
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  // A selection (a bulk action) asks for every chosen server that is not signed in, whatever ended its session.
  const wanted = (state: SessionState) =>
    only ? only.has(state.profileId) && state.status !== 'signed-in' : state.status === 'expired';
  const expired = sessions.list().filter((state) => wanted(state) && byId.has(state.profileId));
  const hostOf = (state: { profileId: string }) => hostKey(byId.get(state.profileId)!.baseUrl);
  return limiter.map(expired, hostOf, async (state): Promise<ExpiredSignInResult> => {
    const profile = byId.get(state.profileId) as ServerProfile;
    if (!state.passwordRemembered || !replaysPassword(profile)) {
      return { profileId: profile.id, outcome: 'needs-you', state };
    }
    try {
      const next = await sessions.login(profile.id, 'remembered');
      if (next.status === 'signed-in') return { profileId: profile.id, outcome: 'signed-in', state: next };
      return { profileId: profile.id, outcome: 'failed', state: next, ...(next.error ? { error: next.error } : {}) };
    } catch (error) {
      // The password was forgotten meanwhile, or the server was removed: say so on its line, do not fail the rest.
      return {
        profileId: profile.id,
        outcome: 'failed',
        state: sessions.state(profile.id),
        error: toAppErrorInfo(error),
      };
    }
  });
}
