// The context menu of a server in the list (right-click, Shift+F10 or the Menu key): the pane's actions without
// going to the pane first. Items that do not apply to the session's state are shown disabled, so the menu keeps
// its shape.
import type { ServerProfile, SessionState } from '../../../electron/shared/model';
import { holdsSession } from '../view-model';
import { Menu, type MenuItem } from './menu';

export interface ServerMenuActions {
  openInJira(profileId: string): void;
  /** A password profile: go to its sign-in form. */
  signIn(profileId: string): void;
  webSignIn(profileId: string): void;
  refresh(profileId: string): void;
  signOut(profileId: string): void;
  edit(profileId: string): void;
  /** The list's own entries: star or unstar, and "Move to group…". */
  toggleFavourite?(profileId: string): void;
  moveToGroup?(profileId: string): void;
}

export function serverMenuItems(
  profile: ServerProfile,
  session: SessionState | undefined,
  actions: ServerMenuActions,
): MenuItem[] {
  const id = profile.id;
  const signedIn = session?.status === 'signed-in';
  const web = profile.signInMethod === 'web';
  return [
    { id: 'open', label: 'Open in Jira', onSelect: () => actions.openInJira(id) },
    {
      id: 'sign-in',
      label: web ? 'Sign in on the web page' : 'Sign in',
      disabled: signedIn,
      onSelect: () => (web ? actions.webSignIn(id) : actions.signIn(id)),
    },
    {
      id: 'refresh',
      label: 'Refresh',
      disabled: !(signedIn || session?.status === 'error'),
      onSelect: () => actions.refresh(id),
    },
    { id: 'sign-out', label: 'Sign out', disabled: !holdsSession(session), onSelect: () => actions.signOut(id) },
    {
      id: 'edit',
      label: profile.locked ? 'Edit server (set by your administrator)' : 'Edit server',
      separated: true,
      disabled: profile.locked,
      onSelect: () => actions.edit(id),
    },
    ...listItems(profile, actions),
  ];
}

function listItems(profile: ServerProfile, { toggleFavourite, moveToGroup }: ServerMenuActions): MenuItem[] {
  const id = profile.id;
  const items: MenuItem[] = [];
  if (toggleFavourite) {
    const label = profile.favourite ? 'Remove from favourites' : 'Add to favourites';
    items.push({ id: 'favourite', label, onSelect: () => toggleFavourite(id) });
  }
  if (moveToGroup) items.push({ id: 'move', label: 'Move to group…', onSelect: () => moveToGroup(id) });
  return items;
}

const MENU_WIDTH = 220;
const MENU_HEIGHT = 270;

export interface ServerContextMenuProps {
  profile: ServerProfile;
  session: SessionState | undefined;
  actions: ServerMenuActions;
  /** Where it opens, in viewport pixels: the pointer, or the row's corner from the keyboard. */
  at: { x: number; y: number };
  onClose(restoreFocus: boolean): void;
}

export function ServerContextMenu({ profile, session, actions, at, onClose }: ServerContextMenuProps) {
  // Kept inside the window, whichever corner it was opened near.
  const left = Math.max(0, Math.min(at.x, window.innerWidth - MENU_WIDTH));
  const top = Math.max(0, Math.min(at.y, window.innerHeight - MENU_HEIGHT));
  return (
    <Menu
      label={`${profile.label} actions`}
      items={serverMenuItems(profile, session, actions)}
      onClose={onClose}
      className="server-context-menu"
      style={{ position: 'fixed', left, top }}
    />
  );
}
