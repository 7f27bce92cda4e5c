// One timer per signed-in profile. Each check re-arms its own timer when it finishes, so a slow server never
// piles up overlapping checks; while paused (sleep, offline) no timer runs at all.
export class Poller {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly intervals = new Map<string, number>();
  private paused = false;

  constructor(private readonly check: (profileId: string) => void) {}

  start(profileId: string, intervalMs: number): void {
    this.intervals.set(profileId, intervalMs);
    this.arm(profileId);
  }

  stop(profileId: string): void {
    this.intervals.delete(profileId);
    this.disarm(profileId);
  }

  pauseAll(): void {
    this.paused = true;
    for (const profileId of [...this.timers.keys()]) this.disarm(profileId);
  }

  resumeAll(): void {
    this.paused = false;
    for (const profileId of this.intervals.keys()) this.arm(profileId);
  }

  stopAll(): void {
    for (const profileId of [...this.intervals.keys()]) this.stop(profileId);
  }

  isScheduled(profileId: string): boolean {
    return this.timers.has(profileId);
  }

  private arm(profileId: string): void {
    this.disarm(profileId);
    const interval = this.intervals.get(profileId);
    if (this.paused || interval === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(profileId);
      this.check(profileId);
    }, interval);
    timer.unref();
    this.timers.set(profileId, timer);
  }

  private disarm(profileId: string): void {
    clearTimeout(this.timers.get(profileId));
    this.timers.delete(profileId);
  }
}

/** Keep-alive probes at least this often, whatever the poll interval, so the server's idle timeout never runs out. */
export const KEEP_ALIVE_INTERVAL_MS = 10 * 60 * 1000;

export function checkIntervalMs(profile: { pollIntervalSeconds: number; keepAlive: boolean }): number {
  const pollMs = profile.pollIntervalSeconds * 1000;
  return profile.keepAlive ? Math.min(pollMs, KEEP_ALIVE_INTERVAL_MS) : pollMs;
}
