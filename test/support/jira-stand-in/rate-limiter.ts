// Jira DC's rate limiting (8.6+): a token bucket per client that holds `requests` tokens and refills them evenly
// over `intervalSeconds`. One bucket per remote address stands in for Jira's per-user buckets. Without a configured
// `retryAfterSeconds` the 429 says `Retry-After: 0`, as real ones have.
import type { RateLimitOptions } from './types';

export type RateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; headers: Record<string, string>; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly limit: RateLimitOptions) {
    if (!(limit.requests > 0) || !(limit.intervalSeconds > 0)) {
      throw new Error('rateLimit needs requests > 0 and intervalSeconds > 0.');
    }
  }

  take(client: string, now: number): RateDecision {
    const { requests, intervalSeconds } = this.limit;
    const perMs = requests / (intervalSeconds * 1000);
    const bucket = this.buckets.get(client) ?? { tokens: requests, updatedAt: now };
    bucket.tokens = Math.min(requests, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
    this.buckets.set(client, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const headers = {
      'X-RateLimit-Limit': String(requests),
      'X-RateLimit-Remaining': String(Math.floor(bucket.tokens)),
      'X-RateLimit-Interval-Seconds': String(intervalSeconds),
      'X-RateLimit-FillRate': String(requests),
    };
    if (allowed) return { allowed, headers };
    // Real 429s have been seen with `Retry-After: 0`: only the X-RateLimit-* figures say how long to wait.
    const retryAfterSeconds = this.limit.retryAfterSeconds ?? 0;
    return { allowed, headers: { ...headers, 'Retry-After': String(retryAfterSeconds) }, retryAfterSeconds };
  }
}
