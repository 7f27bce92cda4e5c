// Moving, regrouping and starring servers (profiles:arrange): the answer is the whole list in its new order; a
// refusal is shown above the list and nothing moves.
import { useCallback, useMemo, useState } from 'react';
import type { AppErrorInfo, ProfileArrangement } from '../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../bridge';
import type { DashboardActions } from './use-dashboard-state';

export interface ArrangeProfiles {
  /** Resolves true once saved, false when refused (the error is then in `error`). */
  run(profileIds: string[], arrangement: ProfileArrangement): Promise<boolean>;
  error: AppErrorInfo | null;
  dismiss(): void;
}

export function useArrangeProfiles(
  bridge: JiraSessionsBridge,
  { applyProfiles }: Pick<DashboardActions, 'applyProfiles'>,
): ArrangeProfiles {
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const run = useCallback(
    async (profileIds: string[], arrangement: ProfileArrangement) => {
      try {
        applyProfiles(await bridge.arrangeProfiles(profileIds, arrangement));
        setError(null);
        return true;
      } catch (reason) {
        setError(readAppError(reason));
        return false;
      }
    },
    [bridge, applyProfiles],
  );
  const dismiss = useCallback(() => setError(null), []);
  return useMemo(() => ({ run, error, dismiss }), [run, error, dismiss]);
}
