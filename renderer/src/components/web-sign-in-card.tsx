// Signing in on the server's own login page: what happens, the button that opens it, and while the app window is
// open, what to do there. The password never passes through this window.
import { useId } from 'react';
import type { ServerProfile, SessionState } from '../../../electron/shared/model';
import { hostOf } from '../view-model';
import { ErrorNotice } from './error-notice';
import { SignInIcon, SpinnerIcon, WindowIcon } from './icons';
import './web-sign-in-card.css';
import { SignInHead } from './sign-in-head';

export const WEB_SIGN_IN_WAITING = 'Finish signing in in the window that opened — closing it cancels.';

export interface WebSignInCardProps {
  profile: ServerProfile;
  session: SessionState;
  title: string;
  busy: boolean;
  onWebSignIn(): void;
  /** Absent while busy: the password form is offered only when nothing is under way. */
  onUsePassword?: () => void;
  onOpenExternal(url: string): void;
}

export function WebSignInCard({
  profile,
  session,
  title,
  busy,
  onWebSignIn,
  onUsePassword,
  onOpenExternal,
}: WebSignInCardProps) {
  const ids = useId();
  return (
    <section className="card sign-in web-sign-in" aria-labelledby={`${ids}-title`} aria-busy={busy || undefined}>
      <SignInHead
        icon={<WindowIcon size={20} />}
        titleId={`${ids}-title`}
        title={title}
        subtitle={hostOf(profile.baseUrl)}
      />

      {session.error ? (
        <ErrorNotice error={session.error} baseUrl={profile.baseUrl} onOpenExternal={onOpenExternal} live={false} />
      ) : null}

      <p className="web-sign-in-text">
        {profile.label} signs you in on its own login page: single sign-on, two-step verification or a CAPTCHA, as the
        server asks. It opens in an app window of its own; the app then keeps the session it made, sealed like any
        other, and checks it in the background.
      </p>

      <div className="form-actions">
        <button
          type="button"
          className="button button-primary button-wide"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onWebSignIn();
          }}
        >
          {busy ? <SpinnerIcon /> : <SignInIcon />}
          {busy ? 'Waiting for the web sign-in…' : 'Sign in on the web page'}
        </button>
      </div>
      <p className={busy ? 'web-sign-in-waiting' : 'visually-hidden'} role="status">
        {busy ? WEB_SIGN_IN_WAITING : ''}
      </p>
      {onUsePassword && !busy ? (
        <button type="button" className="link-button web-sign-in-alternative" onClick={onUsePassword}>
          Use a password this time
        </button>
      ) : null}
    </section>
  );
}
