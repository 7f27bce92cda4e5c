// The bar over the main area in select mode: how many servers are ticked (and how many of them the filter hides),
// the bulk actions on them, Select none and Done. Actions that do not fit go under "More actions", as in every bar.
import type { BulkActions, BulkAction } from '../../hooks/use-bulk-actions';
import { selectionText } from '../../list/selection';
import { ActionBar, type BarAction } from '../action-bar';
import { CloseIcon, RefreshIcon, SignInIcon, SignOutIcon } from '../icons';
import './bulk-bar.css';

const LABEL: Record<BulkAction, { idle: string; busy: string }> = {
  'sign-in': { idle: 'Sign in', busy: 'Signing in…' },
  refresh: { idle: 'Refresh', busy: 'Refreshing…' },
  'sign-out': { idle: 'Sign out', busy: 'Signing out…' },
  'end-admin-access': { idle: 'End admin access', busy: 'Ending admin access…' },
};

const WHY_NOT: Record<BulkAction, string> = {
  'sign-in': 'Every selected server is signed in',
  refresh: 'No selected server is signed in',
  'sign-out': 'No selected server is signed in',
  'end-admin-access': 'No selected server has an administrator signed in',
};

export function BulkBar({ bulk }: { bulk: BulkActions }) {
  const { selection, count, available, running } = bulk;
  const action = (id: BulkAction, priority: number, extra: Pick<BarAction, 'icon' | 'variant'> = {}): BarAction => ({
    id,
    label: running === id ? LABEL[id].busy : LABEL[id].idle,
    priority,
    busy: running === id,
    disabled: running !== null || !available[id],
    ...(available[id] ? {} : { title: WHY_NOT[id] }),
    onSelect: () => bulk.run(id),
    ...extra,
  });
  const actions: BarAction[] = [
    action('sign-in', 10, { icon: <SignInIcon />, variant: 'primary' }),
    action('refresh', 20, { icon: <RefreshIcon className={running === 'refresh' ? 'icon-spin' : undefined} /> }),
    action('sign-out', 30, { icon: <SignOutIcon />, variant: 'danger-quiet' }),
    action('end-admin-access', 40),
  ];
  if (running === 'sign-in' || running === 'refresh') {
    actions.unshift({ id: 'cancel', label: 'Cancel', priority: 5, icon: <CloseIcon />, onSelect: bulk.cancel });
  }
  return (
    <section className="bulk-bar" aria-label="Selected servers">
      <p className="bulk-bar-summary" role="status">
        {count > 0 ? selectionText(count, selection.hidden) : 'Select servers: click, Shift+click for a range'}
      </p>
      {count > 0 ? (
        <ActionBar label="Actions on the selected servers" actions={actions} className="bulk-actions" />
      ) : (
        <span className="bulk-actions" />
      )}
      <span className="bulk-bar-end">
        {count > 0 ? (
          <button type="button" className="button button-quiet" onClick={selection.selectNone}>
            Select none
          </button>
        ) : null}
        <button type="button" className="button button-quiet" onClick={selection.stop}>
          Done
        </button>
      </span>
    </section>
  );
}
