// After "Sign in to all expired": one line per expired server, the ones that still need you first, each with a way
// to go to that server.
import type { ExpiredSignInResult, ServerProfile } from '../../../electron/shared/model';
import type { ExpiredSignInAnswer } from '../hooks/use-expired-sign-in';
import { Dialog } from './confirm-dialog';
import { ErrorNotice } from './error-notice';
import { signInLine } from './result-lines';
import { ResultsList } from './results-list';

function titleFor(results: ExpiredSignInResult[]): string {
  if (results.length === 0) return 'No server has expired';
  const signedIn = results.filter((result) => result.outcome === 'signed-in').length;
  return `Signed in to ${signedIn} of ${results.length} expired ${results.length === 1 ? 'server' : 'servers'}`;
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
  const results = 'results' in answer ? answer.results : undefined;
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
        <ResultsList
          label="Sign-in results"
          lines={results.map((result) =>
            signInLine(
              result,
              profiles.find((profile) => profile.id === result.profileId),
            ),
          )}
          profiles={profiles}
          onGoTo={(profileId) => {
            onClose();
            onGoTo(profileId);
          }}
        />
      ) : null}
      {results?.length === 0 ? <p>Every server is signed in or signed out by choice.</p> : null}
    </Dialog>
  );
}
