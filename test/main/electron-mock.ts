// A stand-in for the `electron` module: just enough of each API for main and preload to run under Node, with
// everything recorded so tests can assert on it and fire events by hand. Use in a test file with
//   vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));
// and call resetElectronMock() in beforeEach. The objects keep their identity across resets, because the modules
// under test hold on to them from their first import.
import { EventEmitter } from 'node:events';
import type {
  Cookie,
  CookiesGetFilter,
  CookiesSetDetails,
  IpcMainInvokeEvent,
  IpcRenderer,
  MenuItemConstructorOptions,
  SafeStorage,
} from 'electron';
import { vi } from 'vitest';
import { FakeNetRequest, type NetRequestOptions } from './electron-net-mock';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebFrame {
  parent: FakeWebFrame | null = null;
  constructor(
    public url: string,
    public processId = 1,
    public routingId = 1,
  ) {}
}

/**
 * Calls whose order matters across objects (cookies set, pages loaded, storage cleared), as readable lines:
 * `cookies.set jira-web:p1 JSESSIONID`, `loadURL https://…`, `clearStorageData jira-web:p1`.
 */
export const callLog: string[] = [];

const domainMatches = (host: string, cookie: Cookie): boolean => {
  const domain = (cookie.domain ?? '').replace(/^\./, '');
  return cookie.hostOnly ? host === domain : host === domain || host.endsWith(`.${domain}`);
};

/** A cookie store with Chromium's rules where they matter here: host-only vs domain, Secure needs https. */
export class FakeCookies extends EventEmitter {
  cookies: Cookie[] = [];
  constructor(readonly owner: string) {
    super();
  }
  set = vi.fn(async (details: CookiesSetDetails) => {
    const url = new URL(details.url);
    if (details.secure && url.protocol !== 'https:') throw new Error('Failed to set cookie: Secure needs https');
    const domain = details.domain ? `.${details.domain.replace(/^\./, '')}` : url.hostname;
    const cookie: Cookie = {
      name: details.name ?? '',
      value: details.value ?? '',
      domain,
      hostOnly: !details.domain,
      path: details.path ?? url.pathname,
      secure: details.secure ?? false,
      httpOnly: details.httpOnly ?? false,
      session: details.expirationDate === undefined,
      ...(details.expirationDate === undefined ? {} : { expirationDate: details.expirationDate }),
      sameSite: details.sameSite ?? 'lax',
    };
    if (!domainMatches(url.hostname, cookie)) throw new Error('Failed to set cookie: domain mismatch');
    callLog.push(`cookies.set ${this.owner} ${cookie.name}`);
    const index = this.cookies.findIndex(
      (old) => old.name === cookie.name && old.domain === cookie.domain && old.path === cookie.path,
    );
    if (index >= 0) {
      const [old] = this.cookies.splice(index, 1);
      this.emit('changed', {}, old, 'overwrite', true);
    }
    this.cookies.push(cookie);
    this.emit('changed', {}, cookie, 'explicit', false);
  });
  get = vi.fn(async (filter: CookiesGetFilter = {}) => {
    const url = filter.url === undefined ? undefined : new URL(filter.url);
    return this.cookies
      .filter((cookie) => !url || (domainMatches(url.hostname, cookie) && url.pathname.startsWith(cookie.path ?? '/')))
      .filter((cookie) => filter.name === undefined || cookie.name === filter.name)
      .map((cookie) => ({ ...cookie }));
  });
  remove = vi.fn(async (url: string, name: string) => {
    const host = new URL(url).hostname;
    const removed = this.cookies.filter((cookie) => cookie.name === name && domainMatches(host, cookie));
    this.cookies = this.cookies.filter((cookie) => !removed.includes(cookie));
    for (const cookie of removed) this.emit('changed', {}, cookie, 'explicit', true);
  });
  flushStore = vi.fn(async () => undefined);
}

type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession extends EventEmitter {
  cookies: FakeCookies;
  beforeRequest: { filter: { urls: string[] }; listener: BeforeRequestListener } | null = null;
  webRequest = {
    onBeforeRequest: vi.fn((filter: { urls: string[] }, listener: BeforeRequestListener) => {
      this.beforeRequest = { filter, listener };
    }),
  };
  clearStorageData = vi.fn(async () => {
    callLog.push(`clearStorageData ${this.partition}`);
    this.cookies.cookies = [];
  });
  constructor(readonly partition = '') {
    super();
    this.cookies = new FakeCookies(partition);
  }
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  setPermissionRequestHandler = vi.fn((handler: Listener | null) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: Listener | null) => {
    this.permissionCheckHandler = handler;
  });
  setDevicePermissionHandler = vi.fn((handler: Listener | null) => {
    this.devicePermissionHandler = handler;
  });
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  session = new FakeSession();
  mainFrame = new FakeWebFrame('app://jira-session-manager/index.html', 10 + this.id, 1);
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  send = vi.fn();
  /** What navigationHistory answers; tests set them. */
  history = { canGoBack: false, canGoForward: false };
  navigationHistory = {
    canGoBack: vi.fn(() => this.history.canGoBack),
    canGoForward: vi.fn(() => this.history.canGoForward),
    goBack: vi.fn(),
    goForward: vi.fn(),
  };
  loadURL = vi.fn(async (url: string) => {
    callLog.push(`loadURL ${url}`);
    this.mainFrame.url = url;
  });
  reload = vi.fn();
  close = vi.fn(() => {
    this.destroyed = true;
  });
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** What BrowserWindow and BaseWindow share: bounds, visibility, focus and the window states. */
class FakeWindowBase extends EventEmitter {
  visible = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds: { x: number; y: number; width: number; height: number };
  show = vi.fn(() => {
    this.visible = true;
  });
  hide = vi.fn(() => {
    this.visible = false;
  });
  focus = vi.fn();
  reload = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  maximize = vi.fn(() => {
    this.maximized = true;
  });

