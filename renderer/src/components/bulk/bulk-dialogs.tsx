// The bulk actions' dialogs: the sign-out confirmation (shared with sign out of all), and one line per selected
// server once an action has answered, failures first, with "Go to server" where the person has to step in.
import type { ServerProfile } from '../../../../electron/shared/model';
import type { BulkAction, BulkActions } from '../../hooks/use-bulk-actions';
import { Dialog } from '../confirm-dialog';
import { ErrorNotice } from '../error-notice';
import { ResultsList, type ResultLine } from '../results-list';
import { SignOutConfirm } from '../sign-out-confirm';

const servers = (count: number) => `${count} ${count === 1 ? 'server' : 'servers'}`;

/** The results' title: what was done, out of how many servers the action could act on. */
export function bulkResultsTitle(action: BulkAction, lines: readonly ResultLine[]): string {
  const acted = lines.filter((line) => line.tone !== 'skipped');
  const ok = acted.filter((line) => line.tone === 'ok').length;
  const failed = acted.length - ok;
  switch (action) {
    case 'sign-in':
      return acted.length === 0
        ? 'Every selected server is signed in'
        : `Signed in to ${ok} of ${servers(acted.length)}`;
    case 'refresh':
      return failed === 0
        ? `Checked ${servers(acted.length)}: all signed in`
        : `Checked ${servers(acted.length)}: ${failed} with a problem`;
    case 'sign-out':
      return failed === 0
        ? `Signed out of ${servers(acted.length)}`
        : `Signed out of ${servers(acted.length)}, ${failed} only locally`;
    case 'end-admin-access':
      return failed === 0
        ? `Admin access ended on ${servers(ok)}`
        : `Admin access ended on ${ok} of ${servers(acted.length)}`;
  }
}

const FAILED_TITLE: Record<BulkAction, string> = {
  'sign-in': 'Could not sign in to the selected servers',
  refresh: 'Could not refresh the selected servers',
  'sign-out': 'Could not sign out of the selected servers',
  'end-admin-access': 'Could not end admin access on the selected servers',
};

export function BulkDialogs({
  bulk,
  profiles,
  onGoTo,
}: {
  bulk: BulkActions;
  profiles: ServerProfile[];
  /** Selects that server, focus on its sign-in or heading. */
  onGoTo(profileId: string): void;
}) {
  const { dialog, close } = bulk;
  switch (dialog?.kind) {
    case 'confirm-sign-out':
      return (
        <SignOutConfirm
          targets={dialog.targets}
          busy={dialog.busy}
          confirmLabel={dialog.targets.length === 1 ? 'Sign out' : `Sign out of ${dialog.targets.length}`}
          onConfirm={bulk.confirmSignOut}
          onCancel={close}
        />
      );
    case 'results':
      return (
        <Dialog
          title={dialog.error ? FAILED_TITLE[dialog.action] : bulkResultsTitle(dialog.action, dialog.lines)}
          onClose={close}
          actions={
            <button type="button" className="button button-primary" onClick={close} data-autofocus>
              Done
            </button>
          }
        >
          {dialog.error ? <ErrorNotice error={dialog.error} /> : null}
          {dialog.lines.length > 0 ? (
            <ResultsList
              label="Results per server"
              lines={dialog.lines}
              profiles={profiles}
              onGoTo={(profileId) => {
                close();
                onGoTo(profileId);
              }}
            />
          ) : null}
        </Dialog>
      );
    case undefined:
      return null;
  }
}
