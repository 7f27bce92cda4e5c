// The session service's hooks for the admin and token features: which sign-in a profile takes, and running a call
// with a signed-in profile's client (a session found over is ended as a check would end it).
import type { ServerProfile } from '../../shared/model';
import { AppError, toAppErrorInfo } from '../errors';
import type { JiraClient } from '../jira/jira-client';
import type { Runtime } from './session-runtimes';
import type { WebAdoptionHost } from './web-adoption';

/** Throws unless the profile signs in the way asked for: with a token, or with a password (or the web page). */
export function requireSignInWith(profile: ServerProfile, method: 'token' | 'password'): void {
  const token = profile.signInMethod === 'token';
  if (method === 'token' && !token) {
    throw new AppError({
      kind: 'invalid-input',
      message: 'This server signs in with a password or on the web page, not with a token.',
      nextStep: 'Choose "Personal access token" as the sign-in method under Edit server first.',
    });
  }
  if (method === 'password' && token) {
    throw new AppError({
      kind: 'invalid-input',
      message: 'This server signs in with a personal access token, not a password.',
    });
  }
}

export async function runWithSession<T>(
  host: Pick<WebAdoptionHost, 'runtimes' | 'expire'>,
  runtime: Runtime,
  work: (client: JiraClient, profile: ServerProfile) => Promise<T>,
): Promise<T> {
  if (!runtime.client.hasSession()) {
    throw new AppError({ kind: 'not-signed-in', message: `You are not signed in to ${runtime.profile.label}.` });
  }
  try {
    const result = await work(runtime.client, runtime.profile);
    await host.runtimes.sealCookies(runtime, runtime.state.signedInAt);
    return result;
  } catch (error) {
    const info = toAppErrorInfo(error);
    if (info.kind === 'session-expired') await host.expire(runtime, info);
    throw error;
  }
}
