// After a 429 nothing goes to that server until its wait has passed — not the poller, not a person's refresh, not
// a client rebuilt for a changed profile. One gate per session service, keyed by the server's origin.
import { rateLimited } from './errors';

export class RateLimitGate {
  private readonly until = new Map<string, number>();

  /** Throws rate-limited with the seconds left while the origin is blocked. */
  check(origin: string, now: number): void {
    const until = this.until.get(origin) ?? 0;
    if (now < until) throw rateLimited(Math.ceil((until - now) / 1000));
    if (until !== 0) this.until.delete(origin);
  }

  block(origin: string, until: number): void {
    this.until.set(origin, Math.max(until, this.until.get(origin) ?? 0));
  }
}
