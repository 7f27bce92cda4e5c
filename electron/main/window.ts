// The one window factory. Every BrowserWindow of the app is made here, so the security settings described in
// docs/ARCHITECTURE.md ("The desktop shell") are set in one place and tested in one place.
import { BrowserWindow, screen } from 'electron';
import type { WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-protocol';
import { PRODUCT_NAME } from './app-identity';
import { guardSession, guardWebContents } from './navigation-guards';
import { restoreWindowBounds, trackWindowBounds, windowGeometry } from './window-state';
import type { WindowBoundsStore } from './window-state';

export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spell checker downloads dictionaries from Google's servers; the renderer has little free text anyway.
    spellcheck: false,
    devTools: !isPackaged,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  isPackaged: boolean;
  /** Window icon for Linux and Windows (macOS uses the bundle's icon). */
  iconPath?: string;
  boundsStore: WindowBoundsStore;
  /** True once the user chose Quit: closing then really closes. */
  isQuitting(): boolean;
  /** Settings' "start hidden in the tray": the window waits for the tray or a second launch. */
  startHidden?: boolean;
  /** Links the page tried to open; the allow-list decides whether the system browser gets them. */
  openExternal(url: string): void;
  onError?(error: unknown): void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = restoreWindowBounds(options.boundsStore.load(), workAreas);
  const window = new BrowserWindow({
    ...windowGeometry(bounds),
    title: PRODUCT_NAME,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, options.isPackaged),
  });
  guardWebContents(window.webContents, { openExternal: options.openExternal });
  guardSession(window.webContents.session);
  trackWindowBounds(window, options.boundsStore, options.onError);

  window.once('ready-to-show', () => {
    if (options.startHidden) return;
    if (bounds.maximized) window.maximize();
    window.show();
  });
  // A tray app: closing the window hides it, and the sessions keep being watched. Quit really quits.
  window.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => options.onError?.(error));
  return window;
}

/** Brings the window back from the tray, the taskbar or behind other windows. */
export function revealWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