  constructor(options: Electron.BaseWindowConstructorOptions) {
    super();
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  /** Fires 'close' the way Electron does: listeners may call preventDefault(). Returns whether it was prevented. */
  protected emitClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export class FakeBrowserWindow extends FakeWindowBase {
  static instances: FakeBrowserWindow[] = [];
  /** When set, loadURL of every window rejects with it (a missing renderer build). */
  static loadFailure: Error | null = null;
  webContents = new FakeWebContents();
  loadURL = vi.fn(async (_url: string) => {
    if (FakeBrowserWindow.loadFailure) throw FakeBrowserWindow.loadFailure;
  });

  constructor(public options: Electron.BrowserWindowConstructorOptions = {}) {
    super(options);
    FakeBrowserWindow.instances.push(this);
  }
  close(): boolean {
    return this.emitClose();
  }
}

export class FakeWebContentsView {
  static instances: FakeWebContentsView[] = [];
  webContents = new FakeWebContents();
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  setBounds = vi.fn((bounds: { x: number; y: number; width: number; height: number }) => {
    this.bounds = bounds;
  });
  constructor(public options: Electron.WebContentsViewConstructorOptions = {}) {
    const partition = options.webPreferences?.partition;
    this.webContents.session = partition ? session.fromPartition(partition) : session.defaultSession;
    // A new view has loaded nothing yet.
    this.webContents.mainFrame.url = '';
    FakeWebContentsView.instances.push(this);
  }
}

export class FakeBaseWindow extends FakeWindowBase {
  static instances: FakeBaseWindow[] = [];
  title: string;
  contentView = {
    children: [] as FakeWebContentsView[],
    addChildView: vi.fn((view: FakeWebContentsView) => {
      this.contentView.children.push(view);
    }),
  };
  constructor(public options: Electron.BaseWindowConstructorOptions = {}) {
    super(options);
    this.title = options.title ?? '';
    this.visible = options.show ?? true;
    FakeBaseWindow.instances.push(this);
  }
  getTitle(): string {
    return this.title;
  }
  setTitle = vi.fn((title: string) => {
    this.title = title;
  });
  getContentBounds() {
    return { x: 0, y: 0, width: this.bounds.width, height: this.bounds.height };
  }
  /** Like Electron: 'close' (preventable), then the window is gone and 'closed' follows. */
  close(): boolean {
    if (this.destroyed) return false;
    const prevented = this.emitClose();
    if (prevented) return true;
    this.destroyed = true;
    this.emit('closed');
    return false;
  }
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  setImage = vi.fn((image: unknown) => {
    this.image = image;
  });
  setToolTip = vi.fn((tooltip: string) => {
    this.tooltip = tooltip;
  });
  setContextMenu = vi.fn((menu: FakeMenu | null) => {
    this.menu = menu;
  });
  destroy = vi.fn(() => {
    this.destroyed = true;
  });
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.instances.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export interface FakeMenu {
  template: MenuItemConstructorOptions[];
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  show = vi.fn();
  constructor(public options: Electron.NotificationConstructorOptions) {
    super();
    FakeNotification.instances.push(this);
  }
}

export interface FakeNativeImage {
  path: string;
  isEmpty(): boolean;
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  paths: Record<string, string> = { userData: '/tmp/jira-session-manager-test-user-data' };
  appPath = '/opt/jira-session-manager/resources/app.asar';
  version = '0.1.0';
  gotLock = true;
  setLoginItemSettings = vi.fn();
  // Logs go under userData unless a test sets them, so a booted main never writes into a shared folder.
  getPath = vi.fn(
    (name: string) => this.paths[name] ?? (name === 'logs' ? `${this.paths.userData}/logs` : `/tmp/${name}`),
  );
  getVersion = vi.fn(() => this.version);
  getName = vi.fn(() => 'Jira Session Manager');
  getAppPath = vi.fn(() => this.appPath);
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  enableSandbox = vi.fn();
  setAppUserModelId = vi.fn();
  setAboutPanelOptions = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  whenReady = vi.fn(() => Promise.resolve());
}

export const app = new FakeApp();

export const ipcMain = Object.assign(new EventEmitter(), {
  handlers: new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
    // Electron refuses a second handler for a channel; so does the fake, so double registration is caught.
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
});

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: undefined })),
});

