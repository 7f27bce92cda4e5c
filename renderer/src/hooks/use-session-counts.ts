// What the toolbar says about all servers at once: how many are signed in, expired or failing, and whether there
// is anything for "sign out of all" to do.
import { useMemo } from 'react';
import type { ServerProfile, SessionState } from '../../../electron/shared/model';
import type { SessionCounts } from '../components/toolbar';
import { statusCounts } from '../list/list-model';
import { holdsSession } from '../view-model';

export function useSessionCounts(
  profiles: ServerProfile[],
  sessions: ReadonlyMap<string, SessionState>,
): { counts: SessionCounts; canSignOutAll: boolean } {
  return useMemo(() => {
    const byStatus = statusCounts(profiles, sessions);
    const counts: SessionCounts = {
      signedIn: byStatus['signed-in'],
      expired: byStatus.expired,
      error: byStatus.error,
      total: byStatus.all,
    };
    const canSignOutAll = profiles.some((profile) => holdsSession(sessions.get(profile.id)));
    return { counts, canSignOutAll };
  }, [profiles, sessions]);
}
