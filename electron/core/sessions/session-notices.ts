// What the session service tells the person outside the window (an OS notification, when the setting allows).
import type { ServerProfile } from '../../shared/model';
import type { Notice } from '../ports';

export function expiryNotice(profile: ServerProfile): Notice {
  // A web sign-in needs the person again; a password sign-in only their click.
  const next =
    profile.signInMethod === 'web' ? 'Sign in on the web page again to continue.' : 'Sign in again to continue.';
  return {
    title: `Session expired: ${profile.label}`,
    body:
      profile.signInMethod === 'token'
        ? `The personal access token for ${profile.label} was revoked or has expired. Sign in with a new one.`
        : `Your Jira session on ${profile.label} has ended. ${next}`,
    profileId: profile.id,
    topic: 'expiry',
  };
}

export function unconfirmedSignOutNotice(labels: readonly string[]): Notice {
  return {
    title: 'Some servers could not confirm the sign-out',
    body: `Signed out locally, but ${labels.join(', ')} could not be reached. Their sessions may stay open until they expire.`,
    topic: 'sign-out',
  };
}
