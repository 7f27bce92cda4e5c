// Signing in to a token server (a service account, a Jira without password sign-in): the token lives in this
// form's state only until it is submitted; main checks it and seals it.
import { useId, useState, type FormEvent } from 'react';
import type { AppErrorInfo, ServerProfile, SessionState } from '../../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../../bridge';
import { hostOf } from '../../view-model';
import { ErrorNotice } from '../error-notice';
import { KeyIcon, SignInIcon, SpinnerIcon } from '../icons';
import '../sign-in-form.css';
import { SignInHead } from '../sign-in-head';

export interface TokenSignInFormProps {
  bridge: JiraSessionsBridge;
  profile: ServerProfile;
  session: SessionState;
  title: string;
  /** How the token is kept on this computer (see rememberPasswordAvailability). */
  keeping: string;
  onSignedIn(state: SessionState): void;
  onOpenExternal(url: string): void;
}

export function TokenSignInForm({
  bridge,
  profile,
  session,
  title,
  keeping,
  onSignedIn,
  onOpenExternal,
}: TokenSignInFormProps) {
  const ids = useId();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [missing, setMissing] = useState(false);
  const shownError = error ?? session.error ?? null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (token.trim() === '') {
      setMissing(true);
      return;
    }
    const value = token;
    setToken('');
    setMissing(false);
    setError(null);
    setBusy(true);
    try {
      const state = await bridge.useToken(profile.id, { token: value });
      onSignedIn(state);
      if (state.status !== 'signed-in' && state.error) setError(state.error);
    } catch (reason) {
      setError(readAppError(reason));
    } finally {
      setBusy(false);
    }
  };

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
        subtitle={`${hostOf(profile.baseUrl)} · with a personal access token`}
      />
      {shownError ? (
        <ErrorNotice
          error={shownError}
          baseUrl={profile.baseUrl}
          onOpenExternal={onOpenExternal}
          live={error !== null}
        />
      ) : null}
      <div className="field">
        <label htmlFor={`${ids}-token`}>Personal access token</label>
        <input
          id={`${ids}-token`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          readOnly={busy}
          data-focus="password"
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${ids}-missing` : `${ids}-hint`}
          onChange={(event) => setToken(event.target.value)}
        />
        {missing ? (
          <p className="field-error" id={`${ids}-missing`}>
            Paste the personal access token.
          </p>
        ) : (
          <p className="field-hint" id={`${ids}-hint`}>
            {keeping}, and sent only to {hostOf(profile.baseUrl)}.
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary button-wide" aria-disabled={busy || undefined}>
          {busy ? <SpinnerIcon /> : <SignInIcon />}
          {busy ? 'Signing in…' : 'Sign in with token'}
        </button>
      </div>
    </form>
  );
}
