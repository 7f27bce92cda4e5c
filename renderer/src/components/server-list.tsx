// The saved servers as a listbox that renders only the rows in view: fixed heights per density, the focus on the
// list itself (aria-activedescendant, so the keyboard reaches rows that are not in the DOM), group rows that fold,
// and servers that move by drag and drop or Alt+Up/Down.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import type { ProfileArrangement, ServerProfile, SessionState } from '../../../electron/shared/model';
import { ariaShortcut, primaryModifierLabel } from '../hooks/use-shortcuts';
import { handleListKey } from '../hooks/use-list-keys';
import type { ServerListState } from '../hooks/use-server-list';
import { useVirtualRows } from '../hooks/use-virtual-rows';
import { groupOrder, type Density, type ListRow } from '../list/list-model';
import { checkState } from '../list/selection';
import type { SelectionState } from '../hooks/use-selection';
import { dropOn, moveByOne, type Move } from '../list/list-moves';
import { displayStatus, hostOf } from '../view-model';
import { GroupHeader, groupRowIdFor } from './group-header';
import { optionIdFor, ServerListItem } from './server-list-item';

/** Each row's slot in pixels (2 of them the gap below it): the list places and scrolls rows by these. */
export const ROW_HEIGHT: Record<Density, number> = { comfortable: 72, compact: 36 };
export const GROUP_ROW_HEIGHT = 34;
const GAP = 2;
/** Where focus goes to be in the list. */
export const LIST_FOCUS = '[data-focus="server-list"]';
const DRAG_TYPE = 'application/x-jsm-profiles';

export interface ServerListProps {
  list: ServerListState;
  profiles: readonly ServerProfile[];
  sessions: ReadonlyMap<string, SessionState>;
  selectedId: string | null;
  platform?: string;
  /** Select mode (use-selection.ts): ticks on rows and groups for a bulk action; off or undefined hides them. */
  selection?: SelectionState;
  onSelect(id: string): void;
  onActivate(id: string): void;
  onOpenMenu(profileId: string, x: number, y: number): void;
  onArrange(profileIds: string[], arrangement: ProfileArrangement): Promise<boolean>;
  onToggleFavourite(profileId: string): void;
}

export function rowIdOf(row: ListRow): string {
  return row.kind === 'group' ? groupRowIdFor(row.group) : optionIdFor(row.profile.id);
}

