// The saved servers: a filter box and a single-select listbox (roving tabindex; selection follows focus).
import { memo, useId, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ServerProfile, SessionState } from '../../../electron/shared/model';
import { ariaShortcut, primaryModifierLabel } from '../hooks/use-shortcuts';
import { displayStatus, hostOf } from '../view-model';
import { CloseIcon, PlusIcon, SearchIcon } from './icons';
import { ServerContextMenu, type ServerMenuActions } from './server-context-menu';
import { optionIdFor, ServerListItem } from './server-list-item';
import './sidebar.css';

export interface SidebarProps {
  /** All saved servers (for the count) and the ones the filter lets through. */
  total: number;
  visible: ServerProfile[];
  sessions: ReadonlyMap<string, SessionState>;
  selectedId: string | null;
  filter: string;
  platform?: string;
  onFilterChange(text: string): void;
  onSelect(id: string): void;
  /** Enter on a server: go into its pane. */
  onActivate(id: string): void;
  onAddServer(): void;
  /** What each server's context menu does; keep it stable (the list is memoised). */
  menuActions: ServerMenuActions;
}

/** The server a list event is about: the option it happened in. */
function optionProfileId(target: EventTarget): string | undefined {
  return target instanceof HTMLElement ? target.closest<HTMLElement>('[role="option"]')?.dataset.profileId : undefined;
}

export const Sidebar = memo(function Sidebar({
  total,
  visible,
  sessions,
  selectedId,
  filter,
  platform,
  onFilterChange,
  onSelect,
  onActivate,
  onAddServer,
  menuActions,
}: SidebarProps) {
  const filterId = useId();
  const [menu, setMenu] = useState<{ profileId: string; x: number; y: number } | null>(null);
  const modifier = primaryModifierLabel(platform);
  const tabbableId = visible.some((profile) => profile.id === selectedId) ? selectedId : (visible[0]?.id ?? null);

  const menuProfile = menu ? visible.find((profile) => profile.id === menu.profileId) : undefined;

  const moveTo = (id: string | undefined) => {
    if (id === undefined) return;
    document.getElementById(optionIdFor(id))?.focus();
    onSelect(id);
  };

  const openMenu = (profileId: string, x: number, y: number) => {
    onSelect(profileId);
    setMenu({ profileId, x, y });
  };

  const closeMenu = (restoreFocus: boolean) => {
    if (restoreFocus && menu) document.getElementById(optionIdFor(menu.profileId))?.focus();
    setMenu(null);
  };

  const onListContextMenu = (event: MouseEvent<HTMLUListElement>) => {
    const profileId = optionProfileId(event.target);
    if (!profileId) return;
    event.preventDefault();
    openMenu(profileId, event.clientX, event.clientY);
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    // Keys act on the option that has focus (normally the selected one).
    const currentId = optionProfileId(event.target) ?? tabbableId;
    if (currentId && (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) {
      event.preventDefault();
      const row = document.getElementById(optionIdFor(currentId))?.getBoundingClientRect();
      openMenu(currentId, (row?.left ?? 0) + 16, row?.bottom ?? 0);
      return;
    }
    const at = visible.findIndex((profile) => profile.id === currentId);
    let next: string | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = visible[Math.min(at + 1, visible.length - 1)]?.id;
        break;
      case 'ArrowUp':
        next = visible[Math.max(at - 1, 0)]?.id;
        break;
      case 'Home':
        next = visible[0]?.id;
        break;
      case 'End':
        next = visible[visible.length - 1]?.id;
        break;
      case ' ':
        next = currentId ?? undefined;
        break;
      case 'Enter':
        event.preventDefault();
        if (currentId) onActivate(currentId);
        return;
      default:
        return;
    }
    event.preventDefault();
    moveTo(next);
  };

  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      moveTo(tabbableId ?? undefined);
    } else if (event.key === 'Escape' && filter !== '') {
      event.preventDefault();
      onFilterChange('');
    }
  };

  return (
    <nav className="sidebar" aria-label="Saved servers">
      <div className="sidebar-header">
        <h2 className="sidebar-title">
          Servers <span className="count">{total}</span>
        </h2>
        <button
          type="button"
          className="button button-primary button-small"
          onClick={onAddServer}
          aria-keyshortcuts={ariaShortcut(platform, 'N')}
          title={`Add server (${modifier}+N)`}
        >
          <PlusIcon />
          Add server
        </button>
      </div>
      {total > 0 ? (
        <div className="filter">
          <SearchIcon className="filter-icon" />
          <label htmlFor={filterId} className="visually-hidden">
            Filter servers
          </label>
          <input
            id={filterId}
            type="search"
            className="filter-input"
            placeholder="Filter servers"
            value={filter}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onFilterChange(event.target.value)}
            onKeyDown={onFilterKeyDown}
          />
          {filter !== '' ? (
            <button
              type="button"
              className="icon-button filter-clear"
              aria-label="Clear filter"
              onClick={() => onFilterChange('')}
            >
              <CloseIcon size={14} />
            </button>
          ) : null}
        </div>
      ) : null}
      {visible.length > 0 ? (
        <ul
          className="server-list"
          role="listbox"
          aria-label="Servers"
          aria-orientation="vertical"
          data-focus="server-list"
          onKeyDown={onListKeyDown}
          onContextMenu={onListContextMenu}
        >
          {visible.map((profile, index) => {
            const session = sessions.get(profile.id);
            const shortcut = index < 9 ? String(index + 1) : undefined;
            return (
              <ServerListItem
                key={profile.id}
                id={profile.id}
                label={profile.label}
                host={hostOf(profile.baseUrl)}
                environment={profile.environment}
                status={session ? displayStatus(session) : 'signed-out'}
                userName={session?.status === 'signed-in' ? session.user?.displayName : undefined}
                adminLevel={session?.status === 'signed-in' ? session.adminLevel : undefined}
                failedSignIns={session?.failedSignInsSinceCheck}
                signOutUnconfirmed={session?.signOutUnconfirmed}
                selected={profile.id === selectedId}
                tabbable={profile.id === tabbableId}
                shortcutHint={shortcut ? `${modifier === 'Cmd' ? '⌘' : 'Ctrl '}${shortcut}` : undefined}
                ariaShortcut={shortcut ? ariaShortcut(platform, shortcut) : undefined}
                onSelect={onSelect}
              />
            );
          })}
        </ul>
      ) : null}
      {menuProfile ? (
        <ServerContextMenu
          profile={menuProfile}
          session={sessions.get(menuProfile.id)}
          actions={menuActions}
          at={menu ?? { x: 0, y: 0 }}
          onClose={closeMenu}
        />
      ) : null}
      {total > 0 && filter.trim() !== '' ? (
        <p className="sidebar-filter-status" role="status">
          {visible.length === 0
            ? `No servers match “${filter.trim()}”.`
            : `Showing ${visible.length} of ${total} servers`}
        </p>
      ) : null}
      {total === 0 ? <p className="sidebar-empty">No servers yet.</p> : null}
      <p className="sidebar-hint">
        <span>
          <kbd>{modifier}</kbd>+<kbd>1</kbd>…<kbd>9</kbd> switch
        </span>{' '}
        ·{' '}
        <span>
          <kbd>{modifier}</kbd>+<kbd>N</kbd> add
        </span>{' '}
        ·{' '}
        <span>
          <kbd>{modifier}</kbd>+<kbd>O</kbd> open in Jira
        </span>
      </p>
    </nav>
  );
});
