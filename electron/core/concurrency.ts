// Small async helpers the session service needs: bounded parallelism and per-key serialisation.

export interface ParallelLimits {
  /** Tasks in flight for one key (one host) at once: a server is never hit by a whole burst at the same time. */
  perKey: number;
  /** Tasks in flight in all: generous, since every server is usually a host of its own. */
  total: number;
}

/** Each server may get a few calls at once; a thousand servers are still checked nearly all at once. */
export const DEFAULT_PARALLEL_LIMITS: ParallelLimits = { perKey: 4, total: 256 };

/** The key a server's calls are limited under: its host and port, as its connections are. */
export function hostKey(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Runs tasks with at most `perKey` in flight for each key and `total` in all; waiting tasks start in the order
 * they came, skipping those whose key is busy. One limiter is shared by refresh-all, sign-out-all and the admin
 * actions on every server, so two bursts at once still respect each host's limit.
 */
export class KeyedLimiter {
  private readonly running = new Map<string, number>();
  /** Waiting tasks per key; a Map keeps the keys in the order their first waiting task came. */
  private readonly waiting = new Map<string, (() => void)[]>();
  private inFlight = 0;

  constructor(private readonly limits: ParallelLimits) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.inFlight += 1;
        this.running.set(key, (this.running.get(key) ?? 0) + 1);
        // A task that throws before returning its promise still gives its slot back.
        new Promise<T>((settle) => settle(task())).then(resolve, reject).finally(() => this.finish(key));
      };
      if (this.hasRoom(key)) start();
      else {
        const queue = this.waiting.get(key);
        if (queue) queue.push(start);
        else this.waiting.set(key, [start]);
      }
    });
  }

  /** Maps items under their keys, keeping the input order in the result. */
  map<T, R>(items: readonly T[], keyOf: (item: T) => string, work: (item: T) => Promise<R>): Promise<R[]> {
    return Promise.all(items.map((item) => this.run(keyOf(item), () => work(item))));
  }

  private hasRoom(key: string): boolean {
    return this.inFlight < this.limits.total && (this.running.get(key) ?? 0) < this.limits.perKey;
  }

  private finish(key: string): void {
    this.inFlight -= 1;
    const left = (this.running.get(key) ?? 1) - 1;
    if (left > 0) this.running.set(key, left);
    else this.running.delete(key);
    for (const [waitingKey, queue] of this.waiting) {
      if (this.inFlight >= this.limits.total) return;
      while (queue.length > 0 && this.hasRoom(waitingKey)) queue.shift()!();
      if (queue.length === 0) this.waiting.delete(waitingKey);
    }
  }
}

/** Maps items with at most `limit` calls in flight, keeping the input order in the result. */
export function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const limiter = new KeyedLimiter({ perKey: limit, total: limit });
  return limiter.map(items, () => '', work);
}

/** Runs tasks for the same key one after another, so two actions on one profile never interleave. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
