// The "same server" rule: two entries are one server when their normalised base URL and username match. Import
// uses it to find duplicates; the list uses it to warn about a second entry for the same account.
import { normalizeBaseUrl } from './base-url';

/** A key equal for the same account on the same server: scheme, host and path as normalised, user without case. */
export function sameServerKey(baseUrl: string, username: string): string {
  const normalized = normalizeBaseUrl(baseUrl);
  const url = (normalized.ok ? normalized.baseUrl : baseUrl.trim()).toLowerCase();
  return `${url}\n${username.trim().toLowerCase()}`;
}

export function isSameServer(
  a: { baseUrl: string; username: string },
  b: { baseUrl: string; username: string },
): boolean {
  return sameServerKey(a.baseUrl, a.username) === sameServerKey(b.baseUrl, b.username);
}
