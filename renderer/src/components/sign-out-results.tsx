// After "Sign out of all": one line per server, saying whether the server confirmed it or it ended only here.
import type { LogoutResult, ServerProfile } from '../../../electron/shared/model';
import { Dialog } from './confirm-dialog';
import { signOutLine } from './result-lines';
import { ResultsList } from './results-list';

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
        <ResultsList label="Sign-out results" lines={results.map(signOutLine)} profiles={profiles} />
      ) : (
        <p>Nothing needed signing out.</p>
      )}
    </Dialog>
  );
}
