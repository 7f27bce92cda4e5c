// The window's top bar: what is signed in where at a glance, and the two actions that span every server.
import { memo } from 'react';
import { failedSignInsText } from '../../../electron/shared/attention';
import { EstateMenuButton } from './estate/estate-nav';
import { AlertTriangleIcon, AppMark, BellIcon, SignOutIcon } from './icons';
import { RefreshAllButton } from './refresh-all-button';
import './toolbar.css';

export interface SessionCounts {
  signedIn: number;
  expired: number;
  error: number;
  total: number;
  /** Failed sign-in attempts the last checks found, over every server. */
  failedSignIns: number;
  /** Labels of the servers being checked right now. */
  checking: string[];
}

export interface ToolbarProps {
  counts: SessionCounts;
  refreshing: boolean;
  canSignOutAll: boolean;
  /** Desktop notifications on expiry and on a partly failed sign-out of all; undefined until settings load. */
  notifications: boolean | undefined;
  onRefreshAll(): void;
  /** Ends the checks of a refresh of all servers that have not answered yet. */
  onCancelRefreshAll?: () => void;
  onSignOutAll(): void;
  onToggleNotifications(): void;
  /** Offered while an administrator is signed in somewhere (ends WebSudo on every server). */
  onEndAdminAccessEverywhere?: () => void;
  endingAdminAccess?: boolean;
}

export const Toolbar = memo(function Toolbar({
  counts,
  refreshing,
  canSignOutAll,
  notifications,
  onRefreshAll,
  onCancelRefreshAll,
  onSignOutAll,
  onToggleNotifications,
  onEndAdminAccessEverywhere,
  endingAdminAccess = false,
}: ToolbarProps) {
  return (
    <header className="toolbar">
      <div className="toolbar-brand">
        <AppMark size={22} className="brand-mark" />
        <h1 className="toolbar-title">Jira Session Manager</h1>
      </div>
      {counts.total > 0 ? (
        <p className="toolbar-summary">
          <span className="summary-item summary-signed-in">
            <span className="summary-dot" aria-hidden="true" />
            {counts.signedIn} of {counts.total} signed in
          </span>
          {counts.expired > 0 ? (
            <span className="summary-item summary-expired">
              <span className="summary-dot" aria-hidden="true" />
              {counts.expired} expired
            </span>
          ) : null}
          {counts.error > 0 ? (
            <span className="summary-item summary-error">
              <span className="summary-dot" aria-hidden="true" />
              {counts.error} with errors
            </span>
          ) : null}
          {counts.failedSignIns > 0 ? (
            <span className="summary-item summary-failed-sign-ins">
              <AlertTriangleIcon size={13} />
              {failedSignInsText(counts.failedSignIns)}
            </span>
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
        <RefreshAllButton
          refreshing={refreshing}
          disabled={counts.total === 0}
          pending={counts.checking}
          onRefreshAll={onRefreshAll}
          onCancel={onCancelRefreshAll}
        />
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
