// A bulk action's selection checked against the saved servers: a selection naming a server that is gone is refused
// as a whole (not-found), before anything is sent, so an action never runs on part of what the person chose.
import type { ServerProfile } from '../../shared/model';
import { GONE_FROM_SELECTION, type ServerSelection } from '../../shared/selection';
import { appError } from '../errors';

/** The selected ids, or undefined for "every server" when there is no selection. */
export function selectedIds(
  selection: ServerSelection | undefined,
  profiles: readonly ServerProfile[],
): ReadonlySet<string> | undefined {
  if (!selection) return undefined;
  const known = new Set(profiles.map((profile) => profile.id));
  if (selection.profileIds.some((id) => !known.has(id))) throw appError('not-found', GONE_FROM_SELECTION);
  return new Set(selection.profileIds);
}
