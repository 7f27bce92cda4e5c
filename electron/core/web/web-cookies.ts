// Translation between a profile's tough-cookie jar and the cookies of its web window (Electron's cookie shape).
// Pure: the same table of tests covers host-only and domain cookies, paths, flags, SameSite and expiry.
import { Cookie, CookieJar, domainMatch } from 'tough-cookie';
import type { WebCookie } from './web-session-port';

type SerializedCookie = Record<string, unknown>;

const TO_WEB_SAME_SITE: Record<string, WebCookie['sameSite']> = {
  strict: 'strict',
  lax: 'lax',
  none: 'no_restriction',
};
const FROM_WEB_SAME_SITE: Partial<Record<WebCookie['sameSite'], string>> = {
  strict: 'strict',
  lax: 'lax',
  no_restriction: 'none',
};

function serializedCookies(serializedJar: string): SerializedCookie[] {
  return (CookieJar.deserializeSync(serializedJar).serializeSync()?.cookies ?? []) as SerializedCookie[];
}

/** The jar's live cookies in Electron's shape; expired ones are left behind. */
export function jarToWebCookies(serializedJar: string, now: number): WebCookie[] {
  const cookies: WebCookie[] = [];
  for (const json of serializedCookies(serializedJar)) {
    const cookie = Cookie.fromJSON(json);
    if (!cookie?.domain) continue;
    const persistent = json.expires !== undefined || json.maxAge !== undefined;
    const expiresAt = persistent ? cookie.expiryTime() : undefined;
    if (expiresAt !== undefined && expiresAt <= now) continue;
    const sameSite = TO_WEB_SAME_SITE[String(cookie.sameSite ?? '').toLowerCase()] ?? 'unspecified';
    cookies.push({
      name: cookie.key,
      value: cookie.value,
      domain: cookie.hostOnly === false ? `.${cookie.domain}` : cookie.domain,
      hostOnly: cookie.hostOnly !== false,
      path: cookie.path ?? '/',
      secure: cookie.secure,
      httpOnly: cookie.httpOnly,
      sameSite,
      ...(expiresAt !== undefined && Number.isFinite(expiresAt) ? { expirationDate: expiresAt / 1000 } : {}),
    });
  }
  return cookies;
}

/**
 * A serialized jar holding those of the web window's cookies that the server's host would be sent: a window's
 * session may also hold the identity provider's cookies, which are none of the jar's business.
 */
export function webCookiesToJar(cookies: readonly WebCookie[], baseUrl: string, now: number): string {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  const stamp = new Date(now).toISOString();
  const kept: SerializedCookie[] = [];
  for (const cookie of cookies) {
    const domain = cookie.domain.replace(/^\./, '').toLowerCase();
    const applies = cookie.hostOnly ? domain === host.toLowerCase() : domainMatch(host, domain) === true;
    if (!applies || cookie.name === '') continue;
    if (cookie.expirationDate !== undefined && cookie.expirationDate * 1000 <= now) continue;
    const sameSite = FROM_WEB_SAME_SITE[cookie.sameSite];
    kept.push({
      key: cookie.name,
      value: cookie.value,
      domain,
      path: cookie.path || '/',
      hostOnly: cookie.hostOnly,
      creation: stamp,
      lastAccessed: stamp,
      ...(cookie.secure ? { secure: true } : {}),
      ...(cookie.httpOnly ? { httpOnly: true } : {}),
      ...(sameSite ? { sameSite } : {}),
      ...(cookie.expirationDate !== undefined
        ? { expires: new Date(Math.round(cookie.expirationDate * 1000)).toISOString() }
        : {}),
    });
  }
  const jar = new CookieJar().serializeSync();
  return JSON.stringify({ ...jar, cookies: kept });
}
