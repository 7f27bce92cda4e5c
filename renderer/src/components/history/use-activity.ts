// Reads the activity log over the bridge, and again whenever sessions or servers change (that is when entries
// are added), so an open History stays current.
import { useCallback, useEffect, useState } from 'react';
import type { ActivityEntry, ActivityQuery } from '../../../../electron/shared/activity';
import type { AppErrorInfo } from '../../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../../bridge';

export function useActivity(bridge: JiraSessionsBridge, query: ActivityQuery) {
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const { profileId, limit } = query;

  const load = useCallback(() => {
    const wanted: ActivityQuery = {
      ...(profileId !== undefined ? { profileId } : {}),
      ...(limit !== undefined ? { limit } : {}),
    };
    bridge.listActivity(wanted).then(
      (found) => {
        setEntries(found);
        setError(null);
      },
      (caught: unknown) => setError(readAppError(caught)),
    );
  }, [bridge, profileId, limit]);

  useEffect(() => {
    load();
    // Entries land a moment after the change that caused them.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(load, 250);
    };
    const offSessions = bridge.onSessionsChanged(later);
    const offProfiles = bridge.onProfilesChanged(later);
    return () => {
      clearTimeout(timer);
      offSessions();
      offProfiles();
    };
  }, [bridge, load]);

  return { entries, error, reload: load };
}
