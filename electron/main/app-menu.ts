// The application menu, built from Electron's roles so every platform gets its standard items and shortcuts
// (Cmd/Ctrl+C, V, X, Z, A, Q, W, zoom, full screen) and, on macOS, the app menu with Hide and Services.
import { Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools only while developing; packaged builds have devTools off anyway. */
  isPackaged: boolean;
  /** Help > Open Logs Folder. */
  openLogsFolder: () => void;
}

export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const developerItems: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      // Close hides the window to the tray; Quit (Cmd+Q in the macOS app menu) ends the app.
      submenu: isMac ? [{ role: 'close' }] : [{ role: 'close' }, { type: 'separator' }, { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...developerItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        ...(isMac ? [] : [{ role: 'about' } satisfies MenuItemConstructorOptions]),
        { label: 'Open Logs Folder', click: options.openLogsFolder },
      ],
    },
  ];
}

export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate(options)));
}
