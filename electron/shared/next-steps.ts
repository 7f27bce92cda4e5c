// What to do next after each kind of error, when the error brings no step of its own: written once, for the window
// (which shows it under every error) and the core (which attaches it where it has nothing more specific to say).
import type { ErrorKind } from './model';

export const NEXT_STEPS: Record<ErrorKind, string> = {
  'bad-credentials':
    'Check the username and password and try again. Several failures in a row make Jira ask for a CAPTCHA.',
  'no-application-access':
    'Jira accepted the password, but this account may not use Jira: ask an administrator for application access.',
  'captcha-required': 'Open the web login, sign in there once to solve the CAPTCHA, then sign in here again.',
  'login-denied':
    'The password may be right, but Jira refused it. Sign in once through the web login, or ask a Jira administrator.',
  'basic-auth-disabled':
    'This server accepts single sign-on or personal access tokens only. Use the web login instead.',
  'not-signed-in': 'Sign in to this server to continue.',
  'session-expired': 'Sign in again to continue.',
  'websudo-required': "Confirm your password in Jira's web interface (secure administrator session), then try again.",
  'tokens-unavailable':
    'Personal access tokens need Jira 8.14 or later (Jira Service Management 4.15), and an administrator can switch them off.',
  'rate-limited': 'Wait until the time shown, then try again. Retrying sooner only extends the wait.',
  'tls-untrusted':
    "Compare the fingerprint with the one the server's administrator gives you. If it matches, add the issuing CA certificate to this server's settings.",
  'tls-pin-mismatch':
    'The certificate may have been renewed, or someone may be intercepting the connection. Check with the server’s administrator before trusting the new one.',
  'proxy-auth-required':
    "Enter the proxy's user name and password under Advanced in this server's settings, or check the ones saved there.",
  unreachable: 'Check the address, your network connection and VPN, then try again.',
  timeout: 'Try again in a moment. If it keeps happening, the server may be overloaded.',
  redirected:
    'Check the base URL: the server may live at another address, or a single sign-on proxy sits in front of it.',
  'unexpected-response':
    "The answer did not come from Jira's REST API (often a single sign-on page). Check the base URL, or use the web login.",
  'server-error': "Try again later. If it persists, the server's logs will say why.",
  'invalid-input': 'Correct the value and try again.',
  'not-found': 'This server may have been removed in the meantime. Pick it again from the list.',
  'storage-error': 'Check the free disk space and the permissions of the app’s data folder, then try again.',
  'internal-error': 'Try again. If it keeps happening, restart the app.',
  cancelled: 'Nothing changed. Try again when you are ready.',
  'managed-by-policy': 'Your administrator set this in the policy file; ask them if it needs to change.',
};
