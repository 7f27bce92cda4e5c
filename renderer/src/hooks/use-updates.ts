// Where the app's own updates stand, as main tells it (updates:state once, then every updates:changed), and the two
// things the person can ask for: a check now, and the restart that installs a downloaded update.
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorInfo } from '../../../electron/shared/model';
import type { UpdateState } from '../../../electron/shared/updates';
import { readAppError, type JiraSessionsBridge } from '../bridge';

export interface Updates {
  state: UpdateState | null;
  /** A check the person asked for is on its way. */
  asking: boolean;
  /** What went wrong with a check or an install the person asked for. */
  error: AppErrorInfo | null;
  /** main could not say where updates stand (the state stays null). */
  unavailable: boolean;
  check(): void;
  install(): void;
  dismissError(): void;
}

export function useUpdates(bridge: JiraSessionsBridge): Updates {
  const [state, setState] = useState<UpdateState | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    let live = true;
    // Subscribed first: a change that arrives while the state loads is newer than the answer, so it wins.
    const unsubscribe = bridge.onUpdateState((next) => setState(next));
    bridge.getUpdateState().then(
      (loaded) => live && setState((current) => current ?? loaded),
      () => live && setUnavailable(true),
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [bridge]);

  const check = useCallback(() => {
    setError(null);
    setAsking(true);
    bridge
      .checkForUpdates()
      .then(setState, (caught: unknown) => setError(readAppError(caught)))
      .finally(() => setAsking(false));
  }, [bridge]);

  const install = useCallback(() => {
    setError(null);
    bridge.installUpdate().catch((caught: unknown) => setError(readAppError(caught)));
  }, [bridge]);

  const dismissError = useCallback(() => setError(null), []);
  return { state, asking, error, unavailable, check, install, dismissError };
}
