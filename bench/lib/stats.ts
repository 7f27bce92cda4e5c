// Small measuring helpers shared by every benchmark module.
import { setTimeout as sleep } from 'node:timers/promises';

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds `work` takes. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export { sleep };

export const seconds = (ms: number): string => (ms / 1000).toFixed(2);
export const ratio = (a: number, b: number): string => (a / b).toFixed(a / b >= 10 ? 0 : 2);

/**
 * Times `first` and `second` in alternating rounds, each after `before` (not timed), so warm-up and machine noise
 * fall on both alike; resolves with the median of each.
 */
export async function interleaved(
  rounds: number,
  before: () => Promise<unknown>,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
): Promise<[number, number]> {
  const firstRuns: number[] = [];
  const secondRuns: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await before();
    firstRuns.push(await timed(first));
    await before();
    secondRuns.push(await timed(second));
  }
  return [median(firstRuns), median(secondRuns)];
}
