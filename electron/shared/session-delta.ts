// What changed in the session list since the last event: the core computes it, main's tray and the renderer apply
// it to the list they loaded once. Field by field, so a liveness check sends its few changed fields and not the
// whole state again (a user's avatar and groups stay where they are).
import type { SessionState } from './model';

/** One server's change: the fields set (all of them for a server new to the list) and the fields cleared. */
export interface SessionPatch {
  profileId: string;
  set: Partial<SessionState>;
  unset?: (keyof SessionState)[];
}

/** The `sessions:delta` event: what changed since the previous one, and the servers that left the list. */
export interface SessionsDelta {
  changed: SessionPatch[];
  removed: string[];
}

/** The patch that turns `before` (undefined: a server new to the list) into `after`; null when nothing changed. */
export function diffSession(before: SessionState | undefined, after: SessionState): SessionPatch | null {
  if (before === after) return null;
  if (!before) return { profileId: after.profileId, set: { ...after } };
  const set: Record<string, unknown> = {};
  const unset: (keyof SessionState)[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof SessionState>) {
    const next = after[key];
    if (next === undefined) {
      if (before[key] !== undefined) unset.push(key);
    } else if (!sameValue(before[key], next)) {
      set[key] = next;
    }
  }
  if (Object.keys(set).length === 0 && unset.length === 0) return null;
  return { profileId: after.profileId, set, ...(unset.length ? { unset } : {}) };
}

/** Applies a delta to a map of states by profile id, in place; returns whether anything changed. */
export function applySessionsDelta(sessions: Map<string, SessionState>, delta: SessionsDelta): boolean {
  for (const profileId of delta.removed) sessions.delete(profileId);
  for (const patch of delta.changed) {
    const next = { ...sessions.get(patch.profileId), ...patch.set } as SessionState;
    for (const key of patch.unset ?? []) delete next[key];
    sessions.set(patch.profileId, next);
  }
  return delta.removed.length > 0 || delta.changed.length > 0;
}

/**
 * The list loaded with `sessions:list` and the deltas that arrived while it loaded, applied in order. The core
 * sends what is pending just before it reads the list, so each delta is a change since an earlier list: replaying
 * them leaves every field at its newest value, whichever side of the list they were sent.
 */
export function replayOnto(list: SessionState[], deltas: readonly SessionsDelta[]): Map<string, SessionState> {
  const sessions = new Map(list.map((state) => [state.profileId, state]));
  for (const delta of deltas) applySessionsDelta(sessions, delta);
  return sessions;
}

// States are plain JSON; the same reference (the usual case for a field a change did not touch) is compared free.
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
