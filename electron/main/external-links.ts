// The one gate to the system browser: http(s) URLs on the origin of a saved server, nothing else. Links clicked
// in the window, the tray's "Open in browser" and the renderer's `shell:openExternal` all pass through it.
import type { ServerProfile } from '../shared/model';
import { appError } from '../core';

/** Returns the parsed URL when it may be opened, or null. */
export function allowedExternalUrl(candidate: string, profiles: readonly Pick<ServerProfile, 'baseUrl'>[]): URL | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // Credentials in a URL are a classic way to disguise where a link really goes.
  if (url.username !== '' || url.password !== '') return null;
  const allowed = profiles.some((profile) => {
    try {
      return new URL(profile.baseUrl).origin === url.origin;
    } catch {
      return false;
    }
  });
  return allowed ? url : null;
}

/** An http(s) URL without credentials, or null: what a link in a Jira page may hand to the system browser. */
export function plainWebUrl(candidate: string): URL | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return url.username === '' && url.password === '' ? url : null;
}

export interface ExternalLinkOpenerOptions {
  listProfiles(): Promise<readonly Pick<ServerProfile, 'baseUrl'>[]>;
  /** Electron's shell.openExternal. */
  openExternal(url: string): Promise<void>;
}

export interface ExternalLinkOpener {
  /** Opens the URL or rejects with an `invalid-input` AppError (the renderer's `shell:openExternal`). */
  open(url: string): Promise<void>;
  /** Opens the URL when allowed and says whether it did (links clicked in the window, which have nobody to tell). */
  openIfAllowed(url: string): Promise<boolean>;
  /**
   * A link that leaves the server in one of Jira's own pages: any plain http(s) address goes to the system browser,
   * as it would from any browser (the saved-server allow-list guards the app's window, not Jira's pages).
   */
  openFromJira(url: string): Promise<boolean>;
}

export function createExternalLinkOpener(options: ExternalLinkOpenerOptions): ExternalLinkOpener {
  const openIfAllowed = async (candidate: string): Promise<boolean> => {
    const url = allowedExternalUrl(candidate, await options.listProfiles());
    if (url === null) return false;
    await options.openExternal(url.href);
    return true;
  };
  return {
    openIfAllowed,
    async openFromJira(candidate) {
      const url = plainWebUrl(candidate);
      if (url === null) return false;
      await options.openExternal(url.href);
      return true;
    },
    async open(candidate) {
      if (!(await openIfAllowed(candidate))) {
        throw appError('invalid-input', 'Only http:// and https:// links to a saved server can be opened.');
      }
    },
  };
}
