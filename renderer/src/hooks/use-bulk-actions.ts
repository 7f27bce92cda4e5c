// Bulk actions on the list's selection: sign in (remembered passwords), refresh, sign out (after a confirmation) and
// end admin access. Each is one call of the whole-estate channel with the selection, so it runs in parallel within
// the core's per-host limits; its answer becomes one line per selected server, failures first.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AppErrorInfo, ServerProfile, SessionState } from '../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../bridge';
import { mayHoldAdminAccess } from '../components/admin/admin-everywhere';
import { adminReleaseLine, refreshLine, signInLine, signOutLine } from '../components/result-lines';
import type { ResultLine } from '../components/results-list';
import { holdsSession } from '../view-model';
import type { DashboardActions } from './use-dashboard-state';
import type { SelectionState } from './use-selection';

export const BULK_ACTIONS = ['sign-in', 'refresh', 'sign-out', 'end-admin-access'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export type BulkDialog =
  | { kind: 'confirm-sign-out'; targets: ServerProfile[]; busy: boolean; error?: AppErrorInfo }
  | { kind: 'results'; action: BulkAction; lines: ResultLine[]; error?: AppErrorInfo };

/** What a selected server the action had nothing to do on says. */
export const SKIPPED_TEXT: Record<BulkAction, string> = {
  'sign-in': 'Already signed in',
  refresh: 'Not signed in: nothing to check',
  'sign-out': 'Was not signed in',
  'end-admin-access': 'No admin access to end here',
};

/** Which selected servers each action can act on: the others get the skipped line. */
const ACTS_ON: Record<BulkAction, (state: SessionState | undefined) => boolean> = {
  'sign-in': (state) => state?.status !== 'signed-in',
  refresh: holdsSession,
  'sign-out': holdsSession,
  'end-admin-access': mayHoldAdminAccess,
};

export interface BulkActionsOptions {
  bridge: JiraSessionsBridge;
  actions: Pick<DashboardActions, 'applySession' | 'applySessions'>;
  profiles: readonly ServerProfile[];
  sessions: ReadonlyMap<string, SessionState>;
  selection: SelectionState;
}

export function useBulkActions({ bridge, actions, profiles, sessions, selection }: BulkActionsOptions) {
  const [running, setRunning] = useState<BulkAction | null>(null);
  const [dialog, setDialog] = useState<BulkDialog | null>(null);
  const targets = useRef<string[]>([]);
  const { checked } = selection;
  const chosen = useMemo(() => profiles.filter((profile) => checked.has(profile.id)), [profiles, checked]);
  const available = useMemo(() => {
    const can = (action: BulkAction) => chosen.some((profile) => ACTS_ON[action](sessions.get(profile.id)));
    return Object.fromEntries(BULK_ACTIONS.map((action) => [action, can(action)])) as Record<BulkAction, boolean>;
  }, [chosen, sessions]);

  const answer = useCallback(
    async (action: BulkAction, profileIds: string[]): Promise<ResultLine[]> => {
      const selected = { profileIds };
      const byId = new Map(profiles.map((profile) => [profile.id, profile]));
      switch (action) {
        case 'sign-in': {
          const results = await bridge.signInExpired(selected);
          for (const result of results) actions.applySession(result.state);
          return results.map((result) => signInLine(result, byId.get(result.profileId)));
        }
        case 'refresh': {
          const states = await bridge.refreshAll(selected);
          actions.applySessions(states);
          const asked = new Set(targets.current);
          return states.filter((state) => asked.has(state.profileId)).map(refreshLine);
        }
        case 'sign-out': {
          const results = await bridge.logoutAll(selected);
          for (const result of results) actions.applySession(result.state);
          return results.map(signOutLine);
        }
        case 'end-admin-access':
          return (await bridge.releaseAdminAccessEverywhere(selected)).map(adminReleaseLine);
      }
    },
    [actions, bridge, profiles],
  );

  const execute = useCallback(
    async (action: BulkAction) => {
      const profileIds = chosen.map((profile) => profile.id);
      targets.current = profileIds.filter((id) => ACTS_ON[action](sessions.get(id)));
      setRunning(action);
      try {
        const lines = await answer(action, profileIds);
        const answered = new Set(lines.map((line) => line.profileId));
        const skipped = profileIds
          .filter((id) => !answered.has(id))
          .map((profileId): ResultLine => ({ profileId, tone: 'skipped', text: SKIPPED_TEXT[action] }));
        setDialog({ kind: 'results', action, lines: [...lines, ...skipped] });
      } catch (reason) {
        setDialog({ kind: 'results', action, lines: [], error: readAppError(reason) });
      } finally {
        setRunning(null);
      }
    },
    [answer, chosen, sessions],
  );

  /** Sign-out asks first (how many, and whether any is production); the others start at once. */
  const run = useCallback(
    (action: BulkAction) => {
      if (action !== 'sign-out') return void execute(action);
      const holding = chosen.filter((profile) => holdsSession(sessions.get(profile.id)));
      setDialog({ kind: 'confirm-sign-out', targets: holding, busy: false });
    },
    [chosen, execute, sessions],
  );

  const confirmSignOut = useCallback(() => {
    setDialog((current) => (current?.kind === 'confirm-sign-out' ? { ...current, busy: true } : current));
    void execute('sign-out');
  }, [execute]);

  /** Sign-in and refresh stop where they are: what has answered keeps its result, the rest keeps its state. */
  const cancel = useCallback(() => {
    const ignore = () => undefined;
    if (running === 'refresh') bridge.cancelRefreshAll().catch(ignore);
    if (running === 'sign-in') for (const id of targets.current) bridge.cancelSession(id).catch(ignore);
  }, [bridge, running]);

  const close = useCallback(() => setDialog(null), []);

  return useMemo(
    () => ({ selection, count: chosen.length, available, running, dialog, run, confirmSignOut, cancel, close }),
    [selection, chosen.length, available, running, dialog, run, confirmSignOut, cancel, close],
  );
}

export type BulkActions = ReturnType<typeof useBulkActions>;
