// One server in the sidebar. Memoised on primitive props only, so a list of hundreds re-renders just the rows
// whose server actually changed when the selection moves or an event brings the whole session list again.
// The list keeps focus itself (aria-activedescendant): a row is never focused, so it can leave the DOM when it
// scrolls out of view.
import { memo, type MouseEvent } from 'react';
import type { AdminLevel, Environment } from '../../../electron/shared/model';
import { AdminMark } from './admin/admin-mark';
import { FailedSignInsBadge, UnconfirmedSignOutBadge } from './attention-badges';
import type { DisplayStatus } from '../view-model';
import { EnvironmentTag } from './environment-tag';
import { StarIcon } from './icons';
import { StatusBadge } from './status-badge';
import { TickBox } from './tick-box';
import './server-list-item.css';

export function optionIdFor(profileId: string): string {
  return `server-option-${profileId}`;
}

export interface ServerListItemProps {
  id: string;
  label: string;
  host: string;
  environment: Environment | undefined;
  status: DisplayStatus;
  /** The signed-in user's display name, when signed in. */
  userName?: string;
  /** While signed in: whether the account administers the server. */
  adminLevel?: AdminLevel;
  /** Warnings (attention-badges.tsx): failed sign-ins since the last check, an unconfirmed sign-out. */
  failedSignIns?: number;
  signOutUnconfirmed?: boolean;
  selected: boolean;
  /** The row the keyboard is on (the list's aria-activedescendant). */
  active?: boolean;
  favourite?: boolean;
  /** Ticked for a bulk action; undefined when the list offers no selection. */
  checked?: boolean;
  compact?: boolean;
  /** The row's fixed height in pixels (the list places rows by it). */
  height?: number;
  /** 1-based place among the list's rows, and their number, for rows not in the DOM. */
  position?: number;
  setSize?: number;
  /** Visible hint ("Ctrl 1") and its aria-keyshortcuts spelling, for the first nine. */
  shortcutHint?: string;
  ariaShortcut?: string;
  draggable?: boolean;
  /** Something dragged is over it. */
  dropTarget?: boolean;
  onSelect(id: string, event?: MouseEvent): void;
  onToggleFavourite?(id: string): void;
  onToggleChecked?(id: string, event: MouseEvent): void;
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
  active = false,
  favourite = false,
  checked,
  compact = false,
  height,
  position,
  setSize,
  shortcutHint,
  ariaShortcut,
  draggable = false,
  dropTarget = false,
  onSelect,
  onToggleFavourite,
  onToggleChecked,
}: ServerListItemProps) {
  const statusText = status === 'signed-in' && userName ? `Signed in as ${userName}` : undefined;
  const classes = ['server-item', `env-${environment ?? 'unset'}`];
  if (selected) classes.push('is-selected');
  if (active) classes.push('is-active');
  if (compact) classes.push('is-compact');
  if (checked) classes.push('is-checked');
  if (dropTarget) classes.push('is-drop-target');
  const star = onToggleFavourite ? (
    <span
      className={`server-item-star${favourite ? ' is-on' : ''}`}
      aria-hidden="true"
      title={favourite ? 'Remove from favourites' : 'Add to favourites'}
      onClick={(event) => {
        event.stopPropagation();
        onToggleFavourite(id);
      }}
    >
      <StarIcon size={14} filled={favourite} />
    </span>
  ) : null;
  const badges = (
    <>
      <FailedSignInsBadge count={failedSignIns} />
      <UnconfirmedSignOutBadge shown={signOutUnconfirmed} />
    </>
  );
  return (
    <li
      id={optionIdFor(id)}
      role="option"
      aria-selected={selected}
      aria-checked={checked}
      aria-posinset={position}
      aria-setsize={setSize}
      aria-keyshortcuts={ariaShortcut}
      className={classes.join(' ')}
      style={height ? { height } : undefined}
      data-profile-id={id}
      draggable={draggable || undefined}
      onClick={(event) => onSelect(id, event)}
    >
      {checked !== undefined ? (
        <span
          className="server-item-check"
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            onToggleChecked?.(id, event);
          }}
        >
          <TickBox state={checked} />
        </span>
      ) : null}
      <span className="server-item-body">
        <span className="server-item-row">
          {star}
          <span className="server-item-label">{label}</span>
          {favourite ? <span className="visually-hidden">, favourite</span> : null}
          <AdminMark level={adminLevel} />
          <EnvironmentTag environment={environment} compact />
          {compact ? <StatusBadge status={status} text={statusText} variant="inline" /> : null}
          {compact ? badges : null}
        </span>
        {compact ? null : (
          <>
            <span className="server-item-host">{host}</span>
            <span className="server-item-row">
              <StatusBadge status={status} text={statusText} variant="inline" />
              {badges}
              {shortcutHint ? (
                <kbd className="server-item-shortcut" aria-hidden="true">
                  {shortcutHint}
                </kbd>
              ) : null}
            </span>
          </>
        )}
      </span>
    </li>
  );
});
