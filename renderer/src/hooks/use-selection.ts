// Select mode of the server list: which servers are ticked for a bulk action. The ticks survive filtering (hidden
// ones still count, and say so) and drop servers that were deleted; leaving select mode clears them.
import { useCallback, useMemo, useState } from 'react';
import type { ServerProfile } from '../../../electron/shared/model';
import type { ListRows } from '../list/list-model';
import { EMPTY_SELECTION, toggleMany, toggleOne, toggleRange, type Selection } from '../list/selection';

export interface SelectionState {
  selecting: boolean;
  /** The ticked servers that still exist, in no particular order. */
  checked: ReadonlySet<string>;
  /** Ticked servers the filter or status chip hides. */
  hidden: number;
  start(): void;
  /** Leaves select mode; the ticks go. */
  stop(): void;
  toggle(profileId: string, range: boolean): void;
  /** "Select group": every server of the group the filter lets through (or none when all are ticked). */
  toggleGroup(group: string): void;
  /** Ctrl+A: adds every server the filter lets through; select mode starts if it was off. */
  selectAll(): void;
  selectNone(): void;
}

export function useSelection(profiles: readonly ServerProfile[], list: ListRows): SelectionState {
  const [selecting, setSelecting] = useState(false);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const { rows, matchedByGroup } = list;

  const checked = useMemo(() => {
    const known = new Set(profiles.map((profile) => profile.id));
    return new Set([...selection.ids].filter((id) => known.has(id)));
  }, [profiles, selection.ids]);
  const hidden = useMemo(() => {
    const shown = new Set([...matchedByGroup.values()].flat());
    return [...checked].filter((id) => !shown.has(id)).length;
  }, [checked, matchedByGroup]);

  const start = useCallback(() => setSelecting(true), []);
  const stop = useCallback(() => {
    setSelecting(false);
    setSelection(EMPTY_SELECTION);
  }, []);
  const toggle = useCallback(
    (id: string, range: boolean) =>
      setSelection((current) => (range ? toggleRange(current, rows, id) : toggleOne(current, id))),
    [rows],
  );
  const toggleGroup = useCallback(
    (group: string) => setSelection((current) => toggleMany(current, matchedByGroup.get(group) ?? [])),
    [matchedByGroup],
  );
  const selectAll = useCallback(() => {
    setSelecting(true);
    // Servers ticked before and hidden now stay ticked: a filter never drops them.
    setSelection((current) => ({
      ids: new Set([...current.ids, ...[...matchedByGroup.values()].flat()]),
      anchor: current.anchor,
    }));
  }, [matchedByGroup]);
  const selectNone = useCallback(() => setSelection(EMPTY_SELECTION), []);

  return useMemo(
    () => ({ selecting, checked, hidden, start, stop, toggle, toggleGroup, selectAll, selectNone }),
    [selecting, checked, hidden, start, stop, toggle, toggleGroup, selectAll, selectNone],
  );
}
