// The server list as rows: grouped (groups by name, servers without one last), starred servers first in each
// group, sorted, filtered by text and status, collapsed groups folded. Pure and cheap enough to run on every
// keystroke at 1,000 servers; the list renders only the rows in view.
import { ENVIRONMENTS, type ServerProfile, type SessionState } from '../../../electron/shared/model';
import { matchesFilter } from '../view-model';

export const SORT_KEYS = ['manual', 'name', 'environment', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_TEXT: Record<SortKey, string> = {
  manual: 'Custom order',
  name: 'Name',
  environment: 'Environment',
  status: 'Status',
};

export const STATUS_FILTERS = ['all', 'signed-in', 'expired', 'error', 'signed-out'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export type StatusCategory = Exclude<StatusFilter, 'all'>;
export const STATUS_FILTER_TEXT: Record<StatusFilter, string> = {
  all: 'All',
  'signed-in': 'Signed in',
  expired: 'Expired',
  error: 'Error',
  'signed-out': 'Signed out',
};

export type Density = 'comfortable' | 'compact';

/** The key of servers without a group; never a name a person can give (names are trimmed). */
export const NO_GROUP = '';
export const NO_GROUP_TEXT = 'No group';

export type ListRow =
  | { kind: 'group'; key: string; group: string; count: number; collapsed: boolean }
  | { kind: 'server'; key: string; profile: ServerProfile; group: string };

export interface ListQuery {
  sort: SortKey;
  filter: string;
  status: StatusFilter;
  collapsed: ReadonlySet<string>;
}

export interface ListRows {
  rows: ListRow[];
  /** Servers the filter lets through (all when there is none). */
  matched: number;
  /** Whether the list has any group (without one, no group rows are shown at all). */
  grouped: boolean;
  /** The Ctrl+1…9 targets: the first nine servers shown when nothing is filtered, kept while a filter is on. */
  numbered: string[];
  /** Per group, in the order shown, the servers the filter lets through, folded groups' too (for the selection). */
  matchedByGroup: ReadonlyMap<string, readonly string[]>;
}

export function groupKeyOf(profile: ServerProfile): string {
  return profile.group ?? NO_GROUP;
}

export function statusCategory(session: SessionState | undefined): StatusCategory {
  const status = session?.status;
  return status === 'signed-in' || status === 'expired' || status === 'error' ? status : 'signed-out';
}

// A server whose environment nobody chose sorts after every chosen one.
const environmentRank = (profile: ServerProfile) =>
  profile.environment ? ENVIRONMENTS.indexOf(profile.environment) : ENVIRONMENTS.length;
const STATUS_RANK: Record<StatusCategory, number> = { expired: 0, error: 1, 'signed-in': 2, 'signed-out': 3 };
const byName = (a: ServerProfile, b: ServerProfile) => a.label.localeCompare(b.label, undefined, { numeric: true });

function comparator(sort: SortKey, sessions: ReadonlyMap<string, SessionState>, saved: Map<string, number>) {
  const manual = (a: ServerProfile, b: ServerProfile) => saved.get(a.id)! - saved.get(b.id)!;
  const then = sort === 'manual' ? manual : byName;
  const first = (a: ServerProfile, b: ServerProfile): number => {
    switch (sort) {
      case 'environment':
        return environmentRank(a) - environmentRank(b);
      case 'status':
        return STATUS_RANK[statusCategory(sessions.get(a.id))] - STATUS_RANK[statusCategory(sessions.get(b.id))];
      case 'name':
      case 'manual':
        return 0;
    }
  };
  return (a: ServerProfile, b: ServerProfile) =>
    Number(b.favourite ?? false) - Number(a.favourite ?? false) || first(a, b) || then(a, b);
}

/** Group names in the order shown: by name, servers without a group last. */
export function groupOrder(profiles: readonly ServerProfile[]): string[] {
  const names = new Set(profiles.map(groupKeyOf));
  const named = [...names].filter((name) => name !== NO_GROUP).sort((a, b) => a.localeCompare(b));
  return names.has(NO_GROUP) ? [...named, NO_GROUP] : named;
}

export function buildRows(
  profiles: readonly ServerProfile[],
  sessions: ReadonlyMap<string, SessionState>,
  { sort, filter, status, collapsed }: ListQuery,
): ListRows {
  const saved = new Map(profiles.map((profile, index) => [profile.id, index]));
  const byGroup = new Map<string, ServerProfile[]>();
  for (const profile of profiles) {
    const key = groupKeyOf(profile);
    const members = byGroup.get(key);
    if (members) members.push(profile);
    else byGroup.set(key, [profile]);
  }
  const order = groupOrder(profiles);
  const grouped = order.length > 1 || (order.length === 1 && order[0] !== NO_GROUP);
  const compare = comparator(sort, sessions, saved);
  const filtering = filter.trim() !== '' || status !== 'all';
  const rows: ListRow[] = [];
  const numbered: string[] = [];
  const matchedByGroup = new Map<string, string[]>();
  let matched = 0;
  for (const group of order) {
    const members = byGroup.get(group)!.sort(compare);
    const folded = grouped && collapsed.has(group);
    if (!folded) for (const profile of members) if (numbered.length < 9) numbered.push(profile.id);
    const shown = filtering
      ? members.filter(
          (profile) =>
            (status === 'all' || statusCategory(sessions.get(profile.id)) === status) &&
            matchesFilter(profile, sessions.get(profile.id), filter),
        )
      : members;
    matched += shown.length;
    if (shown.length === 0) continue;
    matchedByGroup.set(
      group,
      shown.map((profile) => profile.id),
    );
    // While filtering, every match shows, whether its group is folded or not.
    const collapsedNow = folded && !filtering;
    if (grouped)
      rows.push({ kind: 'group', key: `group:${group}`, group, count: shown.length, collapsed: collapsedNow });
    if (collapsedNow) continue;
    for (const profile of shown) rows.push({ kind: 'server', key: profile.id, profile, group });
  }
  return { rows, matched, grouped, numbered, matchedByGroup };
}

/** How many servers are in each status, for the filter chips and the toolbar. */
export function statusCounts(
  profiles: readonly ServerProfile[],
  sessions: ReadonlyMap<string, SessionState>,
): Record<StatusFilter, number> {
  const counts: Record<StatusFilter, number> = { all: 0, 'signed-in': 0, expired: 0, error: 0, 'signed-out': 0 };
  for (const profile of profiles) {
    counts.all += 1;
    counts[statusCategory(sessions.get(profile.id))] += 1;
  }
  return counts;
}
