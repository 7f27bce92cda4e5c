// How the app recognises a server that wants its sign-ins on a single sign-on page rather than the REST session
// resource. Said once: the core words its `redirected` error with it, and the window offers web sign-in by it.
import type { AppErrorInfo } from './model';

const SINGLE_SIGN_ON_PATH = /saml|sso|oauth|openid|login/i;

/** True when a redirect target's path and query look like a login or identity-provider page. */
export function isSingleSignOnTarget(url: URL): boolean {
  return SINGLE_SIGN_ON_PATH.test(url.pathname + url.search);
}

/**
 * True when an error says "this server signs people in on a web page": an HTML page where JSON was expected, or a
 * redirect to a login or identity-provider page.
 */
export function pointsToWebSignIn(error: AppErrorInfo): boolean {
  if (error.kind === 'unexpected-response') return /html/i.test(error.contentType ?? '');
  if (error.kind !== 'redirected' || !error.location) return false;
  try {
    return isSingleSignOnTarget(new URL(error.location));
  } catch {
    return false;
  }
}
