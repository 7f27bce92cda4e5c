// Focus follows each action (sign-in → the signed-in heading, sign-out → the password, ...). The element that
// should take it often appears only once React has committed the new state, so the request waits for that.
import { useCallback, useEffect, useRef, useState } from 'react';

/** A CSS selector, or a function that finds the element. */
export type FocusTarget = string | (() => HTMLElement | null);

interface PendingFocus {
  targets: FocusTarget[];
  until: number;
}

const WAIT_MS = 2_000;

/** Returns `requestFocus(...targets)`: after the next commit, focus the first element that is there. */
export function useFocusAfterRender(): (...targets: FocusTarget[]) => void {
  const pending = useRef<PendingFocus | null>(null);
  // A request with no state change of its own still needs a commit to run the effect below.
  const [, setRequests] = useState(0);

  useEffect(() => {
    const request = pending.current;
    if (!request) return;
    if (performance.now() > request.until) {
      pending.current = null;
      return;
    }
    for (const target of request.targets) {
      const element = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target();
      if (element) {
        pending.current = null;
        element.focus();
        return;
      }
    }
  });

  return useCallback((...targets: FocusTarget[]) => {
    pending.current = { targets, until: performance.now() + WAIT_MS };
    setRequests((count) => count + 1);
  }, []);
}
