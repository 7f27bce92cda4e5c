// The keyed limiter behind refresh-all, sign-out-all and the admin actions on every server.
import { describe, expect, it } from 'vitest';
import { hostKey, KeyedLimiter, mapWithConcurrency } from '../../electron/core/concurrency';

/** Tasks the test finishes by hand, recording how many run at once per key and in all. */
function gate() {
  const running = new Map<string, number>();
  const peak = new Map<string, number>();
  let total = 0;
  let peakTotal = 0;
  const started: string[] = [];
  const pending: (() => void)[] = [];
  const task =
    (key: string, label = key) =>
    () => {
      started.push(label);
      total += 1;
      peakTotal = Math.max(peakTotal, total);
      running.set(key, (running.get(key) ?? 0) + 1);
      peak.set(key, Math.max(peak.get(key) ?? 0, running.get(key)!));
      return new Promise<string>((resolve) =>
        pending.push(() => {
          total -= 1;
          running.set(key, running.get(key)! - 1);
          resolve(label);
        }),
      );
    };
  /** Finishes every task started so far, then lets the limiter start the next ones. */
  const finishStarted = async () => {
    for (const finish of pending.splice(0)) finish();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { task, started, peak, finishStarted, peakTotal: () => peakTotal, pending: () => pending.length };
}

async function drain(g: ReturnType<typeof gate>, work: Promise<unknown>): Promise<void> {
  let settled = false;
  void work.finally(() => (settled = true));
  while (!settled) await g.finishStarted();
}

describe('KeyedLimiter', () => {
  it('runs at most perKey tasks per host and total in all, and keeps the input order in the result', async () => {
    const g = gate();
    const limiter = new KeyedLimiter({ perKey: 2, total: 5 });
    const items = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'd'].map((key, i) => ({ key, label: `${key}${i}` }));
    const result = limiter.map(
      items,
      (item) => item.key,
      (item) => g.task(item.key, item.label)(),
    );
    await new Promise((resolve) => setImmediate(resolve));
    // The first turn: two of a, two of b, then the total of 5 is reached with one of c.
    expect(g.started).toEqual(['a0', 'a1', 'b4', 'b5', 'c7']);
    await drain(g, result);
    expect(await result).toEqual(items.map((item) => item.label));
    expect([...g.peak.values()].every((peak) => peak <= 2)).toBe(true);
    expect(g.peak.get('a')).toBe(2);
    expect(g.peakTotal()).toBe(5);
  });

  it('does not hold a free host back behind a busy one', async () => {
    const g = gate();
    const limiter = new KeyedLimiter({ perKey: 1, total: 10 });
    const busy = [limiter.run('a', g.task('a', 'a1')), limiter.run('a', g.task('a', 'a2'))];
    const free = limiter.run('b', g.task('b', 'b1'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(g.started).toEqual(['a1', 'b1']);
    await drain(g, Promise.all([...busy, free]));
    expect(g.started).toEqual(['a1', 'b1', 'a2']);
  });

  it('shares its limits between bursts that overlap', async () => {
    const g = gate();
    const limiter = new KeyedLimiter({ perKey: 2, total: 100 });
    const first = limiter.map(
      ['x', 'x'],
      (key) => key,
      (key) => g.task(key)(),
    );
    const second = limiter.map(
      ['x', 'x'],
      (key) => key,
      (key) => g.task(key)(),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(g.pending()).toBe(2);
    await drain(g, Promise.all([first, second]));
    expect(g.peak.get('x')).toBe(2);
  });

  it('gives the slot back when a task fails or throws before returning a promise', async () => {
    const limiter = new KeyedLimiter({ perKey: 1, total: 1 });
    const failing = limiter.run('a', () => Promise.reject(new Error('refused')));
    const throwing = limiter.run('a', () => {
      throw new Error('thrown');
    });
    const after = limiter.run('a', () => Promise.resolve('ran'));
    await expect(failing).rejects.toThrow('refused');
    await expect(throwing).rejects.toThrow('thrown');
    await expect(after).resolves.toBe('ran');
  });

  it('keys servers by host and port, whatever the path', () => {
    expect(hostKey('https://jira.example.com/jira')).toBe('jira.example.com');
    expect(hostKey('https://jira.example.com:8443/')).toBe('jira.example.com:8443');
    expect(hostKey('http://127.0.0.1:8080/a')).not.toBe(hostKey('http://127.0.0.1:8081/a'));
  });
});

describe('mapWithConcurrency', () => {
  it('keeps at most `limit` calls in flight, whatever their items', async () => {
    const g = gate();
    const result = mapWithConcurrency([1, 2, 3, 4, 5], 2, (n) => g.task('all', String(n))());
    await new Promise((resolve) => setImmediate(resolve));
    expect(g.started).toEqual(['1', '2']);
    await drain(g, result);
    expect(await result).toEqual(['1', '2', '3', '4', '5']);
    expect(g.peakTotal()).toBe(2);
  });
});
