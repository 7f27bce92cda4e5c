// The tray menu at scale, and what spans the expired servers: past ten servers each environment gets a submenu of
// its own (production first), so the menu stays one screen tall; "Sign in to all expired" while any has expired.
import type { MenuItemConstructorOptions } from 'electron';
import { ENVIRONMENTS, type ServerProfile, type SessionState } from '../shared/model';

/** Up to this many servers the tray lists them flat. */
export const TRAY_FLAT_LIMIT = 10;

const capitalized = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export function groupByEnvironment(
  profiles: readonly ServerProfile[],
  item: (profile: ServerProfile) => MenuItemConstructorOptions,
): MenuItemConstructorOptions[] {
  if (profiles.length <= TRAY_FLAT_LIMIT) return profiles.map(item);
  // A server nobody gave an environment (saved by an early build) is in a group of its own, last, never left out.
  return [...ENVIRONMENTS, undefined].flatMap((environment) => {
    const members = profiles.filter((profile) => profile.environment === environment);
    if (members.length === 0) return [];
    return [
      {
        id: `env:${environment ?? 'none'}`,
        label: `${environment ? capitalized(environment) : 'No environment'} (${members.length})`,
        submenu: members.map(item),
      },
    ];
  });
}

export function expiredItems(
  sessions: readonly SessionState[],
  actions: { signInExpired(): void },
): MenuItemConstructorOptions[] {
  const expired = sessions.filter((session) => session.status === 'expired');
  if (expired.length === 0) return [];
  // Always offered: the servers without a saved password come back as needing you, with the window one click away.
  return [
    {
      id: 'sign-in-expired',
      label: `Sign in to all expired (${expired.length})`,
      click: () => actions.signInExpired(),
    },
  ];
}
