// The one place that turns an AppErrorInfo into a notice: its copy (error-copy.ts), the details the error carries,
// and the actions that help (the web login, retrying, trusting a certificate).
import { useId, useState, type ReactNode } from 'react';
import type { AppErrorInfo, CertificateSummary } from '../../../electron/shared/model';
import { pointsToWebSignIn } from '../../../electron/shared/single-sign-on';
import { formatClockTime, formatDuration } from '../format/dates';
import { useNow } from '../hooks/use-now';
import { CertificateDetails, Fingerprint } from './certificate-details';
import { ERROR_COPY, webLoginUrl } from './error-copy';
import { AlertOctagonIcon, AlertTriangleIcon, ExternalIcon, RefreshIcon, SignInIcon } from './icons';
import { Notice } from './notice';

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
  /** Offered for captcha-required and basic-auth-disabled: sign in on the server's own page in an app window. */
  onWebSignIn?: () => void;
  /** Offered when the error shows a single sign-on page: make web sign-in this server's way in. */
  onUseWebSignIn?: () => void;
  /** Offered when the error names a base URL that answers (Jira under its context path): use that one. */
  onUseBaseUrl?: (url: string) => void;
  /** Offered for websudo-required: the server's administration page in the app's Jira window. */
  onOpenAdministration?: () => void;
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
  onWebSignIn,
  onUseWebSignIn,
  onUseBaseUrl,
  onOpenAdministration,
  id,
  live = true,
}: ErrorNoticeProps) {
  const copy = ERROR_COPY[error.kind];
  const nextStep = error.nextStep?.trim() || copy.nextStep;
  const ownId = useId();
  const titleId = `${id ?? ownId}-title`;

  const details: ReactNode[] = [];
  const actions: ReactNode[] = [];

  const offersWebSignIn = onWebSignIn && (error.kind === 'captcha-required' || error.kind === 'basic-auth-disabled');
  if (offersWebSignIn) {
    actions.push(
      <button key="web-sign-in" type="button" className="button button-primary" onClick={onWebSignIn}>
        <SignInIcon />
        Sign in on the web page instead
      </button>,
    );
  }
  if (onUseWebSignIn && pointsToWebSignIn(error)) {
    actions.push(
      <button key="use-web-sign-in" type="button" className="button button-primary" onClick={onUseWebSignIn}>
        <SignInIcon />
        Use web sign-in for this server
      </button>,
    );
  }

  const suggested = error.suggestedBaseUrl;
  if (onUseBaseUrl && suggested) {
    actions.push(
      <button
        key="use-base-url"
        type="button"
        className="button button-primary"
        onClick={() => onUseBaseUrl(suggested)}
      >
        Use {suggested}
      </button>,
    );
  }

  switch (error.kind) {
    case 'captcha-required':
    case 'login-denied':
    case 'basic-auth-disabled': {
      const url = webLoginUrl(error, baseUrl);
      if (url && onOpenExternal) {
        actions.push(
          <button
            key="web-login"
            type="button"
            className={offersWebSignIn ? 'button' : 'button button-primary'}
            onClick={() => onOpenExternal(url)}
          >
            <ExternalIcon />
            Open the web login
          </button>,
        );
      }
      break;
    }
    case 'websudo-required':
      if (onOpenAdministration) {
        actions.push(
          <button key="admin" type="button" className="button button-primary" onClick={onOpenAdministration}>
            Open the administration page
          </button>,
        );
      } else if (baseUrl && onOpenExternal) {
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
    <Notice
      id={id}
      tone={copy.tone}
      icon={copy.tone === 'danger' ? <AlertOctagonIcon size={18} /> : <AlertTriangleIcon size={18} />}
      title={copy.title}
      titleId={titleId}
      role={live ? 'alert' : 'group'}
      aria-labelledby={live ? undefined : titleId}
      data-error-kind={error.kind}
      onDismiss={onDismiss}
    >
      {error.message && error.message !== copy.title ? <p className="notice-message">{error.message}</p> : null}
      {details}
      <p className="notice-next">
        <span className="notice-next-label">Next step: </span>
        {nextStep}
      </p>
      {actions.length > 0 ? <div className="notice-actions">{actions}</div> : null}
    </Notice>
  );
}
