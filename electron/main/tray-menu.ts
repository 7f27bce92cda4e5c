// The tray's menu, icon state and tooltip as a pure function of the profiles and sessions, so every state can be
// tested by building it; tray.ts only hands the result to Electron.
import type { MenuItemConstructorOptions } from 'electron';
import { failedSignInsText, MAY_STILL_BE_SIGNED_IN, totalFailedSignIns } from '../shared/attention';
import type { ServerProfile, SessionState } from '../shared/model';
import { PRODUCT_NAME } from './app-identity';
import { expiredItems, groupByEnvironment } from './tray-groups';

export type TrayIconState = 'none' | 'some' | 'attention';

export interface TrayState {
  profiles: readonly ServerProfile[];
  sessions: readonly SessionState[];
  /** Menu labels escape '&' on Windows and Linux, where it marks a keyboard mnemonic. */
  platform: NodeJS.Platform;
  /** "Check for Updates…" or "Restart to Update" (updates/update-menu.ts), above Show window. */
  updateItems?: readonly MenuItemConstructorOptions[];
}

/** What the menu's items do; tray.ts routes each one to the same core call the window uses. */
export interface TrayActions {
  logout(profileId: string): void;
  logoutAll(): void;
  showWindow(): void;
  openInBrowser(profileId: string): void;
  /** Jira's web UI, signed in with the profile's session, in an app window. */
  openInJira(profileId: string): void;
  /** The server's own login page (single sign-on, two-step verification) in an app window. */
  webLogin(profileId: string): void;
  /** Ends the secure administrator session (WebSudo) on every signed-in server. */
  releaseAdminAccessAll(): void;
  /** An expired server: with a remembered password signs in directly, otherwise opens the window on it. */
  signIn(profileId: string): void;
  /** Every expired server with a remembered password signs in (`sessions:signInExpired`). */
  signInExpired(): void;
  quit(): void;
}

export interface TrayCounts {
  total: number;
  signedIn: number;
  /** Expired sessions and sessions in error: the user should look. */
  attention: number;
}

export interface TrayMenuModel {
  items: MenuItemConstructorOptions[];
  iconState: TrayIconState;
  tooltip: string;
  counts: TrayCounts;
}

const MAX_LABEL_LENGTH = 60;

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

function menuText(text: string, platform: NodeJS.Platform): string {
  const short = text.length > MAX_LABEL_LENGTH ? `${text.slice(0, MAX_LABEL_LENGTH - 1)}…` : text;
  return platform === 'darwin' ? short : short.replaceAll('&', '&&');
}

const needsAttention = (session: SessionState | undefined): boolean =>
  session?.status === 'expired' || session?.status === 'error';

export function countSessions(state: Pick<TrayState, 'profiles' | 'sessions'>): TrayCounts {
  const byProfile = new Map(state.sessions.map((session) => [session.profileId, session]));
  const sessions = state.profiles.map((profile) => byProfile.get(profile.id));
  return {
    total: state.profiles.length,
    signedIn: sessions.filter((session) => session?.status === 'signed-in').length,
    attention: sessions.filter(needsAttention).length,
  };
}

export function statusLine(counts: TrayCounts): string {
  if (counts.total === 0) return 'No servers saved';
  return `${counts.signedIn} of ${plural(counts.total, 'server', 'servers')} signed in`;
}

function iconStateFor(counts: TrayCounts): TrayIconState {
  if (counts.attention > 0) return 'attention';
  return counts.signedIn > 0 ? 'some' : 'none';
}

function sessionDescription(session: SessionState | undefined): string {
  if (session?.activity === 'signing-out') return 'Signing out…';
  switch (session?.status) {
    case 'signed-in': {
      const user = session.user;
      if (!user) return 'Signed in';
      return user.displayName && user.displayName !== user.name
        ? `Signed in as ${user.displayName} (${user.name})`
        : `Signed in as ${user.name}`;
    }
    case 'signing-in':
      return 'Signing in…';
    case 'expired':
      return 'Session expired';
    case 'error':
      return session.error ? `Problem: ${session.error.message}` : 'Problem with this server';
    default:
      return 'Signed out';
  }
}

function statusMark(session: SessionState | undefined): string {
  if (needsAttention(session)) return '⚠';
  return session?.status === 'signed-in' ? '●' : '○';
}

const canSignOut = (session: SessionState | undefined): boolean =>
  (session?.status === 'signed-in' || session?.status === 'expired' || session?.status === 'error') &&
  session.activity !== 'signing-out';

/** A web profile whose session is gone can only be signed in again by the person, on the server's page. */
const needsWebSignIn = (profile: ServerProfile, session: SessionState | undefined): boolean =>
  profile.signInMethod === 'web' && session?.status !== 'signed-in' && session?.status !== 'signing-in';

/**
 * An expired password or token server: "Sign in" when the remembered password can do it here, "Sign in…" when the
 * window has to ask (it opens on that server). A web server has its own "Sign in on the web page…".
 */
