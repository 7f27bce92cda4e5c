// Wires the tray to the core: keeps the last profiles and sessions (the list loaded once, then each delta applied),
// rebuilds the menu at most once a second (the last change always shows), and routes each click to the same core call the window makes (a tray sign-out is `session:logout`, nothing else).
import path from 'node:path';
import { Menu, Tray, nativeImage } from 'electron';
import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import type { ServerProfile, SessionState } from '../shared/model';
import { applySessionsDelta, replayOnto, type SessionsDelta } from '../shared/session-delta';
import { createThrottle } from '../core';
import type { AppCore, LogSink, Notice } from '../core';
import { buildTrayMenu } from './tray-menu';
import { createTraySignIn } from './tray-sign-in';
import type { TrayActions, TrayIconState, TrayMenuModel } from './tray-menu';

/** macOS menu-bar icons are template images (black with alpha) that the system tints for light and dark bars. */
export function trayIconFileName(state: TrayIconState, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`;
}

export const TRAY_REBUILD_INTERVAL_MS = 1000;

export interface DesktopTrayOptions {
  core: Pick<AppCore, 'invoke' | 'on'>;
  /** Folder holding the tray PNGs (assets/tray); @2x variants are picked up by nativeImage. */
  iconDir: string;
  platform: NodeJS.Platform;
  showWindow(): void;
  quit(): void;
  /** Opens a URL through the external-link allow-list. */
  openExternal(url: string): Promise<void>;
  /** Opens the server's web UI (or its login page) in the app's own window for that profile. */
  openInJira(profileId: string): Promise<void>;
  webLogin(profileId: string): Promise<unknown>;
  /** Asks before signing out of every server. */
  confirmLogoutAll(signedInCount: number): Promise<boolean>;
  /** Shows the window with that server selected (a sign-in that needs the person). */
  showServer(profileId: string): void;
  /** The answer to "Sign in to all expired": a click asked for it, so it shows whatever the settings say. */
  notify(notice: Notice): void;
  /** The update entries of the menu, as they stand (DesktopTray.refresh() when they change). */
  updateItems?(): MenuItemConstructorOptions[];
  log?: LogSink;
}

export interface DesktopTray {
  /** The menu as last built (tests click its items). */
  current(): TrayMenuModel;
  /** Rebuilds the menu soon: something outside the core changed (the update entries). */
  refresh(): void;
  dispose(): void;
}

export async function createDesktopTray(options: DesktopTrayOptions): Promise<DesktopTray> {
  const { core, platform } = options;
  let profiles: ServerProfile[] = [];
  let sessions = new Map<string, SessionState>();
  // Set by the events below; an object, so the compiler does not take them for still false after the await.
  const seen = { profiles: false };
  // Deltas that arrive while the list loads are applied again on top of it (see replayOnto).
  let early: SessionsDelta[] | undefined = [];
  let model: TrayMenuModel;
  const icons = new Map<TrayIconState, NativeImage>();

  const icon = (state: TrayIconState): NativeImage => {
    let image = icons.get(state);
    if (!image) {
      image = nativeImage.createFromPath(path.join(options.iconDir, trayIconFileName(state, platform)));
      icons.set(state, image);
    }
    return image;
  };

  const report = (what: string) => (error: unknown) =>
    options.log?.('warn', `Tray: ${what} failed`, { kind: (error as { kind?: unknown } | null)?.kind });

  const actions: TrayActions = {
    logout: (profileId) => {
      core.invoke('session:logout', profileId).catch(report('sign-out'));
    },
    logoutAll: () => {
      const signedIn = model.counts.signedIn;
      options
        .confirmLogoutAll(signedIn)
        .then((confirmed) => (confirmed ? core.invoke('session:logoutAll') : undefined))
        .catch(report('sign-out of all servers'));
    },
    openInBrowser: (profileId) => {
      const profile = profiles.find((candidate) => candidate.id === profileId);
      if (profile) options.openExternal(profile.baseUrl).catch(report('opening the browser'));
    },
    openInJira: (profileId) => {
      options.openInJira(profileId).catch(report('opening Jira'));
    },
    webLogin: (profileId) => {
      options.webLogin(profileId).catch(report('web sign-in'));
    },
    releaseAdminAccessAll: () => {
      core.invoke('websudo:releaseAll').catch(report('ending admin access everywhere'));
    },
    showWindow: () => options.showWindow(),
    quit: () => options.quit(),
    ...createTraySignIn({ ...options, profiles: () => profiles, sessions: () => [...sessions.values()], report }),
  };

  const tray = new Tray(icon('none'));
  const rebuild = (): void => {
    const updateItems = options.updateItems?.() ?? [];
    model = buildTrayMenu({ profiles, sessions: [...sessions.values()], platform, updateItems }, actions);
    tray.setImage(icon(model.iconState));
    tray.setToolTip(model.tooltip);
    // Linux's AppIndicator only picks up a changed menu when it is set again.
    tray.setContextMenu(Menu.buildFromTemplate(model.items));
  };
  rebuild();
  // Rebuilding a menu of a thousand servers costs main real time; during a refresh-all states change by the hundred.
  const rebuildSoon = createThrottle(rebuild, TRAY_REBUILD_INTERVAL_MS);
  // Windows and Linux users expect a click on the icon to bring the window back; macOS opens the menu.
  if (platform !== 'darwin') tray.on('click', () => options.showWindow());

  const unsubscribers = [
    core.on('profiles:changed', (next) => {
      profiles = next;
      seen.profiles = true;
      rebuildSoon.request();
    }),
    core.on('sessions:delta', (delta) => {
      early?.push(delta);
      if (applySessionsDelta(sessions, delta)) rebuildSoon.request();
    }),
  ];
  // Subscribed first, loaded second: a profiles event that arrives meanwhile is newer than the list, so it wins.
  const [initialProfiles, initialSessions] = await Promise.all([
    core.invoke('profiles:list'),
    core.invoke('sessions:list'),
  ]);
  if (!seen.profiles) profiles = initialProfiles;
  sessions = replayOnto(initialSessions, early);
  early = undefined;
  rebuildSoon.cancel();
  rebuild();

  return {
    current: () => model,
    refresh: () => rebuildSoon.request(),
    dispose: () => {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      rebuildSoon.cancel();
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
