// Signing in to one server. The password lives in this form's state only until it is submitted.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { missingValueProblem, REQUIRED_FIELDS } from '../../../electron/shared/field-rules';
import type { AppErrorInfo, PasswordCredentials, ServerProfile, SessionState } from '../../../electron/shared/model';
import { readAppError } from '../bridge';
import { hostOf } from '../view-model';
import { ErrorNotice } from './error-notice';
import { KeyIcon, SignInIcon, SpinnerIcon } from './icons';
import { CancelButton } from './cancel-button';
import { ForgetPasswordButton } from './forget-password-button';
import { SavedPasswordField, UseSavedPassword } from './saved-password-field';
import { PlainHttpNotice } from './plain-http-warning';
import './sign-in-form.css';
import { SignInHead } from './sign-in-head';
import type { RememberAvailability } from './keychain-notice';

export interface SignInFormProps {
  profile: ServerProfile;
  session: SessionState;
  title: string;
  remember: RememberAvailability;
  /** Resolves once signed in; rejects with the AppErrorInfo to show. */
  onSignIn(credentials: PasswordCredentials): Promise<void>;
  /** Signs in with the remembered password (main opens it); offered while one is saved. */
  onSignInRemembered?: () => Promise<void>;
  /** Ends the sign-in in flight: the request is aborted and nothing changes. */
  onCancel?: () => void;
  onOpenExternal(url: string): void;
  onForgetPassword(): void;
  forgetting?: boolean;
  /** Offered with a CAPTCHA or password sign-in switched off: sign in on the server's page instead. */
  onWebSignIn?: () => void;
  /** Offered when the server answers with a single sign-on page. */
  onUseWebSignIn?: () => void;
}

