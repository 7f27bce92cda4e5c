// The list's own state: the filter text and status chip (for this run), and the sort, density and folded groups
// (remembered in the window's local storage: how a person likes to see the list is not worth a channel).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ServerProfile, SessionState } from '../../../electron/shared/model';
import {
  buildRows,
  SORT_KEYS,
  statusCounts,
  type Density,
  type ListRows,
  type SortKey,
  type StatusFilter,
} from '../list/list-model';

const STORAGE_KEY = 'jsm:server-list';

interface SavedView {
  sort: SortKey;
  density: Density;
  collapsed: string[];
}

const DEFAULT_VIEW: SavedView = { sort: 'manual', density: 'comfortable', collapsed: [] };

function loadView(): SavedView {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<SavedView>;
    return {
      sort: SORT_KEYS.includes(saved.sort as SortKey) ? (saved.sort as SortKey) : DEFAULT_VIEW.sort,
      density: saved.density === 'compact' ? 'compact' : 'comfortable',
      collapsed: Array.isArray(saved.collapsed) ? saved.collapsed.filter((name) => typeof name === 'string') : [],
    };
  } catch {
    // Storage off or a hand-edited value: the defaults are as good.
    return DEFAULT_VIEW;
  }
}

export interface ServerListState extends ListRows {
  total: number;
  filter: string;
  status: StatusFilter;
  sort: SortKey;
  density: Density;
  counts: Record<StatusFilter, number>;
  setFilter(text: string): void;
  setStatus(status: StatusFilter): void;
  setSort(sort: SortKey): void;
  setDensity(density: Density): void;
  toggleGroup(group: string, collapsed?: boolean): void;
}

export function useServerList(profiles: ServerProfile[], sessions: ReadonlyMap<string, SessionState>): ServerListState {
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [view, setView] = useState(loadView);

  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(view));
    } catch {
      // Not remembered this time; the list still works.
    }
  }, [view]);

  const collapsed = useMemo(() => new Set(view.collapsed), [view.collapsed]);
  const built = useMemo(
    () => buildRows(profiles, sessions, { sort: view.sort, filter, status, collapsed }),
    [profiles, sessions, view.sort, filter, status, collapsed],
  );
  const counts = useMemo(() => statusCounts(profiles, sessions), [profiles, sessions]);

  const setSort = useCallback((sort: SortKey) => setView((current) => ({ ...current, sort })), []);
  const setDensity = useCallback((density: Density) => setView((current) => ({ ...current, density })), []);
  const toggleGroup = useCallback(
    (group: string, fold?: boolean) =>
      setView((current) => {
        const folded = current.collapsed.includes(group);
        if (fold === folded) return current;
        return {
          ...current,
          collapsed: folded ? current.collapsed.filter((name) => name !== group) : [...current.collapsed, group],
        };
      }),
    [],
  );

  return useMemo(
    () => ({
      ...built,
      total: profiles.length,
      filter,
      status,
      sort: view.sort,
      density: view.density,
      counts,
      setFilter,
      setStatus,
      setSort,
      setDensity,
      toggleGroup,
    }),
    [built, profiles.length, filter, status, view.sort, view.density, counts, setSort, setDensity, toggleGroup],
  );
}
