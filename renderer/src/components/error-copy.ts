// The words for each error kind: a title, a tone, and the next step used when the error brings none of its own.
// A Record over ErrorKind, so a new kind in model.ts does not compile until it has its copy here.
import type { AppErrorInfo, ErrorKind } from '../../../electron/shared/model';

export interface ErrorCopy {
  title: string;
  /** Used when the error brings no next step of its own. */
  nextStep: string;
  tone: 'danger' | 'warning';
}

export const ERROR_COPY: Record<ErrorKind, ErrorCopy> = {
  'bad-credentials': {
    title: 'Username or password not accepted',
    nextStep: 'Check the username and password and try again. Several failures in a row make Jira ask for a CAPTCHA.',
    tone: 'danger',
  },
  'captcha-required': {
    title: 'Jira wants a CAPTCHA solved first',
    nextStep: 'Open the web login, sign in there once to solve the CAPTCHA, then sign in here again.',
    tone: 'warning',
  },
  'login-denied': {
    title: 'Jira denied the sign-in',
    nextStep:
      'The password may be right, but Jira refused it. Sign in once through the web login, or ask a Jira administrator.',
    tone: 'danger',
  },
  'basic-auth-disabled': {
    title: 'Password sign-in is turned off on this server',
    nextStep: 'This server accepts single sign-on or personal access tokens only. Use the web login instead.',
    tone: 'danger',
  },
  'not-signed-in': {
    title: 'Not signed in',
    nextStep: 'Sign in to this server to continue.',
    tone: 'warning',
  },
  'session-expired': {
    title: 'Session expired',
    nextStep: 'Sign in again to continue.',
    tone: 'warning',
  },
  'websudo-required': {
    title: 'Administrator access needs confirming',
    nextStep: "Confirm your password in Jira's web interface (secure administrator session), then try again.",
    tone: 'warning',
  },
  'rate-limited': {
    title: 'Too many requests',
    nextStep: 'Wait until the time shown, then try again. Retrying sooner only extends the wait.',
    tone: 'warning',
  },
  'tls-untrusted': {
    title: 'Certificate not trusted',
    nextStep:
      "Compare the fingerprint with the one the server's administrator gives you. If it matches, add the issuing CA certificate to this server's settings.",
    tone: 'danger',
  },
  'tls-pin-mismatch': {
    title: 'Certificate differs from the pinned one',
    nextStep:
      'The certificate may have been renewed, or someone may be intercepting the connection. Check with the server’s administrator before trusting the new one.',
    tone: 'danger',
  },
  'proxy-auth-required': {
    title: 'The proxy asks for credentials',
    nextStep:
      "Enter the proxy's user name and password under Advanced in this server's settings, or check the ones saved there.",
    tone: 'danger',
  },
  unreachable: {
    title: 'Server unreachable',
    nextStep: 'Check the address, your network connection and VPN, then try again.',
    tone: 'danger',
  },
  timeout: {
    title: 'The server took too long to answer',
    nextStep: 'Try again in a moment. If it keeps happening, the server may be overloaded.',
    tone: 'danger',
  },
  redirected: {
    title: 'The server redirected elsewhere',
    nextStep:
      'Check the base URL: the server may live at another address, or a single sign-on proxy sits in front of it.',
    tone: 'danger',
  },
  'unexpected-response': {
    title: 'Unexpected response',
    nextStep:
      "The answer did not come from Jira's REST API (often a single sign-on page). Check the base URL, or use the web login.",
    tone: 'danger',
  },
  'server-error': {
    title: 'Jira reported an error',
    nextStep: "Try again later. If it persists, the server's logs will say why.",
    tone: 'danger',
  },
  'invalid-input': {
    title: 'Check the details',
    nextStep: 'Correct the value and try again.',
    tone: 'danger',
  },
  'not-found': {
    title: 'Not found',
    nextStep: 'This server may have been removed in the meantime. Pick it again from the list.',
    tone: 'warning',
  },
  'storage-error': {
    title: "Couldn't read or write the app's data",
    nextStep: 'Check the free disk space and the permissions of the app’s data folder, then try again.',
    tone: 'danger',
  },
  'internal-error': {
    title: 'Something went wrong',
    nextStep: 'Try again. If it keeps happening, restart the app.',
    tone: 'danger',
  },
};

/** The page where a person can sign in (and solve a CAPTCHA) in the browser. */
export function webLoginUrl(error: AppErrorInfo, baseUrl: string | undefined): string | undefined {
  if (error.loginUrl) return error.loginUrl;
  return baseUrl ? `${baseUrl}/login.jsp` : undefined;
}
