// A signed-in server's Tokens section: your personal access tokens with when they were made, expire and were last
// used; a form to create one (its value shown once), and revoking — confirmed first on a production server.
import { useId, useState, type FormEvent } from 'react';
import {
  expiresSoon,
  TOKEN_EXPIRY_CHOICES,
  tokenNameProblem,
  type PersonalAccessToken,
} from '../../../../electron/shared/admin';
import type { ServerProfile } from '../../../../electron/shared/model';
import type { JiraSessionsBridge } from '../../bridge';
import { useNow } from '../../hooks/use-now';
import { Dialog } from '../confirm-dialog';
import { ErrorNotice } from '../error-notice';
import { TimeValue } from '../time-value';
import { CreatedTokenPanel } from './created-token';
import { useTokens } from './use-tokens';
import './tokens-section.css';

export interface TokensSectionProps {
  bridge: JiraSessionsBridge;
  profile: ServerProfile;
  onOpenExternal(url: string): void;
}

function TokenRow({
  token,
  now,
  revoking,
  onRevoke,
}: {
  token: PersonalAccessToken;
  now: number;
  revoking: boolean;
  onRevoke(token: PersonalAccessToken): void;
}) {
  const soon = expiresSoon(token, now);
  return (
    <tr>
      <th scope="row">{token.name}</th>
      <td>
        <TimeValue iso={token.createdAt} now={now} />
      </td>
      <td className={soon ? 'token-soon' : undefined}>
        {token.expiringAt ? <TimeValue iso={token.expiringAt} now={now} /> : 'Never'}
        {soon ? <span className="visually-hidden"> (expires soon)</span> : null}
      </td>
      <td>
        <TimeValue iso={token.lastAccessedAt} now={now} missing="Never used" />
      </td>
      <td>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          disabled={revoking}
          aria-label={`Revoke ${token.name}`}
          onClick={() => onRevoke(token)}
        >
          {revoking ? 'Revoking…' : 'Revoke'}
        </button>
      </td>
    </tr>
  );
}

export function TokensSection({ bridge, profile, onOpenExternal }: TokensSectionProps) {
  const ids = useId();
  const now = useNow();
  const { tokens, error, created, busy, create, revoke, dismissCreated, dismissError } = useTokens(bridge, profile.id);
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(90);
  const [nameProblem, setNameProblem] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<PersonalAccessToken | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = tokenNameProblem(name);
    setNameProblem(problem);
    if (problem !== undefined || busy !== undefined) return;
    if (await create({ name: name.trim(), expiresInDays: days })) setName('');
  };

  const askRevoke = (token: PersonalAccessToken) => {
    if (profile.environment === 'production') setConfirming(token);
    else void revoke(token.id);
  };

  return (
    <section className="card tokens-section" aria-labelledby={`${ids}-title`}>
      <h3 className="card-title" id={`${ids}-title`}>
        Personal access tokens
      </h3>
      {error ? (
        <ErrorNotice error={error} baseUrl={profile.baseUrl} onOpenExternal={onOpenExternal} onDismiss={dismissError} />
      ) : null}
      {tokens === undefined && !error ? <p className="muted">Loading tokens…</p> : null}
      {tokens !== undefined && tokens.length === 0 ? <p className="muted">You have no tokens on this server.</p> : null}
      {tokens !== undefined && tokens.length > 0 ? (
        <table className="tokens-table" aria-label={`Your tokens on ${profile.label}`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <TokenRow key={token.id} token={token} now={now} revoking={busy === token.id} onRevoke={askRevoke} />
            ))}
          </tbody>
        </table>
      ) : null}

      {created ? <CreatedTokenPanel token={created} bridge={bridge} onDismiss={dismissCreated} /> : null}

      {error?.kind === 'tokens-unavailable' ? null : (
        <form className="token-create" onSubmit={(event) => void submit(event)} noValidate aria-label="Create a token">
          <div className="field">
            <label htmlFor={`${ids}-name`}>Token name</label>
            <input
              id={`${ids}-name`}
              value={name}
              maxLength={255}
              aria-invalid={nameProblem !== undefined || undefined}
              aria-describedby={nameProblem ? `${ids}-name-problem` : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            {nameProblem ? (
              <p className="field-error" id={`${ids}-name-problem`}>
                {nameProblem}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-days`}>Expires after</label>
            <select id={`${ids}-days`} value={days} onChange={(event) => setDays(Number(event.target.value))}>
              {TOKEN_EXPIRY_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {choice} days
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" aria-disabled={busy === 'create' || undefined}>
            {busy === 'create' ? 'Creating…' : 'Create token'}
          </button>
        </form>
      )}

      {confirming ? (
        <Dialog
          title={`Revoke “${confirming.name}”?`}
          tone="danger"
          onClose={() => setConfirming(null)}
          actions={
            <>
              <button type="button" className="button" data-autofocus onClick={() => setConfirming(null)}>
                Cancel
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  const id = confirming.id;
                  setConfirming(null);
                  void revoke(id);
                }}
              >
                Revoke token
              </button>
            </>
          }
        >
          <p>
            {profile.label} is a production server. Scripts and services that use this token stop working at once, and
            it cannot be brought back.
          </p>
        </Dialog>
      ) : null}
    </section>
  );
}