export function ServerList(props: ServerListProps) {
  const { list, profiles, sessions, selectedId, platform, selection, onSelect } = props;
  const checked = selection?.selecting ? selection.checked : undefined;
  const { rows, density, sort, numbered } = list;
  const [activeGroup, setActiveGroup] = useState<string | null>(null);
  const [dropKey, setDropKey] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const dragged = useRef<string[]>([]);

  const heights = useMemo(
    () => rows.map((row) => (row.kind === 'group' ? GROUP_ROW_HEIGHT : ROW_HEIGHT[density])),
    [rows, density],
  );
  const virtual = useVirtualRows<HTMLUListElement>(heights);
  const { container } = virtual;
  const groups = useMemo(() => groupOrder(profiles), [profiles]);

  // The keyboard's row: a group row it moved to, else the selected server, else the first row.
  const activeIndex = useMemo(() => {
    const find = (key: string) => rows.findIndex((row) => row.key === key);
    const onGroup = activeGroup === null ? -1 : find(`group:${activeGroup}`);
    if (onGroup >= 0) return onGroup;
    const onSelected = selectedId === null ? -1 : find(selectedId);
    return onSelected >= 0 ? onSelected : rows.length > 0 ? 0 : -1;
  }, [rows, activeGroup, selectedId]);
  const active = rows[activeIndex];

  const goTo = (index: number) => {
    const row = rows[index];
    if (!row) return;
    virtual.reveal(index);
    if (row.kind === 'group') setActiveGroup(row.group);
    else {
      setActiveGroup(null);
      onSelect(row.profile.id);
    }
  };

  const run = (move: Move | null) => {
    if (!move) {
      setAnnouncement(sort === 'manual' ? 'It cannot move further.' : 'Choose Custom order to reorder servers.');
      return;
    }
    void props.onArrange(move.profileIds, move.arrangement).then((done) => {
      if (done) setAnnouncement(move.announcement);
    });
  };

  // Stable for the memoised rows, whatever the props of this render.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const tick = (id: string, range: boolean) => latest.current.selection?.toggle(id, range);
  const selectRow = useCallback((id: string, event?: MouseEvent) => {
    // In select mode a click ticks the row (Shift+click a range) as well as showing it.
    if (event && latest.current.selection?.selecting) tick(id, event.shiftKey);
    setActiveGroup(null);
    latest.current.onSelect(id);
  }, []);
  const checkRow = useCallback((id: string, event: MouseEvent) => tick(id, event.shiftKey), []);
  const checkGroup = useCallback((group: string) => latest.current.selection?.toggleGroup(group), []);
  const toggleRowGroup = useCallback((group: string) => {
    latest.current.list.toggleGroup(group);
    setActiveGroup(group);
  }, []);

  useEffect(() => {
    // For the benchmark: the first frame with the list on it has been produced once this timer runs.
    requestAnimationFrame(() => setTimeout(() => performance.mark('jsm:list-shown')));
  }, []);

  const labelOf = (id: string) => profiles.find((profile) => profile.id === id)?.label ?? id;

  const rowFrom = (event: { target: EventTarget }) => {
    const element = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[role="option"]') : null;
    return element ? rows.find((row) => rowIdOf(row) === element.id) : undefined;
  };

  const onDragStart = (event: DragEvent) => {
    const row = rowFrom(event);
    if (row?.kind !== 'server') return;
    const id = row.profile.id;
    // Dragging a ticked server takes every ticked one along, in the list's order.
    dragged.current = checked?.has(id)
      ? rows.flatMap((candidate) =>
          candidate.kind === 'server' && checked.has(candidate.profile.id) ? [candidate.profile.id] : [],
        )
      : [id];
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData(DRAG_TYPE, dragged.current.join('\n'));
  };
  const onDragOver = (event: DragEvent) => {
    const row = rowFrom(event);
    if (!row || dragged.current.length === 0) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropKey(row.key);
  };
  const endDrag = () => {
    dragged.current = [];
    setDropKey(null);
  };
  const onDrop = (event: DragEvent) => {
    const row = rowFrom(event);
    const ids = dragged.current;
    endDrag();
    if (!row || ids.length === 0) return;
    event.preventDefault();
    const move = dropOn(row, ids, sort, labelOf);
    if (move) run(move);
  };

  const openMenuAt = (profileId: string, event?: MouseEvent) => {
    if (event) return props.onOpenMenu(profileId, event.clientX, event.clientY);
    const box = document.getElementById(optionIdFor(profileId))?.getBoundingClientRect();
    props.onOpenMenu(profileId, (box?.left ?? 0) + 16, box?.bottom ?? 0);
  };

  const modifier = primaryModifierLabel(platform);
  const filtering = list.filter.trim() !== '' || list.status !== 'all';
  const rendered: ListRow[] = rows.slice(virtual.start, virtual.end);

  return (
    <>
      <ul
        ref={container}
        className={`server-list density-${density}`}
        role="listbox"
        aria-label="Servers"
        aria-orientation="vertical"
        aria-activedescendant={active ? rowIdOf(active) : undefined}
        tabIndex={0}
        data-focus="server-list"
        onScroll={virtual.onScroll}
        onKeyDown={(event) =>
          handleListKey(event, {
            rows,
            activeIndex,
            page: Math.max(1, Math.floor((container.current?.clientHeight ?? 600) / ROW_HEIGHT[density]) - 1),
            goTo,
            toggleGroup: (group, fold) => {
              list.toggleGroup(group, fold);
              setActiveGroup(group);
            },
            activate: props.onActivate,
            move: (id, direction) => {
              onSelect(id);
              run(moveByOne(rows, profiles, groups, id, direction, sort));
            },
            openMenu: (id) => openMenuAt(id),
            ...(selection ? { selectAll: selection.selectAll } : {}),
            ...(checked && selection
              ? {
                  toggleChecked: selection.toggle,
                  toggleGroupChecked: selection.toggleGroup,
                  stopSelecting: selection.stop,
                }
              : {}),
          })
        }
        onContextMenu={(event) => {
          const row = rowFrom(event);
          if (row?.kind !== 'server') return;
          event.preventDefault();
          onSelect(row.profile.id);
          openMenuAt(row.profile.id, event);
        }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragLeave={() => setDropKey(null)}
        onDrop={onDrop}
        onDragEnd={endDrag}
      >
        {virtual.before > 0 ? (
          <li role="none" className="server-list-spacer" style={{ height: virtual.before }} />
        ) : null}
        {rendered.map((row, offset) => {
          const index = virtual.start + offset;
          const dropClass = row.key === dropKey ? 'is-drop-target' : undefined;
          if (row.kind === 'group') {
            return (
              <GroupHeader
                key={row.key}
                group={row.group}
                count={row.count}
                collapsed={row.collapsed}
                active={index === activeIndex}
                dropTarget={dropClass !== undefined}
                height={GROUP_ROW_HEIGHT - GAP}
                position={index + 1}
                setSize={rows.length}
                onToggle={toggleRowGroup}
                checked={checked ? checkState(checked, list.matchedByGroup.get(row.group) ?? []) : undefined}
                onToggleChecked={checkGroup}
              />
            );
          }
          const { profile } = row;
          const session = sessions.get(profile.id);
          const number = numbered.indexOf(profile.id);
          const shortcut = number >= 0 ? String(number + 1) : undefined;
          return (
            <ServerListItem
              key={row.key}
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
              active={index === activeIndex}
              favourite={profile.favourite}
              checked={checked ? checked.has(profile.id) : undefined}
              compact={density === 'compact'}
              dropTarget={dropClass !== undefined}
              height={ROW_HEIGHT[density] - GAP}
              position={index + 1}
              setSize={rows.length}
              shortcutHint={shortcut && !filtering ? `${modifier === 'Cmd' ? '⌘' : 'Ctrl '}${shortcut}` : undefined}
              ariaShortcut={shortcut ? ariaShortcut(platform, shortcut) : undefined}
              draggable
              onSelect={selectRow}
              onToggleFavourite={props.onToggleFavourite}
              onToggleChecked={checkRow}
            />
          );
        })}
        {virtual.after > 0 ? <li role="none" className="server-list-spacer" style={{ height: virtual.after }} /> : null}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
