// What a page in our window may do beyond rendering: nothing. It cannot navigate away from the app, open windows,
// embed webviews, download files or be granted a permission. A link to a saved Jira server opens in the system
// browser instead, through the external-link allow-list.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

export interface WebContentsGuardOptions {
  /** Called with every URL the page tried to open or navigate to outside the app; it applies the allow-list. */
  openExternal(url: string): void;
}

interface PreventableUrlEvent {
  url: string;
  preventDefault(): void;
}

/** Installs the navigation, window-open and webview handlers on one WebContents. */
export function guardWebContents(contents: WebContents, options: WebContentsGuardOptions): void {
  const keepInApp = (event: PreventableUrlEvent): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    options.openExternal(event.url);
  };
  contents.on('will-navigate', (event) => keepInApp(event));
  contents.on('will-frame-navigate', (event) => keepInApp(event));
  // A navigation inside the app that the server answers with a redirect elsewhere is stopped too.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    options.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Denies every permission request and check, device access and downloads on the session. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
