// The navigation guard's question: the editor has changes and something wants to leave it.
import type { NavigationGuard } from '../hooks/use-navigation-guard';
import { Dialog } from './confirm-dialog';

export function UnsavedChangesDialog({ guard }: { guard: NavigationGuard }) {
  if (!guard.question) return null;
  const { serverLabel } = guard.question;
  return (
    <Dialog
      title={serverLabel === undefined ? 'Save the new server?' : `Save your changes to ${serverLabel}?`}
      returnFocus={false}
      onClose={() => guard.answer('keep')}
      actions={
        <>
          <button type="button" className="button" onClick={() => guard.answer('keep')} data-autofocus>
            Keep editing
          </button>
          <button type="button" className="button button-danger-quiet" onClick={() => guard.answer('discard')}>
            Discard
          </button>
          <button type="button" className="button button-primary" onClick={() => guard.answer('save')}>
            Save
          </button>
        </>
      }
    >
      <p>
        {serverLabel === undefined ? 'The server you are adding is not saved yet.' : 'Your changes are not saved yet.'}{' '}
        Save them, discard them, or keep editing.
      </p>
    </Dialog>
  );
}
