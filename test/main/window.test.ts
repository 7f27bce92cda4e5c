import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { FakeBrowserWindow, resetElectronMock, screen } from './electron-mock';
import { createMainWindow, revealWindow, secureWebPreferences } from '../../electron/main/window';
import type { MainWindowOptions } from '../../electron/main/window';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

beforeEach(() => resetElectronMock());

const PRELOAD = '/opt/app/dist/preload/preload.cjs';

function create(overrides: Partial<MainWindowOptions> = {}) {
  let quitting = false;
  const saved: unknown[] = [];
  const options: MainWindowOptions = {
    preloadPath: PRELOAD,
    isPackaged: true,
    iconPath: '/opt/app/assets/icon.png',
    boundsStore: { load: () => undefined, save: (bounds) => void saved.push(bounds) },
    isQuitting: () => quitting,
    openExternal: vi.fn(),
    ...overrides,
  };
  const window = createMainWindow(options) as unknown as FakeBrowserWindow;
  return { window, options, saved, quit: () => (quitting = true) };
}

describe('secureWebPreferences', () => {
  it('has every setting of the security list, packaged', () => {
    expect(secureWebPreferences(PRELOAD, true)).toEqual({
      preload: PRELOAD,
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
      spellcheck: false,
      devTools: false,
    });
  });

  it('allows devTools only when not packaged, changing nothing else', () => {
    const development = secureWebPreferences(PRELOAD, false);
    expect(development.devTools).toBe(true);
    expect({ ...development, devTools: false }).toEqual(secureWebPreferences(PRELOAD, true));
  });
});

describe('createMainWindow', () => {
  it('builds the one window with the secure preferences, hidden until ready', () => {
    const { window } = create();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.options.webPreferences).toEqual(secureWebPreferences(PRELOAD, true));
    expect(window.options.show).toBe(false);
    expect(window.options.title).toBe('Jira Session Manager');
    expect(window.options.icon).toBe('/opt/app/assets/icon.png');
  });

  it('gives devTools to the window only in development', () => {
    expect(create({ isPackaged: false }).window.options.webPreferences?.devTools).toBe(true);
    expect(create({ isPackaged: true }).window.options.webPreferences?.devTools).toBe(false);
  });

  it('loads the renderer from the app protocol, not file://', () => {
    const { window } = create();
    expect(window.loadURL).toHaveBeenCalledWith('app://jira-session-manager/index.html');
  });

  it('installs the navigation, window-open, webview and permission guards', () => {
    const { window, options } = create();
    const contents = window.webContents;
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.windowOpenHandler?.({ url: 'https://jira.example.com/' })).toEqual({ action: 'deny' });
    expect(options.openExternal).toHaveBeenCalledWith('https://jira.example.com/');
    const callback = vi.fn();
    contents.session.permissionRequestHandler?.(contents, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('shows itself when ready, maximised if it was', () => {
    const { window } = create({
      boundsStore: { load: () => ({ x: 10, y: 10, width: 900, height: 600, maximized: true }), save: vi.fn() },
    });
    expect(window.options).toMatchObject({ x: 10, y: 10, width: 900, height: 600 });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
  });

  it('restores bounds against the displays attached now', () => {
    screen.displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1280, height: 800 } }];
    const { window } = create({
      boundsStore: { load: () => ({ x: 3000, y: 10, width: 5000, height: 600 }), save: vi.fn() },
    });
    expect(window.options.x).toBeUndefined();
    expect(window.options.width).toBe(1280);
  });

  it('hides to the tray on close, and saves its bounds', () => {
    const { window, saved } = create();
    window.show();
    const prevented = window.close();
    expect(prevented).toBe(true);
    expect(window.hide).toHaveBeenCalled();
    expect(saved).toHaveLength(1);
  });

  it('really closes once the app is quitting', () => {
    const { window, quit } = create();
    quit();
    expect(window.close()).toBe(false);
    expect(window.hide).not.toHaveBeenCalled();
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    const onError = vi.fn();
    FakeBrowserWindow.loadFailure = new Error('ERR_FILE_NOT_FOUND');
    create({ onError });
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(FakeBrowserWindow.loadFailure));
  });
});

describe('revealWindow', () => {
  it('restores, shows and focuses a hidden or minimised window', () => {
    const window = new FakeBrowserWindow();
    window.minimized = true;
    revealWindow(window as unknown as BrowserWindow);
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('does nothing without a live window', () => {
    expect(() => revealWindow(null)).not.toThrow();
    const window = new FakeBrowserWindow();
    window.destroyed = true;
    revealWindow(window as unknown as BrowserWindow);
    expect(window.show).not.toHaveBeenCalled();
  });
});
