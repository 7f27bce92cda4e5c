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
  /** "Check for Updates…" or "Restart to Update" (updates/update-menu.ts): in the app menu on macOS, else Help. */
  updateItems?: MenuItemConstructorOptions[];
}

export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const developerItems: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  const updateItems = options.updateItems ?? [];
  // macOS's app menu spelled out (what role 'appMenu' gives) so the update entry can sit under About.
  const macAppMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      ...updateItems,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return [
    ...(isMac ? [macAppMenu] : []),
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
        ...(isMac ? [] : [{ role: 'about' } satisfies MenuItemConstructorOptions, ...updateItems]),
        { label: 'Open Logs Folder', click: options.openLogsFolder },
      ],
    },
  ];
}

export function installAppMenu(options: AppMenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildAppMenuTemplate(options)));
}
