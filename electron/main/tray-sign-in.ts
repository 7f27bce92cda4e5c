// Signing in from the tray. With a remembered password the core signs in directly (the password stays in main);
// everything that needs the person opens the window on that server. "Sign in to all expired" answers with a
// notification — the tray has no dialog — whose click shows the first server that still needs you.
import type { ExpiredSignInResult, ServerProfile, SessionState } from '../shared/model';
import type { AppCore, Notice } from '../core';

export interface TraySignInOptions {
  core: Pick<AppCore, 'invoke'>;
  profiles(): readonly ServerProfile[];
  sessions(): readonly SessionState[];
  /** Shows the window with that server selected. */
  showServer(profileId: string): void;
  notify(notice: Notice): void;
  report(what: string): (error: unknown) => void;
}

const names = (results: ExpiredSignInResult[], profiles: readonly ServerProfile[]): string =>
  results
    .map((result) => profiles.find((profile) => profile.id === result.profileId)?.label ?? 'a removed server')
    .join(', ');

export function expiredSignInNotice(results: ExpiredSignInResult[], profiles: readonly ServerProfile[]): Notice {
  const signedIn = results.filter((result) => result.outcome === 'signed-in');
  const failed = results.filter((result) => result.outcome === 'failed');
  const needsYou = results.filter((result) => result.outcome === 'needs-you');
  const lines = [
    failed.length > 0 ? `Could not sign in: ${names(failed, profiles)}.` : '',
    needsYou.length > 0 ? `No saved password, sign in yourself: ${names(needsYou, profiles)}.` : '',
  ].filter(Boolean);
  const first = failed[0] ?? needsYou[0];
  return {
    title:
      results.length === 0
        ? 'No server has expired'
        : `Signed in to ${signedIn.length} of ${results.length} expired ${results.length === 1 ? 'server' : 'servers'}`,
    body: lines.length > 0 ? lines.join(' ') : 'Every expired server is signed in again.',
    ...(first ? { profileId: first.profileId } : {}),
  };
}

export function createTraySignIn(options: TraySignInOptions): {
  signIn(profileId: string): void;
  signInExpired(): void;
} {
  return {
    signIn: (profileId) => {
      const profile = options.profiles().find((candidate) => candidate.id === profileId);
      const session = options.sessions().find((candidate) => candidate.profileId === profileId);
      if (profile?.signInMethod !== 'password' || session?.passwordRemembered !== true) {
        options.showServer(profileId);
        return;
      }
      // A refusal (a changed password, a CAPTCHA) shows on the server's form: open the window there.
      options.core
        .invoke('session:loginRemembered', profileId)
        .then((state) => (state.status === 'signed-in' ? undefined : options.showServer(profileId)))
        .catch((error: unknown) => {
          options.report('sign-in')(error);
          options.showServer(profileId);
        });
    },
    signInExpired: () => {
      options.core
        .invoke('sessions:signInExpired')
        .then((results) => options.notify(expiredSignInNotice(results, options.profiles())))
        .catch(options.report('sign-in to all expired servers'));
    },
  };
}
