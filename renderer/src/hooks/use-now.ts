// One shared clock for relative times ("verified 2 minutes ago"): ticks only while something shows one.
import { useSyncExternalStore } from 'react';

const TICK_MS = 15_000;
let now = Date.now();
// Set when the last user went away: the next read takes a fresh time instead of one from long ago.
let stale = false;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    now = Date.now();
    timer = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
      stale = true;
    }
  };
}

function snapshot(): number {
  if (stale) {
    stale = false;
    now = Date.now();
  }
  return now;
}

/** Milliseconds since the epoch, refreshed every 15 s while any component uses it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