export function SignInForm({
  profile,
  session,
  title,
  remember,
  onSignIn,
  onSignInRemembered,
  onCancel,
  onOpenExternal,
  onForgetPassword,
  forgetting = false,
  onWebSignIn,
  onUseWebSignIn,
}: SignInFormProps) {
  const ids = useId();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState(profile.username);
  const [password, setPassword] = useState('');
  // Starts ticked when a password is saved: unticking it and signing in forgets that password.
  const [rememberPassword, setRememberPassword] = useState(session.passwordRemembered);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [missing, setMissing] = useState<'username' | 'password' | null>(null);
  // With a password saved, the field is left out and the saved one is used, until the user types another.
  const [typingAnother, setTypingAnother] = useState(false);
  const usesSaved = session.passwordRemembered && onSignInRemembered !== undefined && !typingAnother;
  // Focus goes to the password field once it is rendered (after switching away from the saved one).
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) passwordRef.current?.focus();
  }, [focusRequest]);
  const typeAnother = () => {
    setTypingAnother(true);
    setFocusRequest((count) => count + 1);
  };
  const [cancelled, setCancelled] = useState(false);

  const busy = submitting || session.status === 'signing-in';
  // An error already on the session (e.g. from a sign-in the tray started) shows until this form has its own.
  const shownError = error ?? session.error ?? null;
  const errorId = `${ids}-error`;
  const credentialsWrong = shownError?.kind === 'bad-credentials';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (usesSaved) {
      await signInWith(onSignInRemembered);
      return;
    }
    if (missingValueProblem('username', username)) {
      setMissing('username');
      usernameRef.current?.focus();
      return;
    }
    if (missingValueProblem('password', password)) {
      setMissing('password');
      passwordRef.current?.focus();
      return;
    }
    const credentials: PasswordCredentials = { username: username.trim(), password };
    if (remember.available) credentials.rememberPassword = rememberPassword;
    setPassword('');
    await signInWith(() => onSignIn(credentials));
  };

  const signInWith = async (signIn: () => Promise<void>) => {
    setMissing(null);
    setError(null);
    setCancelled(false);
    setSubmitting(true);
    try {
      await signIn();
    } catch (reason) {
      const info = readAppError(reason);
      // A cancel is no failure: say so quietly.
      if (info.kind === 'cancelled') setCancelled(true);
      else setError(info);
      // The saved password no longer works (changed on the server) or is gone: ask for the current one.
      if (info.kind === 'bad-credentials' || info.field === 'password') setTypingAnother(true);
      setFocusRequest((count) => count + 1);
    } finally {
      setSubmitting(false);
    }
  };

  const describedByPassword = [missing === 'password' ? `${ids}-password-missing` : '', credentialsWrong ? errorId : '']
    .filter(Boolean)
    .join(' ');

  return (
    <form
      className="card sign-in"
      aria-labelledby={`${ids}-title`}
      aria-busy={busy || undefined}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <SignInHead
        icon={<KeyIcon size={20} />}
        titleId={`${ids}-title`}
        title={title}
        subtitle={hostOf(profile.baseUrl)}
      />

      <PlainHttpNotice baseUrl={profile.baseUrl} />

      {shownError ? (
        <ErrorNotice
          id={errorId}
          error={shownError}
          baseUrl={profile.baseUrl}
          onOpenExternal={onOpenExternal}
          onWebSignIn={onWebSignIn}
          onUseWebSignIn={onUseWebSignIn}
          live={error !== null}
        />
      ) : null}

      <div className="field">
        <label htmlFor={`${ids}-username`}>Username</label>
        <input
          ref={usernameRef}
          id={`${ids}-username`}
          name="username"
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="off"
          value={usesSaved ? profile.username : username}
          readOnly={busy || usesSaved}
          aria-invalid={missing === 'username' || credentialsWrong || undefined}
          aria-describedby={missing === 'username' ? `${ids}-username-missing` : undefined}
          data-focus="username"
          onChange={(event) => {
            setUsername(event.target.value);
            if (missing === 'username') setMissing(null);
          }}
        />
        {missing === 'username' ? (
          <p className="field-error" id={`${ids}-username-missing`}>
            {REQUIRED_FIELDS.username}
          </p>
        ) : null}
      </div>

      {usesSaved ? (
        <SavedPasswordField
          id={`${ids}-saved`}
          forgetting={forgetting}
          disabled={busy}
          onTypeAnother={typeAnother}
          onForget={onForgetPassword}
        />
      ) : (
        <div className="field">
          <label htmlFor={`${ids}-password`}>Password</label>
          <input
            ref={passwordRef}
            id={`${ids}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            readOnly={busy}
            aria-invalid={missing === 'password' || credentialsWrong || undefined}
            aria-describedby={describedByPassword || undefined}
            data-focus="password"
            onChange={(event) => {
              setPassword(event.target.value);
              if (missing === 'password') setMissing(null);
            }}
          />
          {missing === 'password' ? (
            <p className="field-error" id={`${ids}-password-missing`}>
              {REQUIRED_FIELDS.password}
            </p>
          ) : null}
        </div>
      )}

      {usesSaved ? null : (
        <div className="field field-check">
          <input
            id={`${ids}-remember`}
            type="checkbox"
            checked={remember.available && rememberPassword}
            disabled={!remember.available || busy}
            aria-describedby={remember.available ? `${ids}-remember-hint` : `${ids}-remember-reason`}
            onChange={(event) => setRememberPassword(event.target.checked)}
          />
          <label htmlFor={`${ids}-remember`}>Remember password</label>
          {remember.available ? (
            <p className="field-hint" id={`${ids}-remember-hint`}>
              {remember.keeping}, so the app can sign in again quietly when the session expires.
            </p>
          ) : (
            <p className="field-hint" id={`${ids}-remember-reason`}>
              {remember.reason}
            </p>
          )}
        </div>
      )}

      {session.passwordRemembered && !usesSaved ? (
        <>
          <div className="saved-password">
            <span>A password is saved for this server.</span>
            <ForgetPasswordButton forgetting={forgetting} onForget={onForgetPassword} />
          </div>
          {onSignInRemembered ? <UseSavedPassword onUseSaved={() => setTypingAnother(false)} /> : null}
        </>
      ) : null}

      <div className="form-actions">
        {busy && onCancel ? (
          <CancelButton
            label="Cancel sign-in"
            className="button button-wide"
            onCancel={() => {
              setCancelled(true);
              onCancel();
            }}
          />
        ) : (
          <button
            type="submit"
            className="button button-primary button-wide"
            aria-disabled={busy || undefined}
            aria-describedby={usesSaved ? `${ids}-saved-note` : undefined}
            data-focus={usesSaved ? 'password' : undefined}
          >
            {busy ? <SpinnerIcon /> : <SignInIcon />}
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        )}
      </div>
      <p className={busy || !cancelled ? 'visually-hidden' : 'muted sign-in-cancelled'} role="status">
        {busy ? `Signing in to ${profile.label}…` : cancelled ? 'Sign-in cancelled. Nothing was changed.' : ''}
      </p>
    </form>
  );
}
