// Avatars need the session cookie, so main loads them and hands the renderer a data: URI. Only from the
// profile's own origin (the cookie must not travel elsewhere), only images, only small ones.
const MAX_AVATAR_BYTES = 512 * 1024;
const AVATAR_TYPES = /^image\/(png|jpeg|gif|webp|svg\+xml)$/i;

/** The avatar to load from Jira's avatarUrls, or undefined when there is none this profile may fetch. */
export function avatarTarget(avatarUrls: Record<string, string> | undefined, baseUrl: string): URL | undefined {
  const href = avatarUrls?.['48x48'] ?? avatarUrls?.['32x32'];
  if (!href) return undefined;
  const url = new URL(href, baseUrl);
  if (url.origin !== new URL(baseUrl).origin) return undefined;
  // Jira names the not-signed-in user "anonymous": there is never an avatar worth a request for it.
  if (url.searchParams.get('ownerId') === 'anonymous') return undefined;
  return url;
}

export function avatarDataUri(answer: { status: number; contentType: string; body: Buffer }): string | undefined {
  if (answer.status !== 200 || !AVATAR_TYPES.test(answer.contentType) || answer.body.length > MAX_AVATAR_BYTES) {
    return undefined;
  }
  return `data:${answer.contentType.toLowerCase()};base64,${answer.body.toString('base64')}`;
}
