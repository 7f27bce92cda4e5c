// The `sessions:delta` event: during a refresh-all a thousand states change within a second, and sending the
// whole list for each (to the window and the tray) grows with N². Changes are gathered and sent at most ten times
// a second, each time only the fields that differ from what was last sent.
import type { SessionState } from '../../shared/model';
import { diffSession, type SessionPatch, type SessionsDelta } from '../../shared/session-delta';
import { createThrottle } from '../throttle';

export const SESSION_EVENT_INTERVAL_MS = 100;

export interface SessionAnnouncer {
  /** Something in the list changed; a delta follows within SESSION_EVENT_INTERVAL_MS. */
  changed(): void;
  /** Sends what is due now (before an answer or a list, and at shutdown, so no change is lost or late). */
  flush(): void;
  /** Takes the current list as known to every listener, without sending it (after start-up, before anyone listens). */
  sync(): void;
  dispose(): void;
}

export function createSessionAnnouncer(
  list: () => SessionState[],
  emit: (delta: SessionsDelta) => void,
  intervalMs = SESSION_EVENT_INTERVAL_MS,
): SessionAnnouncer {
  // What the listeners have been told: the list they loaded plus every delta since.
  let sent = new Map<string, SessionState>();
  const send = (): void => {
    const next = new Map<string, SessionState>();
    const changed: SessionPatch[] = [];
    for (const state of list()) {
      next.set(state.profileId, state);
      const patch = diffSession(sent.get(state.profileId), state);
      if (patch) changed.push(patch);
    }
    const removed = [...sent.keys()].filter((profileId) => !next.has(profileId));
    sent = next;
    if (changed.length || removed.length) emit({ changed, removed });
  };
  const throttle = createThrottle(send, intervalMs);
  return {
    changed: () => throttle.request(),
    flush: () => throttle.flush(),
    sync: () => {
      throttle.cancel();
      sent = new Map(list().map((state) => [state.profileId, state]));
    },
    dispose: () => throttle.cancel(),
  };
}
