// What a cookie jar holds, without its values: the names the renderer may see, and an identity that changes only
// when a cookie is set, replaced or dropped (so an unchanged jar is not sealed and written again).
import { createHash } from 'node:crypto';
import type { Cookie, CookieJar } from 'tough-cookie';

export interface JarSummary {
  names: string[];
  version: string;
}

/** Every empty jar's summary, hashed once: each saved server starts with one. */
const EMPTY: JarSummary = { names: [], version: createHash('sha256').update('').digest('hex') };

export function summarizeJar(jar: CookieJar): JarSummary {
  const cookies = cookiesOf(jar);
  if (cookies.length === 0) return { ...EMPTY, names: [] };
  const identity = cookies
    .map((cookie) => [cookie.key, cookie.value, cookie.domain, cookie.path, expiry(cookie)].map(String).join('\u0000'))
    .sort()
    .join('\u0001');
  return {
    names: [...new Set(cookies.map((cookie) => String(cookie.key)))].sort(),
    version: createHash('sha256').update(identity).digest('hex'),
  };
}

/**
 * The jar's cookies as they are, not serialised one by one (the cost of restoring a thousand sessions at start-up
 * was mostly that). The in-memory store answers at once; a store that would not is serialised instead.
 */
function cookiesOf(jar: CookieJar): CookieParts[] {
  let cookies: Cookie[] | undefined;
  void jar.store.getAllCookies((error, all) => {
    if (!error) cookies = all ?? [];
  });
  return cookies ?? jar.serializeSync()?.cookies ?? [];
}

type CookieParts = Partial<Record<'key' | 'value' | 'domain' | 'path' | 'expires', unknown>>;

// A date, as serialising would write it; "Infinity" (a session cookie) or nothing as it is.
function expiry({ expires }: CookieParts): string {
  return expires instanceof Date ? expires.toISOString() : String(expires ?? '');
}
