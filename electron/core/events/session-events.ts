// The `sessions:delta` event: during a refresh-all a thousand states change within a second, and sending the
// whole list for each (to the window and the tray) grows with N². Changes are gathered and sent at most ten times
// a second, each time only the fields that differ from what was last sent. A change that names its state is
// compared alone, so one sign-in among a thousand servers costs one comparison, not a thousand.
import type { SessionState } from '../../shared/model';
import { diffSession, type SessionPatch, type SessionsDelta } from '../../shared/session-delta';
import { createThrottle } from '../throttle';

export const SESSION_EVENT_INTERVAL_MS = 100;

export interface SessionAnnouncer {
  /** `state` changed (without it: anything may have, e.g. a server went); a delta follows within the interval. */
  changed(state?: SessionState): void;
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
  // The states named since the last send (the newest of each); undefined while the whole list must be compared.
  let named: Map<string, SessionState> | undefined = new Map();
  const compareAll = (changed: SessionPatch[]): string[] => {
    const next = new Map<string, SessionState>();
    for (const state of list()) {
      next.set(state.profileId, state);
      const patch = diffSession(sent.get(state.profileId), state);
      if (patch) changed.push(patch);
    }
    const removed = [...sent.keys()].filter((profileId) => !next.has(profileId));
    sent = next;
    return removed;
  };
  const send = (): void => {
    const changed: SessionPatch[] = [];
    const removed = named ? [] : compareAll(changed);
    for (const state of named?.values() ?? []) {
      const patch = diffSession(sent.get(state.profileId), state);
      sent.set(state.profileId, state);
      if (patch) changed.push(patch);
    }
    named = new Map();
    if (changed.length || removed.length) emit({ changed, removed });
  };
  const throttle = createThrottle(send, intervalMs);
  return {
    changed: (state) => {
      if (!state) named = undefined;
      else named?.set(state.profileId, state);
      throttle.request();
    },
    flush: () => throttle.flush(),
    sync: () => {
      throttle.cancel();
      named = new Map();
      sent = new Map(list().map((state) => [state.profileId, state]));
    },
    dispose: () => throttle.cancel(),
  };
}
