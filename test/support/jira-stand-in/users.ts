// The user directory: seeded accounts plus the login history Jira keeps per user (which a cluster's nodes share,
// because it lives in the database, unlike sessions).
import type { SeedUser } from './types';

export const SEEDED_USERS: SeedUser[] = [
  {
    name: 'admin',
    password: 'admin',
    displayName: 'Administrator',
    emailAddress: 'admin@example.com',
    key: 'JIRAUSER10000',
    timeZone: 'Europe/Berlin',
    locale: 'en_US',
    groups: ['jira-administrators', 'jira-software-users', 'jira-system-administrators'],
    applicationRoles: ['jira-software'],
  },
  {
    name: 'fred',
    password: 'fred123',
    displayName: 'Fred F. User',
    emailAddress: 'fred@example.com',
    key: 'JIRAUSER10100',
    timeZone: 'Australia/Sydney',
    locale: 'en_AU',
    groups: ['jira-software-users'],
    applicationRoles: ['jira-software'],
  },
  {
    name: 'alice',
    password: 'alice-pass',
    displayName: 'Alice Agent',
    emailAddress: 'alice@example.com',
    key: 'JIRAUSER10101',
    timeZone: 'America/New_York',
    locale: 'en_US',
    groups: ['jira-servicedesk-users'],
    applicationRoles: ['jira-servicedesk'],
  },
  {
    // An administrator who is not a system administrator: ADMINISTER without SYSTEM_ADMIN.
    name: 'carol',
    password: 'carol-pass',
    displayName: 'Carol Admin',
    emailAddress: 'carol@example.com',
    key: 'JIRAUSER10102',
    timeZone: 'Europe/London',
    locale: 'en_GB',
    groups: ['jira-administrators', 'jira-software-users'],
    applicationRoles: ['jira-software'],
  },
];

/** What Jira returns as `loginInfo`; the times are epoch milliseconds here and formatted on the way out. */
export interface LoginHistory {
  loginCount: number;
  /** Lifetime total, as Jira reports it — not the current streak. */
  failedLoginCount: number;
  lastFailedLoginTime?: number;
  previousLoginTime?: number;
  lastLoginTime?: number;
}

interface UserRecord {
  seed: SeedUser;
  history: LoginHistory;
  /** Consecutive failures since the last success or solved CAPTCHA; drives the CAPTCHA challenge. */
  failureStreak: number;
}

export class UserDirectory {
  private readonly records = new Map<string, UserRecord>();

  constructor(seeds: readonly SeedUser[]) {
    for (const seed of seeds) {
      const id = seed.name.toLowerCase();
      if (this.records.has(id)) throw new Error(`Duplicate stand-in user "${seed.name}".`);
      this.records.set(id, {
        seed: structuredClone(seed),
        history: { loginCount: 0, failedLoginCount: 0 },
        failureStreak: 0,
      });
    }
  }

  list(): SeedUser[] {
    return [...this.records.values()].map((record) => record.seed);
  }

  /** Jira user names are case-insensitive at login. */
  find(name: string): SeedUser | undefined {
    return this.records.get(name.toLowerCase())?.seed;
  }

  history(name: string): LoginHistory {
    return { ...this.record(name).history };
  }

  needsCaptcha(name: string, captchaAfterFailures: number | undefined): boolean {
    const record = this.records.get(name.toLowerCase());
    if (record === undefined || captchaAfterFailures === undefined || captchaAfterFailures <= 0) return false;
    return record.failureStreak >= captchaAfterFailures;
  }

  recordFailure(name: string, now: number): void {
    const record = this.records.get(name.toLowerCase());
    if (record === undefined) return; // Jira keeps no history for names it does not know
    record.history.failedLoginCount += 1;
    record.history.lastFailedLoginTime = now;
    record.failureStreak += 1;
  }

  /** Returns the history as the login response reports it: this login counted, the one before it as previous. */
  recordSuccess(name: string, now: number): LoginHistory {
    const record = this.record(name);
    record.history.loginCount += 1;
    record.history.previousLoginTime = record.history.lastLoginTime;
    record.history.lastLoginTime = now;
    record.failureStreak = 0;
    return { ...record.history };
  }

  solveCaptcha(name: string): void {
    // Throwing catches a test that names a user the stand-in does not have.
    this.record(name).failureStreak = 0;
  }

  private record(name: string): UserRecord {
    const record = this.records.get(name.toLowerCase());
    if (record === undefined) throw new Error(`The stand-in has no user "${name}".`);
    return record;
  }
}
