// The saved servers: the filter, the status chips, sort and density, and the list (grouped, rendered only where it
// is in view). The list's own menu adds starring and "Move to group…" to the pane's actions.
import { memo, useCallback, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ServerProfile, SessionState } from '../../../electron/shared/model';
import type { ArrangeProfiles } from '../hooks/use-arrange-profiles';
import type { ServerListState } from '../hooks/use-server-list';
import { ariaShortcut, primaryModifierLabel } from '../hooks/use-shortcuts';
import { groupKeyOf, NO_GROUP } from '../list/list-model';
import type { BulkActions } from '../hooks/use-bulk-actions';
import { ErrorNotice } from './error-notice';
import { CloseIcon, PlusIcon, SearchIcon } from './icons';
import { ListControls } from './list-controls';
import { MoveToGroupDialog } from './move-to-group-dialog';
import { ServerContextMenu, type ServerMenuActions } from './server-context-menu';
import { LIST_FOCUS, ServerList } from './server-list';
import './sidebar.css';

export interface SidebarProps {
  list: ServerListState;
  profiles: ServerProfile[];
  sessions: ReadonlyMap<string, SessionState>;
  selectedId: string | null;
  platform?: string;
  onSelect(id: string): void;
  /** Enter on a server: go into its pane. */
  onActivate(id: string): void;
  onAddServer(): void;
  /** What each server's context menu does; keep it stable (the list is memoised). */
  menuActions: ServerMenuActions;
  arrange: ArrangeProfiles;
  /** Select mode and the bulk actions on the ticked servers. */
  bulk?: BulkActions;
}

export const Sidebar = memo(function Sidebar({
  list,
  profiles,
  sessions,
  selectedId,
  platform,
  onSelect,
  onActivate,
  onAddServer,
  menuActions,
  arrange,
  bulk,
}: SidebarProps) {
  const filterId = useId();
  const [menu, setMenu] = useState<{ profileId: string; x: number; y: number } | null>(null);
  const [moving, setMoving] = useState<string[] | null>(null);
  const modifier = primaryModifierLabel(platform);
  const { total, filter, setFilter } = list;
  const byId = useMemo(() => new Map(profiles.map((profile) => [profile.id, profile])), [profiles]);
  const groups = useMemo(
    () => [...new Set(profiles.map(groupKeyOf))].filter((group) => group !== NO_GROUP).sort(),
    [profiles],
  );

  const { run } = arrange;
  const toggleFavourite = useCallback(
    (profileId: string) => void run([profileId], { favourite: !byId.get(profileId)?.favourite }),
    [run, byId],
  );
  const actions = useMemo(
    () => ({ ...menuActions, toggleFavourite, moveToGroup: (profileId: string) => setMoving([profileId]) }),
    [menuActions, toggleFavourite],
  );

  const menuProfile = menu ? byId.get(menu.profileId) : undefined;
  const closeMenu = (restoreFocus: boolean) => {
    if (restoreFocus) document.querySelector<HTMLElement>(LIST_FOCUS)?.focus();
    setMenu(null);
  };

  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      document.querySelector<HTMLElement>(LIST_FOCUS)?.focus();
    } else if (event.key === 'Escape' && filter !== '') {
      event.preventDefault();
      setFilter('');
    }
  };

  const movingGroups = moving ? new Set(moving.map((id) => byId.get(id)?.group ?? '')) : undefined;
  const narrowed = filter.trim() !== '' || list.status !== 'all';

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
        <>
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
              onChange={(event) => setFilter(event.target.value)}
              onKeyDown={onFilterKeyDown}
            />
            {filter !== '' ? (
              <button
                type="button"
                className="icon-button filter-clear"
                aria-label="Clear filter"
                onClick={() => setFilter('')}
              >
                <CloseIcon size={14} />
              </button>
            ) : null}
          </div>
          <ListControls
            status={list.status}
            counts={list.counts}
            sort={list.sort}
            density={list.density}
            onStatusChange={list.setStatus}
            onSortChange={list.setSort}
            onDensityChange={list.setDensity}
            {...(bulk
              ? {
                  selecting: bulk.selection.selecting,
                  onToggleSelecting: bulk.selection.selecting ? bulk.selection.stop : bulk.selection.start,
                }
              : {})}
          />
        </>
      ) : null}
      {arrange.error ? (
        <div className="sidebar-notice">
          <ErrorNotice error={arrange.error} onDismiss={arrange.dismiss} />
        </div>
      ) : null}
      {list.rows.length > 0 ? (
        <ServerList
          list={list}
          profiles={profiles}
          sessions={sessions}
          selectedId={selectedId}
          platform={platform}
          onSelect={onSelect}
          onActivate={onActivate}
          onOpenMenu={(profileId, x, y) => setMenu({ profileId, x, y })}
          onArrange={arrange.run}
          onToggleFavourite={toggleFavourite}
          {...(bulk ? { selection: bulk.selection } : {})}
        />
      ) : null}
      {menuProfile ? (
        <ServerContextMenu
          profile={menuProfile}
          session={sessions.get(menuProfile.id)}
          actions={actions}
          at={menu ?? { x: 0, y: 0 }}
          onClose={closeMenu}
        />
      ) : null}
      {moving && movingGroups ? (
        <MoveToGroupDialog
          subject={moving.length === 1 ? (byId.get(moving[0]!)?.label ?? 'the server') : `${moving.length} servers`}
          current={movingGroups.size === 1 ? [...movingGroups][0]! : ''}
          groups={groups}
          onCancel={() => setMoving(null)}
          onMove={(group) => {
            setMoving(null);
            void arrange.run(moving, { group });
          }}
        />
      ) : null}
      {total > 0 && narrowed ? (
        <p className="sidebar-filter-status" role="status">
          {list.matched === 0
            ? filter.trim() !== ''
              ? `No servers match “${filter.trim()}”.`
              : 'No servers in this status.'
            : `Showing ${list.matched} of ${total} servers`}
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
