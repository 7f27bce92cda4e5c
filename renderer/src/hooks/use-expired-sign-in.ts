// "Sign in to all expired": one call to main, which signs in every expired server with a remembered password in
// parallel; the answer (one line per server) opens the results dialog.
import { useCallback, useState } from 'react';
import type { AppErrorInfo, ExpiredSignInResult, SessionState } from '../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../bridge';

export type ExpiredSignInAnswer = { results: ExpiredSignInResult[] } | { error: AppErrorInfo };

export function useExpiredSignIn(bridge: JiraSessionsBridge, applySession: (state: SessionState) => void) {
  const [running, setRunning] = useState(false);
  const [answer, setAnswer] = useState<ExpiredSignInAnswer | null>(null);

  const start = useCallback(() => {
    setRunning(true);
    bridge
      .signInExpired()
      .then(
        (results) => {
          for (const result of results) applySession(result.state);
          setAnswer({ results });
        },
        (reason: unknown) => setAnswer({ error: readAppError(reason) }),
      )
      .finally(() => setRunning(false));
  }, [applySession, bridge]);

  const close = useCallback(() => setAnswer(null), []);
  return { running, answer, start, close };
}
