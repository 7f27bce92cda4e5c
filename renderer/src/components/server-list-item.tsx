// One server in the sidebar. Memoised on primitive props only, so a list of hundreds re-renders just the rows
// whose server actually changed when the selection moves or an event brings the whole session list again.
import { memo } from 'react';
import type { AdminLevel, Environment } from '../../../electron/shared/model';
import { AdminMark } from './admin/admin-mark';
import { FailedSignInsBadge, UnconfirmedSignOutBadge } from './attention-badges';
import type { DisplayStatus } from '../view-model';
import { EnvironmentTag } from './environment-tag';
import { StatusBadge } from './status-badge';
import './server-list-item.css';

export function optionIdFor(profileId: string): string {
  return `server-option-${profileId}`;
}

export interface ServerListItemProps {
  id: string;
  label: string;
  host: string;
  environment: Environment;
  status: DisplayStatus;
  /** The signed-in user's display name, when signed in. */
  userName?: string;
  /** While signed in: whether the account administers the server. */
  adminLevel?: AdminLevel;
  /** Warnings (attention-badges.tsx): failed sign-ins since the last check, an unconfirmed sign-out. */
  failedSignIns?: number;
  signOutUnconfirmed?: boolean;
  selected: boolean;
  tabbable: boolean;
  /** Visible hint ("Ctrl 1") and its aria-keyshortcuts spelling, for the first nine. */
  shortcutHint?: string;
  ariaShortcut?: string;
  onSelect(id: string): void;
}

export const ServerListItem = memo(function ServerListItem({
  id,
  label,
  host,
  environment,
  status,
  userName,
  adminLevel,
  failedSignIns,
  signOutUnconfirmed,
  selected,
  tabbable,
  shortcutHint,
  ariaShortcut,
  onSelect,
}: ServerListItemProps) {
  const statusText = status === 'signed-in' && userName ? `Signed in as ${userName}` : undefined;
  return (
    <li
      id={optionIdFor(id)}
      role="option"
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      aria-keyshortcuts={ariaShortcut}
      className={`server-item env-${environment}${selected ? ' is-selected' : ''}`}
      data-profile-id={id}
      onClick={() => onSelect(id)}
    >
      <span className="server-item-row">
        <span className="server-item-label">{label}</span>
        <AdminMark level={adminLevel} />
        <EnvironmentTag environment={environment} compact />
      </span>
      <span className="server-item-host">{host}</span>
      <span className="server-item-row">
        <StatusBadge status={status} text={statusText} variant="inline" />
        <FailedSignInsBadge count={failedSignIns} />
        <UnconfirmedSignOutBadge shown={signOutUnconfirmed} />
        {shortcutHint ? (
          <kbd className="server-item-shortcut" aria-hidden="true">
            {shortcutHint}
          </kbd>
        ) : null}
      </span>
    </li>
  );
});
