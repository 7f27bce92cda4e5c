// The list's selection for bulk actions, pure: a click ticks one server, Shift+click ticks the range from the last
// one clicked in the order shown, a group's box ticks (or clears) every server of the group the filter lets through.
import type { ListRow } from './list-model';

export interface Selection {
  ids: ReadonlySet<string>;
  /** The server a Shift+click ranges from: the last one ticked or cleared on its own. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function toggleOne(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** Ticks every server from the anchor to `id` in the rows' order; without an anchor in view, ticks `id` alone. */
export function toggleRange(selection: Selection, rows: readonly ListRow[], id: string): Selection {
  const order = rows.flatMap((row) => (row.kind === 'server' ? [row.profile.id] : []));
  const from = selection.anchor === null ? -1 : order.indexOf(selection.anchor);
  const to = order.indexOf(id);
  if (from < 0 || to < 0) return toggleOne(selection, id);
  const ids = new Set(selection.ids);
  for (const each of order.slice(Math.min(from, to), Math.max(from, to) + 1)) ids.add(each);
  return { ids, anchor: id };
}

/** Ticks them all, or clears them all when every one is ticked already. */
export function toggleMany(selection: Selection, members: readonly string[]): Selection {
  const ids = new Set(selection.ids);
  const all = members.every((id) => ids.has(id));
  for (const id of members) {
    if (all) ids.delete(id);
    else ids.add(id);
  }
  return { ids, anchor: selection.anchor };
}

/** A group's box: ticked when all its servers are, mixed when some are. */
export function checkState(ids: ReadonlySet<string>, members: readonly string[]): boolean | 'mixed' {
  const ticked = members.filter((id) => ids.has(id)).length;
  if (ticked === 0) return false;
  return ticked === members.length ? true : 'mixed';
}

/** "12 selected (3 hidden by the filter)". */
export function selectionText(count: number, hidden: number): string {
  return hidden > 0 ? `${count} selected (${hidden} hidden by the filter)` : `${count} selected`;
}
