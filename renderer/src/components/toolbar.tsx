// The window's top bar: what is signed in where at a glance (always in view), and the actions that span every
// server (those that do not fit go into its "More actions" menu).
import { memo, type ReactNode } from 'react';
import { failedSignInsText } from '../../../electron/shared/attention';
import { ActionBar, type BarAction } from './action-bar';
import { EstateMenuButton, estateMenuItems, useEstateNav } from './estate/estate-nav';
import { AlertTriangleIcon, AppMark, BellIcon, RefreshIcon, SignInIcon, SignOutIcon } from './icons';
import { pendingText, RefreshAllButton } from './refresh-all-button';
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
  /** Offered while a server has expired: signs in every one with a remembered password. */
  onSignInExpired?: () => void;
  signingInExpired?: boolean;
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
  onCancelRefreshAll,
  onSignOutAll,
  onToggleNotifications,
  onEndAdminAccessEverywhere,
  endingAdminAccess = false,
  onSignInExpired,
  signingInExpired = false,
  onShowStatus,
}: ToolbarProps) {
  const estate = useEstateNav();
  // Priorities: lower stays in view longer when the window is narrow; the rest go into "More actions".
  const actions: BarAction[] = [
    {
      id: 'notifications',
      label: 'Notifications',
      priority: 50,
      variant: 'quiet',
      icon: <BellIcon />,
      pressed: notifications ?? false,
      disabled: notifications === undefined,
      title: 'Notify me when a session expires or a server cannot confirm a sign-out',
      onSelect: onToggleNotifications,
    },
    {
      // While the checks run it offers Cancel and names who has not answered yet (refresh-all-button.tsx).
      id: 'refresh-all',
      label: refreshing ? (onCancelRefreshAll ? 'Cancel refresh' : pendingText(counts.checking)) : 'Refresh all',
      priority: 10,
      icon: <RefreshIcon className={refreshing ? 'icon-spin' : undefined} />,
      disabled: counts.total === 0 || (refreshing && !onCancelRefreshAll),
      busy: refreshing,
      onSelect: refreshing && onCancelRefreshAll ? onCancelRefreshAll : onRefreshAll,
      render: () => (
        <RefreshAllButton
          refreshing={refreshing}
          disabled={counts.total === 0}
          pending={counts.checking}
          onRefreshAll={onRefreshAll}
          onCancel={onCancelRefreshAll}
        />
      ),
    },
  ];
  if (onSignInExpired && counts.expired > 0) {
    actions.push({
      id: 'sign-in-expired',
      label: signingInExpired ? 'Signing in…' : 'Sign in to all expired',
      priority: 15,
      icon: <SignInIcon />,
      disabled: signingInExpired,
      busy: signingInExpired,
      onSelect: onSignInExpired,
    });
  }
  if (onEndAdminAccessEverywhere) {
    actions.push({
      id: 'end-admin-access-everywhere',
      label: endingAdminAccess ? 'Ending admin access…' : 'End admin access everywhere',
      priority: 40,
      disabled: endingAdminAccess,
      busy: endingAdminAccess,
      onSelect: onEndAdminAccessEverywhere,
    });
  }
  if (estate) {
    actions.push({
      id: 'estate',
      label: 'More',
      priority: 45,
      onSelect: () => undefined,
      render: () => <EstateMenuButton />,
      menuItems: estateMenuItems(estate),
    });
  }
  actions.push({
    id: 'sign-out-all',
    label: 'Sign out of all',
    priority: 20,
    variant: 'danger-quiet',
    icon: <SignOutIcon />,
    disabled: !canSignOutAll,
    onSelect: onSignOutAll,
  });

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
          {counts.failedSignIns > 0 ? (
            <span className="summary-item summary-failed-sign-ins">
              <AlertTriangleIcon size={13} />
              {failedSignInsText(counts.failedSignIns)}
            </span>
          ) : null}
        </p>
      ) : null}
      <ActionBar label="Actions on every server" actions={actions} className="toolbar-actions" />
    </header>
  );
});