/** The fake ipcRenderer typed as the real one, for code that takes an IpcRenderer. */
export const ipcRendererApi = ipcRenderer as unknown as IpcRenderer;

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as ReturnType<SafeStorage['getSelectedStorageBackend']>,
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  // Reversible but not plain: the base64 of the sealed text must differ from the base64 of the plain text.
  encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${[...plain].reverse().join('')}`, 'utf8')),
  decryptString: vi.fn((sealed: Buffer) => {
    const text = sealed.toString('utf8');
    if (!text.startsWith('sealed:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return [...text.slice('sealed:'.length)].reverse().join('');
  }),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]): FakeMenu => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const nativeImage = {
  createFromPath: vi.fn((path: string): FakeNativeImage => ({ path, isEmpty: () => false })),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn((_path: string) => undefined),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({
    canceled: true,
  })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 1, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

export const protocol = {
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
  unhandle: vi.fn(),
};

const partitions = new Map<string, FakeSession>();

export const session = {
  defaultSession: new FakeSession(),
  /** One session per name, the same object for the same name, like Electron's. */
  fromPartition: vi.fn((name: string) => {
    let found = partitions.get(name);
    if (!found) {
      found = new FakeSession(name);
      partitions.set(name, found);
    }
    return found;
  }),
  partitions,
};

export const clipboard = {
  text: '',
  writeText: vi.fn((text: string) => {
    clipboard.text = text;
  }),
  readText: vi.fn(() => clipboard.text),
};

export const screen = {
  displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays: vi.fn(() => screen.displays),
  getPrimaryDisplay: vi.fn(() => screen.displays[0]),
};

export const powerMonitor = new EventEmitter();
export const net = {
  online: true,
  isOnline: vi.fn(() => net.online),
  /** Real HTTP underneath (electron-updater downloads through it): see electron-net-mock.ts. */
  request: vi.fn((options: NetRequestOptions) => new FakeNetRequest(options)),
};
/** Electron's own autoUpdater: electron-updater emits 'before-quit-for-update' on it when it installs. */
export const autoUpdater = new EventEmitter();

const api = {
  app,
  autoUpdater,
  BaseWindow: FakeBaseWindow,
  BrowserWindow: FakeBrowserWindow,
  clipboard,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  Notification: FakeNotification,
  powerMonitor,
  net,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray: FakeTray,
  WebContentsView: FakeWebContentsView,
};

/** What `vi.mock('electron', ...)` should resolve to: named exports plus a default (electron-store uses it). */
export const nativeTheme = { themeSource: 'system' as 'system' | 'light' | 'dark' };
Object.assign(api, { nativeTheme });

export const electronModule = { ...api, default: api };

function resetEmitter(emitter: EventEmitter): void {
  emitter.removeAllListeners();
}

/** Back to a fresh state: no windows, trays, handlers or listeners, every spy cleared, defaults restored. */
export function resetElectronMock(): void {
  vi.clearAllMocks();
  FakeBrowserWindow.instances.length = 0;
  FakeBrowserWindow.loadFailure = null;
  FakeBaseWindow.instances.length = 0;
  FakeWebContentsView.instances.length = 0;
  callLog.length = 0;
  partitions.clear();
  clipboard.text = '';
  FakeTray.instances.length = 0;
  FakeNotification.instances.length = 0;
  FakeNotification.supported = true;
  resetEmitter(app);
  app.isPackaged = false;
  app.gotLock = true;
  app.version = '0.1.0';
  app.paths = { userData: '/tmp/jira-session-manager-test-user-data' };
  app.appPath = '/opt/jira-session-manager/resources/app.asar';
  resetEmitter(ipcMain);
  ipcMain.handlers.clear();
  resetEmitter(ipcRenderer);
  contextBridge.exposed.clear();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  protocol.handlers.clear();
  resetEmitter(powerMonitor);
  resetEmitter(autoUpdater);
  net.online = true;
  session.defaultSession = new FakeSession();
  screen.displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
}

/** An IpcMainInvokeEvent as Electron would build it for a call from `frame` of `contents`. */
export function fakeInvokeEvent(
  contents: FakeWebContents,
  frame: FakeWebFrame | null = contents.mainFrame,
): IpcMainInvokeEvent {
  return {
    sender: contents,
    senderFrame: frame,
    frameId: frame?.routingId ?? 0,
    processId: frame?.processId ?? 0,
    type: 'frame',
    preventDefault: () => undefined,
    defaultPrevented: false,
  } as unknown as IpcMainInvokeEvent;
}

/** The menu items of a template flattened (submenus included), for finding an item by id. */
export function flattenMenu(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flattenMenu(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

/** Clicks a menu item the way Electron would (click(menuItem, window, event)). */
export function clickMenuItem(template: readonly MenuItemConstructorOptions[], id: string): void {
  const item = flattenMenu(template).find((candidate) => candidate.id === id);
  if (!item) throw new Error(`No menu item with id ${id}`);
  if (item.enabled === false) throw new Error(`Menu item ${id} is disabled`);
  if (!item.click) throw new Error(`Menu item ${id} has no click handler`);
  (item.click as (...args: unknown[]) => void)(item, undefined, {});
}
