// Long waits the person can end: a sign-in, a check or a connection test per key (a profile, or a test). Each piece
// of work gets its own AbortController when it is asked for, so `cancel` also ends work still queued behind it;
// while it runs, `signal(key)` is what the key's Jira client aborts its request with.
export class Cancellations {
  private readonly waiting = new Map<string, Set<AbortController>>();
  private readonly running = new Map<string, AbortSignal>();

  /**
   * Registers the work now, under `key` and (when given) `group`, so a batch can be cancelled at once; returns the
   * runner to call when its turn comes (after a queue). Work cancelled before it started still runs, but its first
   * request fails at once as `cancelled`: each kind of work handles that as it handles a cancel midway.
   */
  track<T>(key: string, work: () => Promise<T>, group?: string): () => Promise<T> {
    const controller = new AbortController();
    const sets = [key, ...(group ? [group] : [])].map((name) => this.join(name, controller));
    return async () => {
      try {
        this.running.set(key, controller.signal);
        return await work();
      } finally {
        if (this.running.get(key) === controller.signal) this.running.delete(key);
        for (const [name, set] of sets) {
          set.delete(controller);
          if (set.size === 0 && this.waiting.get(name) === set) this.waiting.delete(name);
        }
      }
    };
  }

  /** The signal of the work running for `key`, if any. */
  signal(key: string): AbortSignal | undefined {
    return this.running.get(key);
  }

  /** Whether any cancellable work for `key` is running or waiting. */
  pending(key: string): boolean {
    return (this.waiting.get(key)?.size ?? 0) > 0;
  }

  /** Aborts everything asked for `key` or in group `key` (running and queued); true when there was any. */
  cancel(key: string): boolean {
    const set = this.waiting.get(key);
    if (!set || set.size === 0) return false;
    for (const controller of set) controller.abort();
    return true;
  }

  private join(name: string, controller: AbortController): [string, Set<AbortController>] {
    const set = this.waiting.get(name) ?? new Set<AbortController>();
    set.add(controller);
    this.waiting.set(name, set);
    return [name, set];
  }
}
