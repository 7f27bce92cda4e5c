// What a cookie jar holds, without its values: the names the renderer may see, and an identity that changes only
// when a cookie is set, replaced or dropped (so an unchanged jar is not sealed and written again).
import { createHash } from 'node:crypto';
import type { CookieJar } from 'tough-cookie';

export interface JarSummary {
  names: string[];
  version: string;
}

export function summarizeJar(jar: CookieJar): JarSummary {
  const cookies = jar.serializeSync()?.cookies ?? [];
  const identity = cookies
    .map((cookie) => [cookie.key, cookie.value, cookie.domain, cookie.path, cookie.expires].join('\u0000'))
    .sort()
    .join('\u0001');
  return {
    names: [...new Set(cookies.map((cookie) => String(cookie.key)))].sort(),
    version: createHash('sha256').update(identity).digest('hex'),
  };
}
