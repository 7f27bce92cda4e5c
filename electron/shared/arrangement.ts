// The list's arrangement rule, one home for the core (which saves it) and the test bridge (which imitates it).
import type { ProfileArrangement, ServerProfile } from './model';

/**
 * The profiles after `profiles:arrange`: the named ones regrouped or (un)starred, and with `before` moved as a
 * block (in the order named) in front of that profile, or to the end for null. Never mutates its input.
 */
export function arrangeProfiles<P extends ServerProfile>(
  profiles: readonly P[],
  profileIds: readonly string[],
  { group, favourite, before }: ProfileArrangement,
): P[] {
  const named = new Set(profileIds);
  const trimmed = group?.trim();
  const changed = profiles.map((profile) => {
    if (!named.has(profile.id)) return profile;
    const next: P = { ...profile };
    if (trimmed !== undefined) {
      if (trimmed === '') delete next.group;
      else next.group = trimmed;
    }
    if (favourite === true) next.favourite = true;
    else if (favourite === false) delete next.favourite;
    return next;
  });
  if (before === undefined) return changed;
  const byId = new Map(changed.map((profile) => [profile.id, profile]));
  const moving = profileIds.flatMap((id) => byId.get(id) ?? []);
  // Moving in front of one of the moved profiles themselves: anchor on the first unmoved one after it.
  const anchorAt = before === null ? -1 : changed.findIndex((profile) => profile.id === before);
  const anchor = anchorAt < 0 ? undefined : changed.slice(anchorAt).find((profile) => !named.has(profile.id));
  const rest = changed.filter((profile) => !named.has(profile.id));
  rest.splice(anchor ? rest.indexOf(anchor) : rest.length, 0, ...moving);
  return rest;
}
