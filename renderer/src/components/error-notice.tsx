// The one place that turns an AppErrorInfo into words and a next step. A Record over ErrorKind, so a new kind in
// model.ts does not compile until it has its copy here.
import { useId, useState, type ReactNode } from 'react';
import type { AppErrorInfo, CertificateSummary, ErrorKind } from '../../../electron/shared/model';
import { formatClockTime, formatDuration } from '../format/dates';
import { useNow } from '../hooks/use-now';
import { CertificateDetails, Fingerprint } from './certificate-details';
import { AlertOctagonIcon, AlertTriangleIcon, CloseIcon, ExternalIcon, RefreshIcon } from './icons';

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
  'no-application-access': {
    title: 'This account may not use Jira',
    nextStep:
      'Jira accepted the password, but this account may not use Jira: ask an administrator for application access.',
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

function RetryTime({ seconds }: { seconds: number }) {
  const now = useNow();
  // The wait counts from when the answer arrived, which is (within a render) when this first shows.
  const [retryAt] = useState(() => Date.now() + seconds * 1000);
  const remaining = Math.min(seconds, Math.max(0, Math.ceil((retryAt - now) / 1000)));
  return (
    <p className="notice-detail">
      {remaining > 0 ? (
        <>
          Jira accepts requests again in <strong>{formatDuration(remaining)}</strong>, at{' '}
          <time dateTime={new Date(retryAt).toISOString()}>{formatClockTime(retryAt)}</time>.
        </>
      ) : (
        <>The wait the server asked for is over; you can try again now.</>
      )}
    </p>
  );
}

export interface ErrorNoticeProps {
  error: AppErrorInfo;
  /** The server's base URL, for the web login when the error names none. */
  baseUrl?: string;
  onOpenExternal?: (url: string) => void;
  onRetry?: () => void;
  retryLabel?: string;
  /** Offered for tls-untrusted: trust exactly this certificate (after the fingerprint was checked). */
  onPinCertificate?: (certificate: CertificateSummary) => void;
  onDismiss?: () => void;
  id?: string;
  /** Announce on appearance (the result of the user's action); off for errors that were already there. */
  live?: boolean;
}

export function ErrorNotice({
  error,
  baseUrl,
  onOpenExternal,
  onRetry,
  retryLabel = 'Try again',
  onPinCertificate,
  onDismiss,
  id,
  live = true,
}: ErrorNoticeProps) {
  const copy = ERROR_COPY[error.kind];
  const nextStep = error.nextStep?.trim() || copy.nextStep;
  const ownId = useId();
  const titleId = `${id ?? ownId}-title`;

  const details: ReactNode[] = [];
  const actions: ReactNode[] = [];

  switch (error.kind) {
    case 'captcha-required':
    case 'login-denied':
    case 'basic-auth-disabled': {
      const url = webLoginUrl(error, baseUrl);
      if (url && onOpenExternal) {
        actions.push(
          <button key="web-login" type="button" className="button button-primary" onClick={() => onOpenExternal(url)}>
            <ExternalIcon />
            Open the web login
          </button>,
        );
      }
      break;
    }
    case 'websudo-required':
      if (baseUrl && onOpenExternal) {
        actions.push(
          <button key="browser" type="button" className="button" onClick={() => onOpenExternal(baseUrl)}>
            <ExternalIcon />
            Open in browser
          </button>,
        );
      }
      break;
    case 'rate-limited':
      if (error.retryAfterSeconds !== undefined) {
        details.push(<RetryTime key={`retry-${error.retryAfterSeconds}`} seconds={error.retryAfterSeconds} />);
      }
      break;
    case 'tls-untrusted':
      if (error.certificate) {
        const certificate = error.certificate;
        details.push(<CertificateDetails key="certificate" certificate={certificate} />);
        if (onPinCertificate && certificate.pem) {
          actions.push(
            <button key="pin" type="button" className="button" onClick={() => onPinCertificate(certificate)}>
              Trust this certificate for this server
            </button>,
          );
        }
      }
      break;
    case 'tls-pin-mismatch':
      if (error.expectedFingerprint256) {
        details.push(
          <dl key="expected" className="facts facts-compact">
            <div className="facts-wide">
              <dt>Pinned fingerprint</dt>
              <dd>
                <Fingerprint value={error.expectedFingerprint256} />
              </dd>
            </div>
          </dl>,
        );
      }
      if (error.certificate) {
        details.push(
          <CertificateDetails
            key="presented"
            certificate={error.certificate}
            fingerprintLabel="Presented fingerprint"
          />,
        );
      }
      break;
    case 'redirected':
      if (error.location) {
        details.push(
          <p key="location" className="notice-detail">
            Redirected to <span className="mono-soft">{error.location}</span>
          </p>,
        );
      }
      break;
    case 'unexpected-response':
    case 'server-error':
      if (error.status !== undefined || error.contentType) {
        details.push(
          <p key="status" className="notice-detail">
            {[error.status !== undefined ? `HTTP ${error.status}` : '', error.contentType ?? '']
              .filter(Boolean)
              .join(' · ')}
          </p>,
        );
      }
      break;
    default:
      break;
  }

  if (onRetry && (error.kind === 'unreachable' || error.kind === 'timeout' || error.kind === 'server-error')) {
    actions.push(
      <button key="retry" type="button" className="button" onClick={onRetry}>
        <RefreshIcon />
        {retryLabel}
      </button>,
    );
  }

  return (
    <div
      id={id}
      className={`notice notice-${copy.tone}`}
      role={live ? 'alert' : 'group'}
      aria-labelledby={live ? undefined : titleId}
      data-error-kind={error.kind}
    >
      <span className="notice-icon">
        {copy.tone === 'danger' ? <AlertOctagonIcon size={18} /> : <AlertTriangleIcon size={18} />}
      </span>
      <div className="notice-body">
        <p className="notice-title" id={titleId}>
          {copy.title}
        </p>
        {error.message && error.message !== copy.title ? <p className="notice-message">{error.message}</p> : null}
        {details}
        <p className="notice-next">
          <span className="notice-next-label">Next step: </span>
          {nextStep}
        </p>
        {actions.length > 0 ? <div className="notice-actions">{actions}</div> : null}
      </div>
      {onDismiss ? (
        <button type="button" className="icon-button notice-dismiss" aria-label="Dismiss" onClick={onDismiss}>
          <CloseIcon />
        </button>
      ) : null}
    </div>
  );
}
