// Pure URL rules shared by the core (which enforces them) and the renderer (which shows them as you type).

export type BaseUrlResult = { ok: true; baseUrl: string } | { ok: false; reason: string };

// Pages an administrator is likely to copy from the browser's address bar; what precedes them is the base URL.
const JIRA_PAGE_PREFIXES = ['/secure/', '/browse/', '/rest/', '/login.jsp', '/projects/', '/plugins/', '/servicedesk/'];

/** Validates and normalises a Jira base URL, keeping its context path (`https://host/jira`). */
export function normalizeBaseUrl(input: string): BaseUrlResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'Enter the address of the Jira server.' };
  // `https:/host` or `https:host` is a typo, not a host called "https": refuse it rather than guess.
  if (/^[a-z][a-z0-9+.-]*:(?!\/\/|\d)/i.test(trimmed)) {
    return { ok: false, reason: `Write the address as https://host (with two slashes), not "${trimmed}".` };
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, reason: `"${trimmed}" is not a valid URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `Only http:// and https:// addresses are supported, not ${url.protocol}//.` };
  }
  if (url.hostname === '') return { ok: false, reason: 'The address has no host name.' };
  if (url.port === '0') return { ok: false, reason: 'Port 0 is not a port a server listens on.' };
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'Leave credentials out of the address; use the username field instead.' };
  }
  let path = url.pathname;
  const pageAt = JIRA_PAGE_PREFIXES.map((prefix) => path.indexOf(prefix)).filter((at) => at >= 0);
  if (pageAt.length > 0) path = path.slice(0, Math.min(...pageAt));
  path = path.replace(/\/+$/, '');
  return { ok: true, baseUrl: `${url.protocol}//${url.host}${path}` };
}

export const SESSION_RESOURCE = '/rest/auth/1/session';

/** The URL the app calls to sign in, shown to the user before saving. */
export function sessionUrlFor(baseUrl: string): string {
  return `${baseUrl}${SESSION_RESOURCE}`;
}

/** http:// works, but says so: the password and the session cookie cross the network readable by anyone on it. */
export function plainHttpWarning(baseUrl: string): string | undefined {
  return /^http:\/\//i.test(baseUrl)
    ? 'Not encrypted: the password and session travel in clear over http://. Use https:// if the server offers it.'
    : undefined;
}
