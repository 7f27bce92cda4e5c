// Redirects are followed by hand: only GETs, only on the same origin (scheme, host and port), a few hops at most,
// so a cookie never follows a redirect anywhere else. Anything else is reported with where it wanted to go.
import type { AppError } from '../errors';
import { appError } from '../errors';
import { headerValue, type HttpAnswer } from './errors';

const MAX_SAME_ORIGIN_REDIRECTS = 3;

/** The next URL to request, or undefined when the answer is not a redirect; throws when it may not be followed. */
export function nextHop(answer: HttpAnswer, from: URL, method: string, hop: number): URL | undefined {
  if (answer.status < 300 || answer.status >= 400) return undefined;
  const location = headerValue(answer, 'location');
  const next = location ? new URL(location, from) : undefined;
  if (!next || next.origin !== from.origin || method !== 'GET' || hop >= MAX_SAME_ORIGIN_REDIRECTS) {
    throw redirected(from, next, answer.status);
  }
  return next;
}

function redirected(from: URL, to: URL | undefined, status: number): AppError {
  if (!to) {
    return appError('unexpected-response', `Jira answered ${status} without saying where to go.`, { status });
  }
  const sso = /saml|sso|oauth|openid|login/i.test(to.pathname + to.search);
  return appError('redirected', `${from.host} redirected the request to ${to.origin}${to.pathname}.`, {
    location: to.href,
    status,
    nextStep: sso
      ? 'The server sends sign-ins to a single sign-on page: use the web login instead.'
      : to.origin !== from.origin
        ? `If ${to.origin} is the server's real address, use it as the base URL.`
        : 'Check the base URL.',
  });
}
