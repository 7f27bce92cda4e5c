// The banner over an expired session: when the server last confirmed it, and what to do now. A web profile's way
// back in needs the person on the login page, so its banner carries that action.
import type { ReactNode } from 'react';
import type { SessionState } from '../../../electron/shared/model';
import { useNow } from '../hooks/use-now';
import { ClockIcon } from './icons';
import { Notice } from './notice';
import { TimeValue } from './time-value';

export interface ExpiredBannerProps {
  session: SessionState;
  label: string;
  /** What gets the person signed in again, when the sign-in card below does not. */
  actions?: ReactNode;
}

export function ExpiredBanner({ session, label, actions }: ExpiredBannerProps) {
  const now = useNow();
  return (
    <Notice
      tone="warning"
      banner
      className="expired-banner"
      role="status"
      icon={<ClockIcon size={18} />}
      title={`Your session on ${label} has expired`}
    >
      <p className="notice-message">
        {session.verifiedAt ? (
          <>
            Last confirmed <TimeValue iso={session.verifiedAt} now={now} inline />.{' '}
          </>
        ) : null}
        {actions ? 'Sign in on the web page again to continue.' : 'Sign in again to continue.'}
      </p>
      {actions ? <div className="notice-actions">{actions}</div> : null}
    </Notice>
  );
}