function signInItems(
  profile: ServerProfile,
  session: SessionState | undefined,
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  if (session?.status !== 'expired' || profile.signInMethod === 'web') return [];
  const direct = session.passwordRemembered && profile.signInMethod === 'password';
  return [
    { id: `sign-in:${profile.id}`, label: direct ? 'Sign in' : 'Sign in…', click: () => actions.signIn(profile.id) },
  ];
}

const isWebUrl = (text: string): boolean => /^https?:\/\//i.test(text);

function hostOf(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return baseUrl;
  }
}

function serverSubmenu(
  profile: ServerProfile,
  session: SessionState | undefined,
  platform: NodeJS.Platform,
  actions: TrayActions,
): MenuItemConstructorOptions {
  return {
    id: `server:${profile.id}`,
    label: menuText(`${statusMark(session)} ${profile.label}`, platform),
    submenu: [
      { id: `status:${profile.id}`, label: menuText(sessionDescription(session), platform), enabled: false },
      ...attentionLines(profile.id, session),
      { id: `host:${profile.id}`, label: menuText(hostOf(profile.baseUrl), platform), enabled: false },
      { type: 'separator' },
      {
        id: `logout:${profile.id}`,
        label: 'Sign out',
        enabled: canSignOut(session),
        click: () => actions.logout(profile.id),
      },
      {
        id: `jira:${profile.id}`,
        label: 'Open in Jira',
        enabled: isWebUrl(profile.baseUrl),
        click: () => actions.openInJira(profile.id),
      },
      ...signInItems(profile, session, actions),
      ...(needsWebSignIn(profile, session)
        ? [
            {
              id: `web-login:${profile.id}`,
              label: 'Sign in on the web page…',
              click: () => actions.webLogin(profile.id),
            } satisfies MenuItemConstructorOptions,
          ]
        : []),
      {
        id: `open:${profile.id}`,
        label: 'Open in system browser',
        enabled: isWebUrl(profile.baseUrl),
        click: () => actions.openInBrowser(profile.id),
      },
    ],
  };
}

/** Warnings under a server's status: failed sign-ins since the last check, a sign-out the server did not confirm. */
function attentionLines(profileId: string, session: SessionState | undefined): MenuItemConstructorOptions[] {
  const failed = session?.failedSignInsSinceCheck ?? 0;
  return [
    ...(failed > 0 ? [{ id: `failed:${profileId}`, label: `⚠ ${failedSignInsText(failed)}`, enabled: false }] : []),
    ...(session?.signOutUnconfirmed
      ? [{ id: `unconfirmed:${profileId}`, label: `⚠ ${MAY_STILL_BE_SIGNED_IN}`, enabled: false }]
      : []),
  ];
}

/** Offered only while an administrator's cookie session is open somewhere: a token session holds no WebSudo. */
function adminItems(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const administers = state.sessions.some(
    (session) =>
      session.status === 'signed-in' &&
      (session.adminLevel === 'admin' || session.adminLevel === 'system-admin') &&
      session.cookieNames.includes('JSESSIONID'),
  );
  if (!administers) return [];
  return [
    { id: 'release-admin-all', label: 'End admin access everywhere', click: () => actions.releaseAdminAccessAll() },
  ];
}

export function buildTrayMenu(state: TrayState, actions: TrayActions): TrayMenuModel {
  const counts = countSessions(state);
  const byProfile = new Map(state.sessions.map((session) => [session.profileId, session]));
  const attentionLine: MenuItemConstructorOptions[] =
    counts.attention > 0
      ? [
          {
            id: 'attention',
            label: `${plural(counts.attention, 'server needs', 'servers need')} attention`,
            enabled: false,
          },
        ]
      : [];
  const failed = totalFailedSignIns(state.profiles.flatMap((profile) => byProfile.get(profile.id) ?? []));
  const failedLine = failed > 0 ? `⚠ ${failedSignInsText(failed)}` : undefined;
  const items: MenuItemConstructorOptions[] = [
    { id: 'status', label: statusLine(counts), enabled: false },
    ...attentionLine,
    ...(failedLine ? [{ id: 'failed-sign-ins', label: failedLine, enabled: false }] : []),
    { type: 'separator' },
    ...groupByEnvironment(state.profiles, (profile) =>
      serverSubmenu(profile, byProfile.get(profile.id), state.platform, actions),
    ),
    ...(state.profiles.length > 0 ? [{ type: 'separator' } satisfies MenuItemConstructorOptions] : []),
    ...expiredItems(state.sessions, actions),
    ...adminItems(state, actions),
    {
      id: 'logout-all',
      label: 'Sign out of all servers',
      enabled: counts.signedIn > 0,
      click: () => actions.logoutAll(),
    },
    { type: 'separator' },
    ...(state.updateItems ?? []),
    { id: 'show-window', label: 'Show window', click: () => actions.showWindow() },
    { id: 'quit', label: 'Quit', click: () => actions.quit() },
  ];
  const attention = counts.attention > 0 ? `, ${plural(counts.attention, 'needs', 'need')} attention` : '';
  return {
    items,
    iconState: iconStateFor(counts),
    tooltip: `${PRODUCT_NAME}: ${statusLine(counts)}${attention}${failed > 0 ? `, ${failedSignInsText(failed)}` : ''}`,
    counts,
  };
}
