// When two saved servers are the same one: the same normalised base URL and the same user. The editor asks before
// saving a second copy, and an import applies the same rule, so the list never holds a server twice by accident.
import { normalizeBaseUrl } from './base-url';

export interface ServerIdentity {
  baseUrl: string;
  username: string;
}

/** The key two entries share when they are the same server. Jira user names ignore case; context paths do not. */
export function sameServerKey({ baseUrl, username }: ServerIdentity): string {
  const url = normalizeBaseUrl(baseUrl);
  return `${url.ok ? url.baseUrl : baseUrl.trim()}\n${username.trim().toLowerCase()}`;
}

export function isSameServer(a: ServerIdentity, b: ServerIdentity): boolean {
  return sameServerKey(a) === sameServerKey(b);
}

/** The first saved server that `candidate` duplicates, leaving out the entry being edited (`candidate.id`). */
export function findSameServer<T extends ServerIdentity & { id: string }>(
  saved: readonly T[],
  candidate: ServerIdentity & { id?: string },
): T | undefined {
  const key = sameServerKey(candidate);
  return saved.find((entry) => entry.id !== candidate.id && sameServerKey(entry) === key);
}
