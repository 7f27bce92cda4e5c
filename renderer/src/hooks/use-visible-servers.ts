// The servers the list shows: all of them, or those the filter matches by name, address, user or status.
import { useMemo } from 'react';
import type { ServerProfile, SessionState } from '../../../electron/shared/model';
import { matchesFilter } from '../view-model';

export function useVisibleServers(
  profiles: ServerProfile[],
  sessions: ReadonlyMap<string, SessionState>,
  filter: string,
): ServerProfile[] {
  return useMemo(
    () =>
      filter.trim() === ''
        ? profiles
        : profiles.filter((profile) => matchesFilter(profile, sessions.get(profile.id), filter)),
    [profiles, sessions, filter],
  );
}
