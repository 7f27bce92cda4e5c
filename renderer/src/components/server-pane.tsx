// The selected server: its header and actions, then whatever its session state calls for.
import type { AppErrorInfo, PasswordCredentials, ServerProfile, SessionState } from '../../../electron/shared/model';
import type { JiraSessionsBridge } from '../bridge';
import { AdminAccess } from './admin/admin-access';
import { ExpiredBanner } from './expired-banner';
import { TokenSignInForm } from './admin/token-sign-in-form';
import { TokensSection } from './admin/tokens-section';
import { ServerHistory } from './history/server-history';
import { showsSessionDetails } from '../view-model';
import { ErrorNotice } from './error-notice';
import { InfoIcon } from './icons';
import { Notice } from './notice';
import { PaneHeader } from './pane-header';
import { QuietSignInNote, type QuietSignInSetting } from './quiet-sign-in-note';
import { SignInSection } from './sign-in-section';
import { SignedInPane } from './signed-in-pane';
import { UnconfirmedSignOut } from './unconfirmed-sign-out';
import './server-pane.css';
import type { RememberAvailability } from './keychain-notice';

/** Something an action on this server left to say: a failure, or a sign-out the server never confirmed. */
export type PaneMessage =
  { tone: 'error'; error: AppErrorInfo } | { tone: 'warning' | 'info'; title: string; text?: string };

export type PaneBusy = 'refresh' | 'sign-out' | 'forget' | 'web-sign-in' | 'open' | undefined;

/** What the admin and token parts of the pane need: they talk to main themselves. */
export interface PaneAdmin {
  bridge: JiraSessionsBridge;
  applySession(state: SessionState): void;
  openAdministration(profileId: string): void;
}

export interface ServerPaneProps {
  profile: ServerProfile;
  session: SessionState;
  remember: RememberAvailability;
  message?: PaneMessage;
  busy: PaneBusy;
  onSignIn(profileId: string, credentials: PasswordCredentials | 'remembered'): Promise<void>;
  onSignOut(profileId: string): void;
  onRefresh(profileId: string): void;
  /** Ends the sign-in or check in flight. */
  onCancel?: (profileId: string) => void;
  onForgetPassword(profileId: string): void;
  onEdit(profileId: string): void;
  onOpenExternal(url: string): void;
  onDismissMessage(profileId: string): void;
  onOpenInJira(profileId: string, path?: string): void;
  onWebSignIn(profileId: string): void;
  onUseWebSignIn(profile: ServerProfile): void;
  /** For the shortcut shown on Open in Jira. */
  platform?: string;
  admin?: PaneAdmin;
  /** The notification switch shown with a quiet re-sign-in. */
  quietSignInSetting?: QuietSignInSetting;
}

function Message({
  message,
  profile,
  onOpenExternal,
  onRefresh,
  onDismiss,
  onOpenAdministration,
}: {
  message: PaneMessage;
  profile: ServerProfile;
  onOpenExternal(url: string): void;
  onRefresh(): void;
  onDismiss(): void;
  onOpenAdministration?: () => void;
}) {
  if (message.tone === 'error') {
    return (
      <ErrorNotice
        error={message.error}
        baseUrl={profile.baseUrl}
        onOpenExternal={onOpenExternal}
        onRetry={onRefresh}
        onDismiss={onDismiss}
        onOpenAdministration={onOpenAdministration}
      />
    );
  }
  return (
    <Notice tone={message.tone} icon={<InfoIcon size={18} />} title={message.title} role="status" onDismiss={onDismiss}>
      {message.text ? <p className="notice-message">{message.text}</p> : null}
    </Notice>
  );
}

export function ServerPane({
  profile,
  session,
  remember,
  message,
  busy,
  onSignIn,
  onSignOut,
  onRefresh,
  onCancel,
  onForgetPassword,
  onEdit,
  onOpenExternal,
  onDismissMessage,
  onOpenInJira,
  onWebSignIn,
  onUseWebSignIn,
  platform,
  admin,
  quietSignInSetting,
}: ServerPaneProps) {
  const showsDetails = showsSessionDetails(session);
  const id = profile.id;
  const openAdministration = admin ? () => admin.openAdministration(id) : undefined;

  let body;
  if (showsDetails) {
    body = (
      <>
        {session.status === 'error' && session.error ? (
          <ErrorNotice
            error={session.error}
            baseUrl={profile.baseUrl}
            onOpenExternal={onOpenExternal}
            onRetry={() => onRefresh(id)}
            live={false}
          />
        ) : null}
        {session.quietSignIn ? <QuietSignInNote quiet={session.quietSignIn} setting={quietSignInSetting} /> : null}
        <SignedInPane
          profile={profile}
          session={session}
          onForgetPassword={() => onForgetPassword(id)}
          forgetting={busy === 'forget'}
        />
        {admin && session.status === 'signed-in' ? (
          <>
            <AdminAccess
              bridge={admin.bridge}
              session={session}
              baseUrl={profile.baseUrl}
              onOpenAdministration={() => admin.openAdministration(id)}
            />
            <TokensSection bridge={admin.bridge} profile={profile} onOpenExternal={onOpenExternal} />
          </>
        ) : null}
      </>
    );
  } else if (profile.signInMethod === 'token' && admin) {
    const expired = session.status === 'expired';
    body = (
      <>
        {expired ? <ExpiredBanner session={session} label={profile.label} /> : null}
        <TokenSignInForm
          bridge={admin.bridge}
          profile={profile}
          session={expired && session.error?.kind === 'session-expired' ? { ...session, error: undefined } : session}
          title={expired ? 'Sign in again' : `Sign in to ${profile.label}`}
          keeping={remember.keeping}
          onSignedIn={admin.applySession}
          onOpenExternal={onOpenExternal}
        />
      </>
    );
  } else {
    body = (
      <SignInSection
        profile={profile}
        session={session}
        remember={remember}
        busy={busy}
        onSignIn={(credentials) => onSignIn(id, credentials)}
        onCancel={onCancel ? () => onCancel(id) : undefined}
        onWebSignIn={() => onWebSignIn(id)}
        onUseWebSignIn={() => onUseWebSignIn(profile)}
        onOpenExternal={onOpenExternal}
        onForgetPassword={() => onForgetPassword(id)}
      />
    );
  }

  return (
    <section
      className={`pane env-${profile.environment ?? 'unset'}`}
      aria-labelledby="pane-heading"
      data-profile-id={id}
    >
      <PaneHeader
        profile={profile}
        session={session}
        busy={busy}
        platform={platform}
        onSignOut={onSignOut}
        onRefresh={onRefresh}
        onEdit={onEdit}
        onOpenExternal={onOpenExternal}
        onOpenInJira={onOpenInJira}
        onCancel={onCancel}
      />

      <div className="pane-body">
        {message ? (
          <Message
            message={message}
            profile={profile}
            onOpenExternal={onOpenExternal}
            onRefresh={() => onRefresh(id)}
            onDismiss={() => onDismissMessage(id)}
            onOpenAdministration={openAdministration}
          />
        ) : null}
        {session.signOutUnconfirmed && admin ? (
          <UnconfirmedSignOut bridge={admin.bridge} profile={profile} applySession={admin.applySession} />
        ) : null}
        {session.warnings.length > 0 ? (
          <Notice
            tone="info"
            heading="h3"
            titleId="pane-warnings-title"
            icon={<InfoIcon size={18} />}
            title="Worth a look"
          >
            <ul className="notice-list">
              {session.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {body}
        {admin ? <ServerHistory bridge={admin.bridge} profileId={id} /> : null}
      </div>
    </section>
  );
}
