// Lifecycle only: one instance, the core with its Electron adapters, the window, the tray and IPC, sleep and
// wake, and a clean shutdown. Everything with logic lives in the modules this file wires together.
import { app, nativeImage, nativeTheme, net, powerMonitor, protocol, safeStorage, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import type { AppSettings } from '../shared/model';
import { type AppCore, AppError, createAppCore, logUnexpected, redactingLog } from '../core';
import { APP_ID, PRODUCT_NAME } from './app-identity';
import { installAppMenu } from './app-menu';
import { resolveAppPaths } from './app-paths';
import { registerAppProtocol, registerAppSchemePrivileges } from './app-protocol';
import { createConsoleLog } from './console-log';
import { logProcessFailures, reloadAfterRendererGone } from './crash-handling';
import { chooseCaCertificate, confirmKeepSecrets, confirmLogoutAll, showStartupError } from './dialogs';
import { electronStoreBackend } from './electron-store-backend';
import { fileDialogHandlers } from './file-dialogs';
import { createExternalLinkOpener } from './external-links';
import { combineLogs, createFileLog } from './file-log';
import { createFolderOpener } from './folders';
import { forwardCoreEvents, isAppFrameSender, registerIpcHandlers, sendToWindow } from './ipc';
import { watchNetwork } from './network-watch';
import { createDesktopNotifier } from './notifications';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { applySettings, withSettingsEffects } from './settings-effects';
import { createDesktopTray } from './tray';
import type { DesktopTray } from './tray';
import { createTokenClipboard } from './token-clipboard';
import { createDesktopUpdates } from './updates/desktop-updates';
import { createMainWindow, revealWindow } from './window';
import { openWindowBoundsStore } from './window-bounds-store';
import { createWebWindows } from './web/web-windows';
import type { WebWindows } from './web/web-windows';

/** Longest the app waits for the core to finish (sign-outs in flight, the last store write) when quitting. */
export const SHUTDOWN_TIMEOUT_MS = 5_000;

export function runDesktopApp(): void {
  // Chromium reads scheme privileges and the sandbox switch at start-up only: both before 'ready'.
  registerAppSchemePrivileges(protocol);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  const level = app.isPackaged ? 'info' : 'debug';
  const logsDir = app.getPath('logs');
  const log = redactingLog(combineLogs(createConsoleLog(level), createFileLog(logsDir, level)));
  logProcessFailures(process, log);
  let core: AppCore | null = null;
  let window: BrowserWindow | null = null;
  let tray: DesktopTray | null = null;
  let webWindows: WebWindows | null = null;
  const cleanups: (() => void)[] = [];
  let quitting = false;
  let closeToTray = true;
  let shutdown: Promise<void> | null = null;
  let shutdownDone = false;

  const showWindow = (): void => revealWindow(window);
  // A notification's click or a tray item that needs the person: the window, with that server selected.
  const showServer = (profileId: string | undefined): void => {
    revealWindow(window);
    if (profileId !== undefined) sendToWindow(window, 'window:showServer', profileId);
  };

  const start = async (): Promise<void> => {
    const paths = resolveAppPaths(app.getAppPath());
    const dataDir = app.getPath('userData');
    registerAppProtocol(protocol, paths.rendererDir);
    const folders = createFolderOpener({
      logsDir,
      storeBackupPath: async () => (core ? (await core.invoke('app:info')).storeProblem?.backupPath : undefined),
    });
    const openLogsFolder = (): void => {
      folders.openLogsFolder().catch(() => log('warn', 'The logs folder could not be opened'));
    };
    app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: app.getVersion() });

    // The core calls it on a session's expiry and a partly failed sign-out of all, when the setting allows; a click
    // shows the server the notice is about.
    const notify = createDesktopNotifier({
      onClick: (notice) => showServer(notice.profileId),
      icon: nativeImage.createFromPath(paths.appIconFile),
      log,
    });
    // electron-updater against the build's publish feed (off without one); the menus show where it stands.
    const updates = createDesktopUpdates({
      dataDir,
      window: () => window,
      settings: async () => (core ? core.invoke('settings:get') : { notifications: false }),
      notify,
      log,
      onMenuChange: () => {
        installMenu();
        tray?.refresh();
      },
      beforeInstall: () => (quitting = true),
    });
    cleanups.push(() => updates.dispose());
    const installMenu = (): void =>
      installAppMenu({
        platform: process.platform,
        isPackaged: app.isPackaged,
        openLogsFolder,
        updateItems: updates.menuItems(),
      });
    installMenu();
    const appCore = await createAppCore({
      dataDir,
      cipher: createSafeStorageCipher(safeStorage),
      openStore: electronStoreBackend,
      notify,
      log,
      appVersion: app.getVersion(),
      polling: true,
      confirmKeepSecrets: (change) => confirmKeepSecrets(window, change),
    });
    core = appCore;
    const applyEffects = (settings: AppSettings): void => {
      closeToTray = settings.closeToTray;
      applySettings(settings, {
        setLoginItemSettings: (login) => app.setLoginItemSettings(login),
        setThemeSource: (theme) => (nativeTheme.themeSource = theme),
      });
    };
    const startSettings = await appCore.invoke('settings:get');
    applyEffects(startSettings);

    const links = createExternalLinkOpener({
      listProfiles: () => appCore.invoke('profiles:list'),
      openExternal: (url) => shell.openExternal(url),
    });
    // Jira's web UI, signed in: a window and an in-memory partition per profile, fed by the core's web port.
    const web = createWebWindows({
      port: appCore.web,
      profile: async (profileId) => {
        const found = (await appCore.invoke('profiles:list')).find((candidate) => candidate.id === profileId);
        if (!found) throw new AppError({ kind: 'not-found', message: 'That server is not in the list.' });
        return found;
      },
      state: async (profileId) => {
        const found = (await appCore.invoke('sessions:list')).find((state) => state.profileId === profileId);
        if (!found) throw new AppError({ kind: 'not-found', message: 'That server is not in the list.' });
        return found;
      },
      openExternal: (url) => {
        links.openFromJira(url).catch(() => log('warn', 'A link could not be opened in the browser'));
      },
      dataDir,
      isPackaged: app.isPackaged,
      log,
    });
    webWindows = web;
    const tokenClipboard = createTokenClipboard();
    cleanups.push(() => tokenClipboard.dispose());
    // Handlers first, so the page's first call finds them.
    cleanups.push(
      registerIpcHandlers({
        core: withSettingsEffects(appCore, applyEffects),
        shell: {
          'dialog:chooseCaCertificate': () =>
            chooseCaCertificate({ window, inspect: (pem) => appCore.invoke('certificate:inspect', pem) }),
          'shell:openExternal': (url) => links.open(url),
          'web:open': (profileId, path) => web.open(profileId, path),
          'session:webLogin': (profileId) => web.signIn(profileId),
          'clipboard:copyToken': async (token) => tokenClipboard.copy(token),
          'shell:openLogsFolder': () => folders.openLogsFolder(),
          'shell:showStoreBackup': () => folders.showStoreBackup(),
          ...updates.handlers,
          ...fileDialogHandlers(() => window),
        },
        isTrustedSender: (event) => isAppFrameSender(event, window),
        log,
      }),
    );
    window = createMainWindow({
      preloadPath: paths.preloadFile,
      isPackaged: app.isPackaged,
      iconPath: paths.appIconFile,
      boundsStore: openWindowBoundsStore(dataDir, log),
      isQuitting: () => quitting || !closeToTray,
      startHidden: startSettings.startHidden,
      openExternal: (url) => {
        links.openIfAllowed(url).catch(() => log('warn', 'A link could not be opened in the browser'));
      },
      onError: (error) =>
        log('warn', 'Window problem', { error: error instanceof Error ? error.message : String(error) }),
    });
    reloadAfterRendererGone(window, log);
    cleanups.push(forwardCoreEvents(appCore, () => window));
    tray = await createDesktopTray({
      core: appCore,
      iconDir: paths.trayIconDir,
      platform: process.platform,
      showWindow,
      quit: () => app.quit(),
      openExternal: (url) => links.open(url),
      openInJira: (profileId) => web.open(profileId),
      webLogin: (profileId) => web.signIn(profileId),
      confirmLogoutAll: (count) => confirmLogoutAll(window, count),
      showServer,
      notify,
      updateItems: () => updates.menuItems(),
      log,
    });

    powerMonitor.on('suspend', () => appCore.suspend());
    const resume = (): void => {
      appCore.resume().catch(logUnexpected(log, 'The check after resume'));
    };
    powerMonitor.on('resume', resume);
    cleanups.push(
      watchNetwork({ isOnline: () => net.isOnline(), onOffline: () => appCore.suspend(), onOnline: resume }),
    );
    // Sessions restored from the store are verified by createAppCore itself, without holding up start-up.
  };

  const stop = async (): Promise<void> => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
    tray?.dispose();
    // Every web window closed and every partition cleared: only the sealed jar outlives the app.
    await webWindows?.dispose().catch(() => log('warn', 'The web windows did not close cleanly'));
    if (!core) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_TIMEOUT_MS);
    });
    await Promise.race([core.dispose(), timeout]).finally(() => clearTimeout(timer));
  };

  // A second launch (from the menu, a desktop shortcut) brings the running app's window forward instead.
  app.on('second-instance', showWindow);
  // macOS: clicking the Dock icon of a running app.
  app.on('activate', showWindow);
  // A tray app keeps running with no window open; only Quit ends it.
  app.on('window-all-closed', () => {
    if (!closeToTray) app.quit();
  });
  app.on('before-quit', (event) => {
    quitting = true;
    if (shutdownDone) return;
    event.preventDefault();
    shutdown ??= stop()
      .catch(() => log('warn', 'The core did not shut down cleanly'))
      .finally(() => {
        shutdownDone = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      showStartupError(
        error instanceof AppError ? error.message : 'An unexpected error stopped the app while starting.',
      );
      log('error', 'Start-up failed', { error: error instanceof Error ? error.name : typeof error });
      app.exit(1);
    });
}

runDesktopApp();
