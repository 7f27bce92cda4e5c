// The pages of a Jira server that "Open in Jira" offers by name, and the rule for any other path on that server.
// Shared by the schemas (which enforce the rule), main (which builds the URL) and the renderer (which offers them).

export interface WebPage {
  id: 'dashboard' | 'administration' | 'system-info' | 'user-management';
  label: string;
  /** Relative to the server's base URL (its context path included). */
  path: string;
}

export const WEB_PAGES: readonly WebPage[] = [
  { id: 'dashboard', label: 'Dashboard', path: '/secure/Dashboard.jspa' },
  { id: 'administration', label: 'Administration', path: '/secure/admin/ViewApplicationProperties.jspa' },
  { id: 'system-info', label: 'System info', path: '/secure/admin/ViewSystemInfo.jspa' },
  { id: 'user-management', label: 'User management', path: '/secure/admin/user/UserBrowser.jspa' },
];

export const DEFAULT_WEB_PATH = '/secure/Dashboard.jspa';
export const MAX_WEB_PATH_LENGTH = 2048;

/**
 * Why a path cannot be opened on a server, or undefined when it can. A path must stay on the server: `//host` and
 * `/\host` are read by browsers as another host, and control characters or spaces are never part of a real link.
 */
export function webPathProblem(path: string): string | undefined {
  if (path.length > MAX_WEB_PATH_LENGTH) return `A page path can be at most ${MAX_WEB_PATH_LENGTH} characters.`;
  if (!path.startsWith('/')) return 'A page path starts with "/", e.g. /browse/ABC-1.';
  if (/^\/[/\\]/.test(path)) return 'A page path must stay on the server (it cannot start with "//").';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\s\u0000-\u001f\u007f]/.test(path)) return 'A page path cannot contain spaces or control characters.';
  return undefined;
}

/** The absolute URL of a path on the server; the path must pass `webPathProblem`. */
export function webPageUrl(baseUrl: string, path: string = DEFAULT_WEB_PATH): string {
  return `${baseUrl}${path}`;
}
