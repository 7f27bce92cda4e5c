// Turns what happens to sessions into activity entries. Sign-ins, failed sign-ins and expiries are read off the
// session states as they change (so a quiet sign-in after an expiry, or a web window's sign-out, is caught too);
// how a sign-in was started is a hint the channel handlers leave just before they start it. Sign-outs, admin
// releases, tokens and imports are recorded by their handlers, which know the outcome.
import type { ActivityEntry, ActivityKind, SignInWay } from '../../shared/activity';
import type { ServerProfile, SessionState } from '../../shared/model';
import type { ActivityLog } from './activity-log';

type Seen = Pick<SessionState, 'status' | 'signedInAt'> & { user?: string };

export class ActivityRecorder {
  private readonly seen = new Map<string, Seen>();
  private readonly hints = new Map<string, SignInWay>();

  constructor(
    private readonly log: ActivityLog,
    private readonly profile: (profileId: string) => ServerProfile | undefined,
    private readonly now: () => number,
  ) {}

  /** The next sign-in of this profile is one the person started this way (until `done`). */
  async signingIn<T>(profileId: string, via: SignInWay, work: () => Promise<T>): Promise<T> {
    this.hints.set(profileId, via);
    try {
      return await work();
    } finally {
      this.hints.delete(profileId);
    }
  }

  /** Called with each session state as it changes; the first state seen of a profile is only remembered. */
  observe(state: SessionState): void {
    const before = this.seen.get(state.profileId);
    const user = state.user?.name ?? before?.user;
    this.seen.set(state.profileId, { status: state.status, signedInAt: state.signedInAt, user });
    if (!before) return;
    const via = this.hints.get(state.profileId);
    if (state.status === 'signed-in' && state.signedInAt !== undefined && state.signedInAt !== before.signedInAt) {
      // Straight to signed-in without "signing in" is an adopted web session (a sign-in in the Jira window).
      const way = via ?? (before.status === 'signing-in' ? 'quiet' : 'web');
      this.record(state.profileId, 'signed-in', { via: way }, user);
    } else if (before.status === 'signing-in' && state.status !== 'signed-in' && state.error) {
      this.record(state.profileId, 'sign-in-failed', { via: via ?? 'quiet', errorKind: state.error.kind });
    } else if (before.status === 'signed-in' && state.status === 'expired') {
      this.record(state.profileId, 'expired', {}, user);
    } else if (before.status === 'signed-in' && state.status === 'signed-out' && state.signedOutReason) {
      // Ended outside a sign-out of this app (the handlers record those): e.g. signed out in the Jira window.
      this.record(state.profileId, 'signed-out', { serverConfirmed: true, detail: state.signedOutReason }, user);
    }
  }

  forget(profileId: string): void {
    this.seen.delete(profileId);
  }

  record(
    profileId: string,
    kind: ActivityKind,
    extra: Partial<Pick<ActivityEntry, 'via' | 'serverConfirmed' | 'errorKind' | 'detail'>> = {},
    username?: string,
  ): void {
    const profile = this.profile(profileId);
    if (!profile) return;
    this.log.append({
      at: new Date(this.now()).toISOString(),
      profileId,
      kind,
      label: profile.label,
      baseUrl: profile.baseUrl,
      username: username ?? profile.username,
      ...extra,
    });
  }
}
