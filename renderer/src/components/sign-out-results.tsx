// After "Sign out of all": one line per server, saying whether the server confirmed it or it ended only here.
import { failuresFirst } from '../../../electron/shared/attention';
import type { LogoutResult, ServerProfile } from '../../../electron/shared/model';
import { Dialog } from './confirm-dialog';
import { AlertTriangleIcon, CheckCircleIcon } from './icons';
import './sign-out-results.css';

function titleFor(results: LogoutResult[]): string {
  const servers = `${results.length} ${results.length === 1 ? 'server' : 'servers'}`;
  const localOnly = results.filter((result) => !result.serverConfirmed).length;
  if (results.length === 0) return 'No server had a session';
  return localOnly === 0 ? `Signed out of ${servers}` : `Signed out of ${servers}, ${localOnly} only locally`;
}

export interface SignOutResultsProps {
  results: LogoutResult[];
  profiles: ServerProfile[];
  onClose(): void;
}

export function SignOutResults({ results, profiles, onClose }: SignOutResultsProps) {
  return (
    <Dialog
      title={titleFor(results)}
      onClose={onClose}
      returnFocus={false}
      actions={
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          Done
        </button>
      }
    >
      {results.length > 0 ? (
        <ul className="results-list" aria-label="Sign-out results">
          {failuresFirst(results).map((result) => {
            const profile = profiles.find((candidate) => candidate.id === result.profileId);
            return (
              <li key={result.profileId} className={result.serverConfirmed ? 'result-ok' : 'result-local'}>
                <span className="result-icon">
                  {result.serverConfirmed ? <CheckCircleIcon size={16} /> : <AlertTriangleIcon size={16} />}
                </span>
                <span className="result-main">
                  <span className="result-label">{profile?.label ?? result.profileId}</span>
                  <span className="result-text">
                    {result.serverConfirmed ? 'Signed out' : 'Signed out locally; the server could not be reached'}
                  </span>
                  {!result.serverConfirmed && result.error ? (
                    <span className="result-detail">{result.error.message}</span>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>Nothing needed signing out.</p>
      )}
    </Dialog>
  );
}
