// "Refresh all" in the toolbar. While the checks run it turns into "Cancel" and says which servers have not answered
// yet; each server's result shows in the list as it arrives, so one that hangs holds up only itself.
import { useId } from 'react';
import { CloseIcon, RefreshIcon, SpinnerIcon } from './icons';

export interface RefreshAllButtonProps {
  refreshing: boolean;
  disabled: boolean;
  /** Labels of the servers still being checked. */
  pending: readonly string[];
  onRefreshAll(): void;
  onCancel?: () => void;
}

export function pendingText(pending: readonly string[]): string {
  if (pending.length === 0) return 'Refreshing…';
  if (pending.length === 1) return `Waiting for ${pending[0]}…`;
  return `Waiting for ${pending.length} servers…`;
}

export function RefreshAllButton({ refreshing, disabled, pending, onRefreshAll, onCancel }: RefreshAllButtonProps) {
  const statusId = useId();
  if (!refreshing || !onCancel) {
    return (
      <button
        type="button"
        className="button"
        onClick={onRefreshAll}
        disabled={disabled || refreshing}
        aria-busy={refreshing || undefined}
      >
        <RefreshIcon className={refreshing ? 'icon-spin' : undefined} />
        {refreshing ? 'Refreshing…' : 'Refresh all'}
      </button>
    );
  }
  return (
    <span className="refresh-all-busy">
      <span className="refresh-all-pending with-icon" id={statusId} role="status" title={pending.join(', ')}>
        <SpinnerIcon />
        {pendingText(pending)}
      </span>
      <button type="button" className="button" onClick={onCancel} aria-describedby={statusId}>
        <CloseIcon />
        Cancel refresh
      </button>
    </span>
  );
}
