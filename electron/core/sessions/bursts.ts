// The bursts over every server (or the chosen ones): refresh all and sign out of all. Each call is registered with
// the cancellations at once under the burst's group, so one Cancel also ends the calls still waiting for a free
// slot; the shared limiter keeps each host's limit, and every result is announced as it arrives.
import type { LogoutResult, SessionState } from '../../shared/model';
import { failuresFirst } from '../../shared/attention';
import type { KeyedLimiter, KeyedQueue } from '../concurrency';
import { AppError } from '../errors';
import { hostOfRuntime, type Runtime, type SessionRuntimes } from './session-runtimes';

/** The cancellation groups of one refresh of all servers and one sign-out of all. */
export const REFRESH_ALL = 'refresh-all';
export const SIGN_OUT_ALL = 'sign-out-all';

export interface BurstHost {
  runtimes: SessionRuntimes;
  queue: KeyedQueue;
  limiter: KeyedLimiter;
  verify(runtime: Runtime): Promise<SessionState>;
  signOut(runtime: Runtime): Promise<LogoutResult>;
  retrySignOut(profileId: string): Promise<LogoutResult>;
}

/** A failed or cancelled check keeps its state; anything unexpected still fails the refresh. */
export async function refreshSessions(host: BurstHost, only?: ReadonlySet<string>): Promise<void> {
  const withSession = host.runtimes.all(only).filter((runtime) => runtime.client.hasSession());
  const checks = withSession.map((runtime) => {
    const id = runtime.profile.id;
    const check = host.runtimes.cancellations.track(id, () => host.verify(runtime), REFRESH_ALL);
    const settle = (error: unknown) => {
      if (error instanceof AppError) return runtime.state;
      throw error;
    };
    return { runtime, check: () => host.queue.run(id, check).catch(settle) };
  });
  // A sign-out a server did not confirm is tried again alongside: it may answer now.
  const retries = host.runtimes
    .all(only)
    .filter((runtime) => runtime.state.signOutUnconfirmed)
    .map((runtime) => host.retrySignOut(runtime.profile.id).catch(() => undefined));
  await Promise.all([
    host.limiter.map(
      checks,
      ({ runtime }) => hostOfRuntime(runtime),
      ({ check }) => check(),
    ),
    ...retries,
  ]);
}

/** One result per server that held a session, failures first; a cancelled one is cleared here, unconfirmed. */
export async function signOutSessions(host: BurstHost, only?: ReadonlySet<string>): Promise<LogoutResult[]> {
  const withSession = host.runtimes.all(only).filter((runtime) => runtime.client.hasSession());
  const signOuts = withSession.map((runtime) => {
    const id = runtime.profile.id;
    const signOut = host.runtimes.cancellations.track(id, () => host.signOut(runtime), SIGN_OUT_ALL);
    return { runtime, signOut: () => host.queue.run(id, signOut) };
  });
  const results = await host.limiter.map(
    signOuts,
    ({ runtime }) => hostOfRuntime(runtime),
    ({ signOut }) => signOut(),
  );
  return failuresFirst(results);
}
