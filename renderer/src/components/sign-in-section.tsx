// The way in for a server that holds no session: the web sign-in card for a web profile (with a password for this
// once), the password form otherwise (with the web page when the server wants a CAPTCHA solved or refuses
// passwords), and above them why the last session ended.
import { useState } from 'react';
import type { PasswordCredentials, ServerProfile, SessionState } from '../../../electron/shared/model';
import { ExpiredBanner } from './expired-banner';
import { InfoIcon, SignInIcon } from './icons';
import { Notice } from './notice';
import type { PaneBusy } from './server-pane';
import { SignInForm } from './sign-in-form';
import { WebSignInCard } from './web-sign-in-card';
import './sign-in-section.css';
import type { RememberAvailability } from './keychain-notice';

export interface SignInSectionProps {
  profile: ServerProfile;
  session: SessionState;
  remember: RememberAvailability;
  busy: PaneBusy;
  onSignIn(credentials: PasswordCredentials | 'remembered'): Promise<void>;
  onCancel?: () => void;
  onWebSignIn(): void;
  onUseWebSignIn(): void;
  onOpenExternal(url: string): void;
  onForgetPassword(): void;
}

export function SignInSection({
  profile,
  session,
  remember,
  busy,
  onSignIn,
  onCancel,
  onWebSignIn,
  onUseWebSignIn,
  onOpenExternal,
  onForgetPassword,
}: SignInSectionProps) {
  const [usePassword, setUsePassword] = useState(false);
  const expired = session.status === 'expired';
  const isWeb = profile.signInMethod === 'web';
  const webBusy = busy === 'web-sign-in';
  const title = expired ? 'Sign in again' : `Sign in to ${profile.label}`;
  // The banner already says the session expired; the form keeps only errors that say something more.
  const shown = expired && session.error?.kind === 'session-expired' ? { ...session, error: undefined } : session;
  const choosesWebPage = isWeb && !usePassword && !webBusy;

  let card;
  if (webBusy || (choosesWebPage && !expired)) {
    card = (
      <WebSignInCard
        profile={profile}
        session={shown}
        title={isWeb ? title : `Sign in to ${profile.label} on the web page`}
        busy={webBusy}
        onWebSignIn={onWebSignIn}
        onUsePassword={isWeb ? () => setUsePassword(true) : undefined}
        onOpenExternal={onOpenExternal}
      />
    );
  } else if (!choosesWebPage) {
    card = (
      <>
        <SignInForm
          profile={profile}
          session={shown}
          title={title}
          remember={remember}
          onSignIn={onSignIn}
          onSignInRemembered={() => onSignIn('remembered')}
          onCancel={onCancel}
          onOpenExternal={onOpenExternal}
          onForgetPassword={onForgetPassword}
          forgetting={busy === 'forget'}
          onWebSignIn={onWebSignIn}
          onUseWebSignIn={isWeb ? undefined : onUseWebSignIn}
        />
        {isWeb ? (
          <p className="sign-in-switch">
            <button type="button" className="link-button" onClick={() => setUsePassword(false)}>
              Back to signing in on the web page
            </button>
          </p>
        ) : null}
      </>
    );
  }

  const bannerActions = choosesWebPage ? (
    <>
      <button type="button" className="button button-primary" onClick={onWebSignIn}>
        <SignInIcon />
        Sign in on the web page again
      </button>
      <button type="button" className="link-button" onClick={() => setUsePassword(true)}>
        Use a password this time
      </button>
    </>
  ) : undefined;

  return (
    <>
      {expired ? <ExpiredBanner session={session} label={profile.label} actions={bannerActions} /> : null}
      {session.signedOutReason && !expired ? (
        <Notice
          tone="info"
          className="signed-out-reason"
          role="status"
          icon={<InfoIcon size={18} />}
          title="Why this server is signed out"
        >
          <p className="notice-message">{session.signedOutReason}</p>
        </Notice>
      ) : null}
      {card}
    </>
  );
}
