// The window's top bar: what is signed in where at a glance, and the two actions that span every server.
import { memo, type ReactNode } from 'react';
import { EstateMenuButton } from './estate/estate-nav';
import { AppMark, BellIcon, RefreshIcon, SignOutIcon } from './icons';
import './toolbar.css';

export interface SessionCounts {
  signedIn: number;
  expired: number;
  error: number;
  total: number;
}

export interface ToolbarProps {
  counts: SessionCounts;
  refreshing: boolean;
  canSignOutAll: boolean;
  /** Desktop notifications on expiry and on a partly failed sign-out of all; undefined until settings load. */
  notifications: boolean | undefined;
  onRefreshAll(): void;
  onSignOutAll(): void;
  onToggleNotifications(): void;
  /** Offered while an administrator is signed in somewhere (ends WebSudo on every server). */
  onEndAdminAccessEverywhere?: () => void;
  endingAdminAccess?: boolean;
  /** A count was clicked: show only the servers in that status. */
  onShowStatus?(status: 'signed-in' | 'expired' | 'error'): void;
}

/** One count; a button that narrows the list to its servers when the list can be narrowed. */
function SummaryItem({
  status,
  onShow,
  children,
}: {
  status: 'signed-in' | 'expired' | 'error';
  onShow?(status: 'signed-in' | 'expired' | 'error'): void;
  children: ReactNode;
}) {
  const content = (
    <>
      <span className="summary-dot" aria-hidden="true" />
      {children}
    </>
  );
  const className = `summary-item summary-${status}`;
  return onShow ? (
    <button
      type="button"
      className={`${className} summary-filter`}
      title="Show these servers"
      onClick={() => onShow(status)}
    >
      {content}
    </button>
  ) : (
    <span className={className}>{content}</span>
  );
}

export const Toolbar = memo(function Toolbar({
  counts,
  refreshing,
  canSignOutAll,
  notifications,
  onRefreshAll,
  onSignOutAll,
  onToggleNotifications,
  onEndAdminAccessEverywhere,
  endingAdminAccess = false,
  onShowStatus,
}: ToolbarProps) {
  return (
    <header className="toolbar">
      <div className="toolbar-brand">
        <AppMark size={22} className="brand-mark" />
        <h1 className="toolbar-title">Jira Session Manager</h1>
      </div>
      {counts.total > 0 ? (
        <p className="toolbar-summary">
          <SummaryItem status="signed-in" onShow={onShowStatus}>
            {counts.signedIn} of {counts.total} signed in
          </SummaryItem>
          {counts.expired > 0 ? (
            <SummaryItem status="expired" onShow={onShowStatus}>
              {counts.expired} expired
            </SummaryItem>
          ) : null}
          {counts.error > 0 ? (
            <SummaryItem status="error" onShow={onShowStatus}>
              {counts.error} with errors
            </SummaryItem>
          ) : null}
        </p>
      ) : null}
      <div className="toolbar-actions">
        <button
          type="button"
          className="button button-quiet"
          aria-pressed={notifications ?? false}
          disabled={notifications === undefined}
          title="Notify me when a session expires or a server cannot confirm a sign-out"
          onClick={onToggleNotifications}
        >
          <BellIcon />
          Notifications
        </button>
        <button
          type="button"
          className="button"
          onClick={onRefreshAll}
          disabled={counts.total === 0 || refreshing}
          aria-busy={refreshing || undefined}
        >
          <RefreshIcon className={refreshing ? 'icon-spin' : undefined} />
          {refreshing ? 'Refreshing…' : 'Refresh all'}
        </button>
        {onEndAdminAccessEverywhere ? (
          <button
            type="button"
            className="button"
            onClick={onEndAdminAccessEverywhere}
            disabled={endingAdminAccess}
            aria-busy={endingAdminAccess || undefined}
          >
            {endingAdminAccess ? 'Ending admin access…' : 'End admin access everywhere'}
          </button>
        ) : null}
        <button type="button" className="button button-danger-quiet" onClick={onSignOutAll} disabled={!canSignOutAll}>
          <SignOutIcon />
          Sign out of all
        </button>
        <EstateMenuButton />
      </div>
    </header>
  );
});
