// Signing in with the remembered password: on request (the form left empty, "Sign in to all expired") and quietly,
// once, after the server ended a session. Every quiet one is a real login on a possibly production account, so it
// is counted per local day, shown on the state and announced (a notification the settings can turn off).
import type { PasswordCredentials, ServerProfile } from '../../shared/model';
import { quietSignInSentence } from '../../shared/quiet-sign-in';
import { AppError } from '../errors';
import type { Notice, Notifier } from '../ports';
import type { SecretStore } from '../secrets/secret-store';
import { passwordSignIn, type PasswordSignInHost } from './password-sign-in';
import type { Runtime } from './session-runtimes';

export interface QuietSignInHost extends PasswordSignInHost {
  notify: Notifier;
  schedule(runtime: Runtime): void;
}

/** Only a password profile replays a password: a web sign-in needs the person, a token is no password. */
export const replaysPassword = (profile: ServerProfile): boolean => profile.signInMethod === 'password';

/** The profile's user with its remembered password, opened here in the core; refused when none is saved. */
export async function rememberedCredentials(
  secrets: SecretStore,
  profile: ServerProfile,
): Promise<PasswordCredentials> {
  const password = profile.signInMethod === 'token' ? undefined : await secrets.get(profile.id, 'password');
  if (password === undefined) {
    throw new AppError({
      kind: 'invalid-input',
      message: `No password is saved for ${profile.label}.`,
      nextStep: 'Enter the password to sign in.',
      field: 'password',
    });
  }
  return { username: profile.username, password };
}

const localDay = (time: number): string => new Date(time).toDateString();

export function quietSignInNotice(profile: ServerProfile, sentence: string): Notice {
  return {
    title: `Signed in again: ${profile.label}`,
    body: `The session on ${profile.label} had ended. ${sentence}, with the remembered password.`,
    profileId: profile.id,
    topic: 'quiet-sign-in',
  };
}

/** After an expiry: signs in once with the remembered password, if there is one. True when it worked. */
export async function signInAgainQuietly(host: QuietSignInHost, runtime: Runtime): Promise<boolean> {
  const { profile } = runtime;
  const password = replaysPassword(profile) ? await host.secrets.get(profile.id, 'password') : undefined;
  if (password === undefined) return false;
  host.log('info', 'Signing in again with the remembered password', { profileId: profile.id });
  await passwordSignIn(host, runtime, { username: profile.username, password });
  host.schedule(runtime);
  if (runtime.state.status !== 'signed-in') return false;
  const now = host.now();
  const day = localDay(now);
  const countToday = runtime.quietSignIns?.day === day ? runtime.quietSignIns.count + 1 : 1;
  runtime.quietSignIns = { day, count: countToday };
  const quietSignIn = { at: new Date(now).toISOString(), countToday };
  host.runtimes.update(runtime, { quietSignIn });
  host.notify(quietSignInNotice(profile, quietSignInSentence(quietSignIn)));
  return true;
}
