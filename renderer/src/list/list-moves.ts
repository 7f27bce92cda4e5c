// Where a server goes when it is moved by the keyboard (Alt+Up/Down) or dropped on a row: as a profiles:arrange
// request. Order within a group is the saved order, so reordering is offered only in the custom order.
import type { ProfileArrangement, ServerProfile } from '../../../electron/shared/model';
import { groupKeyOf, type ListRow, type SortKey } from './list-model';

export interface Move {
  profileIds: string[];
  arrangement: ProfileArrangement;
  /** What a screen reader hears once it is done. */
  announcement: string;
}

function serversOf(rows: readonly ListRow[], group: string): ServerProfile[] {
  return rows.flatMap((row) => (row.kind === 'server' && row.group === group ? [row.profile] : []));
}

const groupName = (group: string) => (group === '' ? 'no group' : `group ${group}`);

/**
 * Alt+Up / Alt+Down on a server: one place up or down within its group (custom order only), or at the group's edge
 * into the previous group (at its end) or the next one (at its start). Null when there is nowhere to go.
 */
export function moveByOne(
  rows: readonly ListRow[],
  profiles: readonly ServerProfile[],
  groups: readonly string[],
  profileId: string,
  direction: -1 | 1,
  sort: SortKey,
): Move | null {
  const profile = profiles.find((candidate) => candidate.id === profileId);
  if (!profile) return null;
  const group = groupKeyOf(profile);
  const siblings = serversOf(rows, group);
  const at = siblings.findIndex((candidate) => candidate.id === profileId);
  const neighbour = siblings[at + direction];
  const ids = [profileId];
  if (neighbour) {
    if (sort !== 'manual') return null;
    if (direction < 0) {
      return { profileIds: ids, arrangement: { before: neighbour.id }, announcement: `${profile.label} moved up` };
    }
    const after = profiles[profiles.indexOf(neighbour) + 1];
    return {
      profileIds: ids,
      arrangement: { before: after?.id ?? null },
      announcement: `${profile.label} moved down`,
    };
  }
  const target = groups[groups.indexOf(group) + direction];
  if (target === undefined) return null;
  const firstOfTarget = profiles.find((candidate) => groupKeyOf(candidate) === target);
  return {
    profileIds: ids,
    arrangement: { group: target, before: direction < 0 ? null : (firstOfTarget?.id ?? null) },
    announcement: `${profile.label} moved to ${groupName(target)}`,
  };
}

/** Servers dropped on a row: into that row's group, and in the custom order in front of the server dropped on. */
export function dropOn(
  target: ListRow,
  profileIds: string[],
  sort: SortKey,
  labelOf: (profileId: string) => string,
): Move | null {
  if (target.kind === 'server' && profileIds.includes(target.profile.id)) return null;
  const what = profileIds.length === 1 ? labelOf(profileIds[0]!) : `${profileIds.length} servers`;
  // On a group's row: at its end. In another sort the saved order is left alone.
  const before = target.kind === 'server' ? target.profile.id : null;
  return {
    profileIds,
    arrangement: sort === 'manual' ? { group: target.group, before } : { group: target.group },
    announcement: `${what} moved to ${groupName(target.group)}`,
  };
}
