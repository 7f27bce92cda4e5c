// The words for each error kind: a title and a tone here, the next step (used when the error brings none of its
// own) from electron/shared/next-steps.ts. Records over ErrorKind, so a new kind does not compile without them.
import { ERROR_KINDS, type AppErrorInfo, type ErrorKind } from '../../../electron/shared/model';
import { NEXT_STEPS } from '../../../electron/shared/next-steps';

export interface ErrorCopy {
  title: string;
  /** Used when the error brings no next step of its own. */
  nextStep: string;
  tone: 'danger' | 'warning';
}

const WORDS: Record<ErrorKind, Omit<ErrorCopy, 'nextStep'>> = {
  'bad-credentials': { title: 'Username or password not accepted', tone: 'danger' },
  'no-application-access': { title: 'This account may not use Jira', tone: 'danger' },
  'captcha-required': { title: 'Jira wants a CAPTCHA solved first', tone: 'warning' },
  'login-denied': { title: 'Jira denied the sign-in', tone: 'danger' },
  'basic-auth-disabled': { title: 'Password sign-in is turned off on this server', tone: 'danger' },
  'not-signed-in': { title: 'Not signed in', tone: 'warning' },
  'session-expired': { title: 'Session expired', tone: 'warning' },
  'websudo-required': { title: 'Administrator access needs confirming', tone: 'warning' },
  'tokens-unavailable': { title: 'Personal access tokens are not available here', tone: 'warning' },
  'rate-limited': { title: 'Too many requests', tone: 'warning' },
  'tls-untrusted': { title: 'Certificate not trusted', tone: 'danger' },
  'tls-pin-mismatch': { title: 'Certificate differs from the pinned one', tone: 'danger' },
  'proxy-auth-required': { title: 'The proxy asks for credentials', tone: 'danger' },
  unreachable: { title: 'Server unreachable', tone: 'danger' },
  timeout: { title: 'The server took too long to answer', tone: 'danger' },
  redirected: { title: 'The server redirected elsewhere', tone: 'danger' },
  'unexpected-response': { title: 'Unexpected response', tone: 'danger' },
  'server-error': { title: 'Jira reported an error', tone: 'danger' },
  'invalid-input': { title: 'Check the details', tone: 'danger' },
  'not-found': { title: 'Not found', tone: 'warning' },
  'storage-error': { title: "Couldn't read or write the app's data", tone: 'danger' },
  'internal-error': { title: 'Something went wrong', tone: 'danger' },
  cancelled: { title: 'Cancelled', tone: 'warning' },
  'managed-by-policy': { title: 'Set by your administrator', tone: 'warning' },
};

export const ERROR_COPY = Object.fromEntries(
  ERROR_KINDS.map((kind) => [kind, { ...WORDS[kind], nextStep: NEXT_STEPS[kind] }]),
) as Record<ErrorKind, ErrorCopy>;

/** The page where a person can sign in (and solve a CAPTCHA) in the browser. */
export function webLoginUrl(error: AppErrorInfo, baseUrl: string | undefined): string | undefined {
  if (error.loginUrl) return error.loginUrl;
  return baseUrl ? `${baseUrl}/login.jsp` : undefined;
}
