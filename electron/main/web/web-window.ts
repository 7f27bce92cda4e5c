// One profile's web window: a BaseWindow holding two views, our bar on top and Jira's page below. Separate views
// mean separate web contents: nothing the page does can reach the bar. Jira's view runs on the profile's own
// in-memory partition with no preload, so the page has a browser tab's powers at most and no way into the app.
import { BaseWindow, clipboard, screen, WebContentsView } from 'electron';
import type { Input, Session, WebContents, WebPreferences } from 'electron';
import type { ServerProfile } from '../../shared/model';
import { PRODUCT_NAME } from '../app-identity';
import { restoreWindowBounds, trackWindowBounds, windowGeometry } from '../window-state';
import type { WindowBoundsStore } from '../window-state';
import { BAR_HEIGHT, barCommand, barDataUrl, shortcutCommand } from './web-bar';
import type { BarCommand } from './web-bar';
import { guardJiraView } from './web-guards';
import type { WebWindowMode } from './web-guards';

/** The bar's views share one in-memory partition, which has no permissions and no app:// handler. */
export const BAR_PARTITION = 'jira-web-bar';

export function webWindowTitle(profile: Pick<ServerProfile, 'label'>): string {
  return `${profile.label} — ${PRODUCT_NAME}`;
}

export function jiraViewPreferences(partition: string, isPackaged: boolean): WebPreferences {
  return {
    partition,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: !isPackaged,
  };
}

export const BAR_VIEW_PREFERENCES: WebPreferences = {
  partition: BAR_PARTITION,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  // The bar is HTML and CSS only.
  javascript: false,
  webSecurity: true,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  devTools: false,
};

export interface WebWindowOptions {
  profile: ServerProfile;
  partition: string;
  mode: WebWindowMode;
  isPackaged: boolean;
  boundsStore: WindowBoundsStore;
  openExternal(url: string): void;
  /** The server sent a working window to sign in (its session ended there); the window is in sign-in mode now. */
  onSignInRedirect(): void;
  onClosed(): void;
  onError(error: unknown): void;
}

export interface WebWindow {
  readonly contents: WebContents;
  readonly session: Session;
  mode(): WebWindowMode;
  setMode(mode: WebWindowMode): void;
  load(url: string): void;
  focus(): void;
  close(): void;
  isClosed(): boolean;
}

export function createWebWindow(options: WebWindowOptions): WebWindow {
  const { profile } = options;
  let mode = options.mode;
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = restoreWindowBounds(options.boundsStore.load(), workAreas);
  const window = new BaseWindow({
    ...windowGeometry(bounds),
    title: webWindowTitle(profile),
  });
  const bar = new WebContentsView({ webPreferences: BAR_VIEW_PREFERENCES });
  const jira = new WebContentsView({ webPreferences: jiraViewPreferences(options.partition, options.isPackaged) });
  window.contentView.addChildView(bar);
  window.contentView.addChildView(jira);
  const contents = jira.webContents;

  const layout = (): void => {
    const { width, height } = window.getContentBounds();
    bar.setBounds({ x: 0, y: 0, width, height: BAR_HEIGHT });
    jira.setBounds({ x: 0, y: BAR_HEIGHT, width, height: Math.max(0, height - BAR_HEIGHT) });
  };

  let shownBar = '';
  const updateBar = (): void => {
    if (window.isDestroyed()) return;
    let host = new URL(profile.baseUrl).host;
    try {
      host = new URL(contents.getURL()).host || host;
    } catch {
      // Nothing loaded yet: the server's host.
    }
    const url = barDataUrl({
      label: profile.label,
      environment: profile.environment,
      host,
      canGoBack: contents.navigationHistory.canGoBack(),
      canGoForward: contents.navigationHistory.canGoForward(),
      signingIn: mode === 'sign-in',
    });
    if (url === shownBar) return;
    shownBar = url;
    bar.webContents.loadURL(url).catch(options.onError);
  };

  const run = (command: BarCommand): void => {
    const history = contents.navigationHistory;
    if (command === 'back' && history.canGoBack()) history.goBack();
    else if (command === 'forward' && history.canGoForward()) history.goForward();
    else if (command === 'reload') contents.reload();
    else if (command === 'copy-address') clipboard.writeText(contents.getURL());
  };

  // The bar never navigates: its links are commands, anything else is dropped.
  bar.webContents.on('will-navigate', (event) => {
    event.preventDefault();
    const command = barCommand(event.url);
    if (command) run(command);
  });
  bar.webContents.on('will-redirect', (event) => event.preventDefault());
  bar.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  bar.webContents.on('will-attach-webview', (event) => event.preventDefault());

  const setMode = (next: WebWindowMode): void => {
    mode = next;
    updateBar();
  };
  guardJiraView(contents, {
    origin: new URL(profile.baseUrl).origin,
    mode: () => mode,
    onSignInRedirect: () => {
      setMode('sign-in');
      options.onSignInRedirect();
    },
    openExternal: options.openExternal,
  });
  contents.on('before-input-event', (event, input: Input) => {
    const command = shortcutCommand(input);
    if (!command) return;
    event.preventDefault();
    run(command);
  });
  contents.on('did-navigate', updateBar);
  contents.on('did-navigate-in-page', updateBar);

  trackWindowBounds(window, options.boundsStore, options.onError);
  // Not every platform reports a maximise or full screen as a resize.
  window.on('resize', layout);
  window.on('maximize', layout);
  window.on('unmaximize', layout);
  window.on('enter-full-screen', layout);
  window.on('leave-full-screen', layout);
  window.once('closed', () => {
    // A WebContentsView's page outlives its window unless closed.
    if (!contents.isDestroyed()) contents.close();
    if (!bar.webContents.isDestroyed()) bar.webContents.close();
    options.onClosed();
  });
  layout();
  updateBar();
  if (bounds.maximized) window.maximize();

  return {
    contents,
    session: contents.session,
    mode: () => mode,
    setMode,
    load: (url) => {
      contents.loadURL(url).catch(options.onError);
    },
    focus: () => {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    close: () => {
      if (!window.isDestroyed()) window.close();
    },
    isClosed: () => window.isDestroyed(),
  };
}
