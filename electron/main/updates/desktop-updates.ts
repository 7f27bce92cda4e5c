// The updates in the desktop shell: the controller with electron-updater and the file that keeps the last check's
// time, the channels the window calls, the menu entries, an answer to a check the person asked for from a menu (a
// message box, as the window may be hidden), and a notification when an update is ready.
import { app, dialog } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { LogSink, Notice } from '../../core';
import { updateSummary, type UpdateState } from '../../shared/updates';
import { sendToWindow, type ShellHandlers } from '../ipc';
import { openLastCheckStore } from './last-check-store';
import { createUpdateController, type UpdateController, type Updater } from './update-controller';
import { detectUpdateFeed, loadElectronUpdater } from './update-feed';
import { updateMenuItems, updateMenuKey } from './update-menu';

export interface DesktopUpdatesOptions {
  dataDir: string;
  /** The app's window: it hears of each change (updates:changed) and parents the answer to a check. */
  window(): BrowserWindow | null;
  /** The menus show the new state (called only when what they show changed). */
  onMenuChange(): void;
  /** An OS notification: shown when the settings allow notifications. */
  notify(notice: Notice): void;
  settings(): Promise<{ notifications: boolean }>;
  beforeInstall(): void;
  loadUpdater?: () => Promise<Updater>;
  log?: LogSink;
}

export interface DesktopUpdates {
  controller: UpdateController;
  handlers: Pick<ShellHandlers, 'updates:state' | 'updates:check' | 'updates:install'>;
  menuItems(): MenuItemConstructorOptions[];
  dispose(): void;
}

export function createDesktopUpdates(options: DesktopUpdatesOptions): DesktopUpdates {
  const controller = createUpdateController({
    currentVersion: app.getVersion(),
    // process.resourcesPath is Electron's; it is undefined under plain Node.
    feed: detectUpdateFeed({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath as string | undefined }),
    loadUpdater: options.loadUpdater ?? loadElectronUpdater,
    lastCheck: openLastCheckStore(options.dataDir, options.log),
    beforeInstall: options.beforeInstall,
    ...(options.log ? { log: options.log } : {}),
  });
  let menuKey = updateMenuKey(controller.state());
  controller.onChange((state) => {
    sendToWindow(options.window(), 'updates:changed', state);
    const key = updateMenuKey(state);
    if (key !== menuKey) options.onMenuChange();
    menuKey = key;
    if (state.status === 'downloaded') {
      const notice = { title: `Version ${state.version ?? ''} is ready`, body: 'Restart the app to update it.' };
      options
        .settings()
        .then((settings) => (settings.notifications ? options.notify(notice) : undefined))
        .catch(() => options.log?.('warn', 'The update notification could not be shown'));
    }
  });

  const answer = async (state: UpdateState): Promise<void> => {
    const ready = state.status === 'downloaded';
    const parent = options.window();
    const boxOptions = {
      type: state.status === 'error' ? ('warning' as const) : ('info' as const),
      title: 'Updates',
      message: updateSummary(state),
      buttons: ready ? ['Restart to Update', 'Later'] : ['OK'],
      defaultId: 0,
      cancelId: ready ? 1 : 0,
    };
    const { response } = await (parent && !parent.isDestroyed() && parent.isVisible()
      ? dialog.showMessageBox(parent, boxOptions)
      : dialog.showMessageBox(boxOptions));
    if (ready && response === 0) controller.install();
  };
  const checkFromMenu = (): void => {
    controller
      .check()
      .then(answer)
      .catch(() => options.log?.('warn', 'The update check from the menu could not be answered'));
  };
  const installFromMenu = (): void => {
    try {
      controller.install();
    } catch {
      options.log?.('warn', 'No update to install');
    }
  };

  controller.start();
  return {
    controller,
    handlers: {
      'updates:state': async () => controller.state(),
      'updates:check': () => controller.check(),
      'updates:install': async () => controller.install(),
    },
    menuItems: () => updateMenuItems(controller.state(), { check: checkFromMenu, install: installFromMenu }),
    dispose: () => controller.dispose(),
  };
}
