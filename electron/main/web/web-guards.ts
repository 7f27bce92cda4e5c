// What Jira's page may do in its view. Jira is a web application we do not control (nor do its plugins), so the
// view gets less than a browser tab: top-level navigation stays on the server — except to the identity provider
// during a sign-in — everything else goes to the system browser, and no permission but writing to the clipboard.
import path from 'node:path';
import { app } from 'electron';
import type { DownloadItem, Event, Session, WebContents } from 'electron';
import { APP_SCHEME } from '../app-protocol';

export type WebWindowMode = 'sign-in' | 'work';

/** The one permission Jira's page gets: its "copy link" buttons. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

const isWebUrl = (url: URL | null): url is URL =>
  url !== null && (url.protocol === 'https:' || url.protocol === 'http:');

function parse(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

export interface JiraViewGuardOptions {
  /** The server's origin: where the page may always go. */
  origin: string;
  mode(): WebWindowMode;
  /** In work mode the server sent the page off its origin: the session ended and it wants a sign-in. */
  onSignInRedirect(url: string): void;
  /** Links that leave the server (http and https only). */
  openExternal(url: string): void;
}

interface PreventableUrlEvent {
  url: string;
  isMainFrame?: boolean;
  preventDefault(): void;
}

export function guardJiraView(contents: WebContents, options: JiraViewGuardOptions): void {
  const offerExternally = (url: URL | null): void => {
    if (isWebUrl(url)) options.openExternal(url.href);
  };
  contents.on('will-navigate', (event: PreventableUrlEvent) => {
    const url = parse(event.url);
    if (url?.origin === options.origin) return;
    if (options.mode() === 'sign-in' && isWebUrl(url)) return;
    event.preventDefault();
    offerExternally(url);
  });
  contents.on('will-redirect', (event: PreventableUrlEvent) => {
    if (event.isMainFrame === false) return;
    const url = parse(event.url);
    if (url?.origin === options.origin) return;
    if (!isWebUrl(url)) return event.preventDefault();
    if (options.mode() === 'work') options.onSignInRedirect(url.href);
  });
  contents.setWindowOpenHandler(({ url }) => {
    offerExternally(parse(url));
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Jira's own title would replace the window's, which names the profile.
  contents.on('page-title-updated', (event: Event) => event.preventDefault());
}

/** The download's own file name, in the user's downloads folder, offered in a save dialog. */
export function saveDialogFor(item: DownloadItem): Electron.SaveDialogOptions {
  const fileName = path.basename(item.getFilename()) || 'download';
  return { title: 'Save download from Jira', defaultPath: path.join(app.getPath('downloads'), fileName) };
}

export function guardJiraSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  session.setDevicePermissionHandler(() => false);
  // The app's own pages must not be reachable from Jira's, not even as a subresource.
  session.webRequest.onBeforeRequest({ urls: [`${APP_SCHEME}://*/*`] }, (_details, callback) =>
    callback({ cancel: true }),
  );
  // No save path is set, so Electron asks where to save; the dialog just starts at a sensible file name.
  session.on('will-download', (_event, item) => item.setSaveDialogOptions(saveDialogFor(item)));
}
