// After "Sign in to all expired": one line per expired server, the ones that still need you first, each with a way
// to go to that server.
import type { ExpiredSignInResult, ServerProfile } from '../../../electron/shared/model';
import type { ExpiredSignInAnswer } from '../hooks/use-expired-sign-in';
import { Dialog } from './confirm-dialog';
import { ErrorNotice } from './error-notice';
import { AlertTriangleIcon, CheckCircleIcon, KeyIcon } from './icons';
import './sign-out-results.css';

const ORDER: Record<ExpiredSignInResult['outcome'], number> = { failed: 0, 'needs-you': 1, 'signed-in': 2 };

function titleFor(results: ExpiredSignInResult[]): string {
  if (results.length === 0) return 'No server has expired';
  const signedIn = results.filter((result) => result.outcome === 'signed-in').length;
  return `Signed in to ${signedIn} of ${results.length} expired ${results.length === 1 ? 'server' : 'servers'}`;
}

function needsYouText(profile: ServerProfile | undefined): string {
  if (profile?.signInMethod === 'web') return 'Signs in on its web page: sign in yourself';
  if (profile?.signInMethod === 'token') return 'Signs in with a token: sign in yourself';
  return 'No saved password: sign in yourself';
}

function Line({
  result,
  profile,
  onGoTo,
}: {
  result: ExpiredSignInResult;
  profile: ServerProfile | undefined;
  onGoTo(profileId: string): void;
}) {
  const label = profile?.label ?? result.profileId;
  const user = result.state.user;
  const text = {
    'signed-in': user ? `Signed in as ${user.displayName || user.name}` : 'Signed in',
    failed: 'Could not sign in with the saved password',
    'needs-you': needsYouText(profile),
  }[result.outcome];
  const icon = {
    'signed-in': <CheckCircleIcon size={16} />,
    failed: <AlertTriangleIcon size={16} />,
    'needs-you': <KeyIcon size={16} />,
  }[result.outcome];
  return (
    <li className={result.outcome === 'signed-in' ? 'result-ok' : 'result-local'}>
      <span className="result-icon">{icon}</span>
      <span className="result-main">
        <span className="result-label">{label}</span>
        <span className="result-text">{text}</span>
        {result.error ? <span className="result-detail">{result.error.message}</span> : null}
      </span>
      {result.outcome === 'signed-in' ? null : (
        <button
          type="button"
          className="button button-small result-action"
          aria-label={`Go to ${label}`}
          onClick={() => onGoTo(result.profileId)}
        >
          Go to server
        </button>
      )}
    </li>
  );
}

export interface ExpiredSignInResultsProps {
  /** The run's answer (nothing shows while it is null) and how to close it. */
  run: { answer: ExpiredSignInAnswer | null; close(): void };
  profiles: ServerProfile[];
  /** Closes the dialog and selects that server, focus on its sign-in. */
  onGoTo(profileId: string): void;
}

export function ExpiredSignInResults({ run, profiles, onGoTo }: ExpiredSignInResultsProps) {
  const { answer, close: onClose } = run;
  if (!answer) return null;
  const results =
    'results' in answer ? [...answer.results].sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome]) : undefined;
  return (
    <Dialog
      title={results ? titleFor(results) : 'Could not sign in to the expired servers'}
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          Done
        </button>
      }
    >
      {'error' in answer ? <ErrorNotice error={answer.error} /> : null}
      {results && results.length > 0 ? (
        <ul className="results-list expired-results" aria-label="Sign-in results">
          {results.map((result) => (
            <Line
              key={result.profileId}
              result={result}
              profile={profiles.find((profile) => profile.id === result.profileId)}
              onGoTo={(profileId) => {
                onClose();
                onGoTo(profileId);
              }}
            />
          ))}
        </ul>
      ) : null}
      {results?.length === 0 ? <p>Every server is signed in or signed out by choice.</p> : null}
    </Dialog>
  );
}
