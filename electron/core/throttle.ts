// Runs a piece of work at most once per interval, however often it is asked for: the first request after a quiet
// spell runs on the next turn of the event loop, later ones are gathered and run once when the interval is up
// (the trailing edge), so the last request is always honoured.
export interface Throttle {
  /** Asks for a run; does nothing when one is already due. */
  request(): void;
  /** Runs a due run now (e.g. before shutting down). */
  flush(): void;
  /** Drops a due run. */
  cancel(): void;
}

export function createThrottle(run: () => void, intervalMs: number, now: () => number = Date.now): Throttle {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = -Infinity;
  const fire = (): void => {
    timer = undefined;
    lastRun = now();
    run();
  };
  return {
    request() {
      if (timer !== undefined) return;
      timer = setTimeout(fire, Math.max(0, lastRun + intervalMs - now()));
    },
    flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      fire();
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
