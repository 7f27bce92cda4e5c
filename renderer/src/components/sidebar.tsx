// The saved servers: a filter box and a single-select listbox (roving tabindex; selection follows focus).
import { memo, useId, type KeyboardEvent } from 'react';
import type { ServerProfile, SessionState } from '../../../electron/shared/model';
import { ariaShortcut, primaryModifierLabel } from '../hooks/use-shortcuts';
import { displayStatus, hostOf } from '../view-model';
import { CloseIcon, PlusIcon, SearchIcon } from './icons';
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
}: SidebarProps) {
  const filterId = useId();
  const modifier = primaryModifierLabel(platform);
  const tabbableId = visible.some((profile) => profile.id === selectedId) ? selectedId : (visible[0]?.id ?? null);

  const moveTo = (id: string | undefined) => {
    if (id === undefined) return;
    document.getElementById(optionIdFor(id))?.focus();
    onSelect(id);
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    // Keys act on the option that has focus (normally the selected one).
    const focusedId =
      event.target instanceof HTMLElement
        ? event.target.closest<HTMLElement>('[role="option"]')?.dataset.profileId
        : undefined;
    const currentId = focusedId ?? tabbableId;
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
      {total > 0 && filter.trim() !== '' ? (
        <p className="sidebar-filter-status" role="status">
          {visible.length === 0
            ? `No servers match “${filter.trim()}”.`
            : `Showing ${visible.length} of ${total} servers`}
        </p>
      ) : null}
      {total === 0 ? <p className="sidebar-empty">No servers yet.</p> : null}
      <p className="sidebar-hint">
        <kbd>{modifier}</kbd>+<kbd>1</kbd>…<kbd>9</kbd> switch · <kbd>{modifier}</kbd>+<kbd>N</kbd> add
      </p>
    </nav>
  );
});
