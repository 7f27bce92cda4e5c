// "End admin access everywhere" from the window: offered while an administrator holds a session somewhere, and a
// notice with what each server answered.
import { useCallback, useMemo, useState } from 'react';
import type { WebSudoResult } from '../../../../electron/shared/admin';
import type { ServerProfile, SessionState } from '../../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../../bridge';
import { InfoIcon } from '../icons';
import { Notice } from '../notice';
import { isAdministrator } from './admin-mark';
import { ExpiringTokens } from './expiring-tokens';

/** An administrator's session with a cookie: one that may hold admin access to end (token sessions hold none). */
export function mayHoldAdminAccess(state: SessionState | undefined): boolean {
  return state?.status === 'signed-in' && isAdministrator(state.adminLevel) && state.cookieNames.includes('JSESSIONID');
}

export function useAdminEverywhere(bridge: JiraSessionsBridge, sessions: ReadonlyMap<string, SessionState>) {
  const [results, setResults] = useState<WebSudoResult[] | null>(null);
  const [busy, setBusy] = useState(false);
  const available = useMemo(() => [...sessions.values()].some(mayHoldAdminAccess), [sessions]);
  const endEverywhere = useCallback(async () => {
    setBusy(true);
    try {
      setResults(await bridge.releaseAdminAccessEverywhere());
    } catch (reason) {
      setResults([{ profileId: '', released: false, error: readAppError(reason) }]);
    } finally {
      setBusy(false);
    }
  }, [bridge]);
  const dismiss = useCallback(() => setResults(null), []);
  return { available, busy, results, endEverywhere, dismiss };
}

/** The window-wide admin notices: tokens about to expire, and what "End admin access everywhere" left to say. */
export function AdminNotices({
  bridge,
  profiles,
  sessions,
  everywhere,
}: {
  bridge: JiraSessionsBridge;
  profiles: readonly ServerProfile[];
  sessions: ReadonlyMap<string, SessionState>;
  everywhere: ReturnType<typeof useAdminEverywhere>;
}) {
  return (
    <>
      <ExpiringTokens bridge={bridge} profiles={profiles} sessions={sessions} />
      {everywhere.results ? (
        <AdminEverywhereResults results={everywhere.results} profiles={profiles} onDismiss={everywhere.dismiss} />
      ) : null}
    </>
  );
}

function AdminEverywhereResults({
  results,
  profiles,
  onDismiss,
}: {
  results: WebSudoResult[];
  profiles: readonly ServerProfile[];
  onDismiss(): void;
}) {
  const failed = results.filter((result) => !result.released);
  const labelOf = (profileId: string) => profiles.find((profile) => profile.id === profileId)?.label ?? 'The app';
  return (
    <Notice
      tone={failed.length > 0 ? 'warning' : 'info'}
      icon={<InfoIcon size={18} />}
      title={
        failed.length > 0
          ? 'Admin access could not be ended everywhere'
          : `Admin access ended on ${results.length} ${results.length === 1 ? 'server' : 'servers'}`
      }
      role="status"
      onDismiss={onDismiss}
    >
      {failed.length > 0 ? (
        <ul className="notice-list">
          {failed.map((result) => (
            <li key={result.profileId}>
              {labelOf(result.profileId)}: {result.error?.message ?? 'Jira did not confirm it.'}
            </li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
