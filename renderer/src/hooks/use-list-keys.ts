// The server list's keyboard (WAI-ARIA listbox with aria-activedescendant): arrows, Page Up/Down, Home and End
// move through every row, rendered or not; Enter opens a server or folds a group; Left and Right fold, unfold and
// go to a server's group; Alt+Up/Down move the server; in select mode Space ticks a server (Shift: a range) or a
// group, Ctrl+A ticks all and Escape ends it; Shift+F10 or the Menu key opens a server's menu.
import type { KeyboardEvent } from 'react';
import type { ListRow } from '../list/list-model';

export interface ListKeyOptions {
  rows: readonly ListRow[];
  /** Index of the row the keyboard is on, or -1. */
  activeIndex: number;
  /** Rows a Page Up/Down jumps. */
  page: number;
  goTo(index: number): void;
  toggleGroup(group: string, collapsed?: boolean): void;
  activate(profileId: string): void;
  move(profileId: string, direction: -1 | 1): void;
  openMenu(profileId: string): void;
  /** Select mode only: Space ticks a server (Shift: the range) or a group's servers; Escape leaves select mode. */
  toggleChecked?(profileId: string, range: boolean): void;
  toggleGroupChecked?(group: string): void;
  stopSelecting?(): void;
  /** Ctrl/Cmd+A: ticks every server shown (select mode starts). */
  selectAll?(): void;
}

export function handleListKey(event: KeyboardEvent, options: ListKeyOptions): void {
  const { rows, activeIndex, goTo } = options;
  const row = rows[activeIndex];
  const last = rows.length - 1;
  const server = row?.kind === 'server' ? row.profile.id : undefined;
  const consume = () => event.preventDefault();

  if (server && (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) {
    consume();
    options.openMenu(server);
    return;
  }
  if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    consume();
    if (server) options.move(server, event.key === 'ArrowUp' ? -1 : 1);
    return;
  }
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a' && options.selectAll) {
    consume();
    options.selectAll();
    return;
  }
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  switch (event.key) {
    case 'ArrowDown':
      consume();
      goTo(Math.min(activeIndex + 1, last));
      return;
    case 'ArrowUp':
      consume();
      goTo(Math.max(activeIndex - 1, 0));
      return;
    case 'PageDown':
      consume();
      goTo(Math.min(activeIndex + options.page, last));
      return;
    case 'PageUp':
      consume();
      goTo(Math.max(activeIndex - options.page, 0));
      return;
    case 'Home':
      consume();
      goTo(0);
      return;
    case 'End':
      consume();
      goTo(last);
      return;
    case 'ArrowLeft':
      if (!row) return;
      consume();
      if (row.kind === 'group') options.toggleGroup(row.group, true);
      else goTo(rows.findIndex((candidate) => candidate.kind === 'group' && candidate.group === row.group));
      return;
    case 'ArrowRight':
      if (row?.kind !== 'group') return;
      consume();
      if (row.collapsed) options.toggleGroup(row.group, false);
      else goTo(Math.min(activeIndex + 1, last));
      return;
    case 'Enter':
      if (!row) return;
      consume();
      if (row.kind === 'group') options.toggleGroup(row.group);
      else options.activate(row.profile.id);
      return;
    case ' ':
      if (!row) return;
      consume();
      if (row.kind === 'group') (options.toggleGroupChecked ?? options.toggleGroup)(row.group);
      else if (options.toggleChecked) options.toggleChecked(row.profile.id, event.shiftKey);
      else goTo(activeIndex);
      return;
    case 'Escape':
      if (!options.stopSelecting) return;
      consume();
      options.stopSelecting();
      return;
  }
}
