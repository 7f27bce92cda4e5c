// What the toolbar says about all servers at once: how many are signed in, expired or failing, the failed sign-ins
// the last checks found, which servers are being checked, and whether there is anything for "sign out of all" to do.
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
      failedSignIns: 0,
      checking: [],
    };
    let canSignOutAll = false;
    for (const profile of profiles) {
      const session = sessions.get(profile.id);
      if (holdsSession(session)) canSignOutAll = true;
      counts.failedSignIns += session?.failedSignInsSinceCheck ?? 0;
      if (session?.activity === 'checking') counts.checking.push(profile.label);
    }
    return { counts, canSignOutAll };
  }, [profiles, sessions]);
}
