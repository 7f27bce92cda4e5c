// Keeps one profile's web session and the core's jar in step. The jar's cookies go in before the first page loads;
// what the server sets afterwards comes back out, a short while after the last change of a burst, and only when it
// differs from what is known — so the copy-in itself, or the jar's own cookies coming back, are never handed over.
import type { Session } from 'electron';
import type { WebCookie } from '../../core/web/web-session-port';
import { cookieBelongsToHost, cookieFingerprint, fromElectronCookie, toCookieDetails } from './electron-cookies';

/** A sign-in sets several cookies one after another; they are read once the burst is over. */
export const COOKIE_SETTLE_MS = 300;

export interface CookieSyncOptions {
  session: Session;
  /** The server's base URL: only cookies its host would be sent are handed over (not the identity provider's). */
  serverUrl: URL;
  /** The server's cookies after a change; called one at a time, in order. */
  onCookies(cookies: WebCookie[]): Promise<void>;
  onError?(error: unknown): void;
}

export interface CookieSync {
  /** Sets the cookies in the web session, all of them settled when this resolves. */
  copyIn(cookies: readonly WebCookie[]): Promise<void>;
  /** The server's cookies in the web session now. */
  read(): Promise<WebCookie[]>;
  dispose(): void;
}

export function createCookieSync(options: CookieSyncOptions): CookieSync {
  const { session, serverUrl } = options;
  let known = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  let disposed = false;

  const read = async (): Promise<WebCookie[]> =>
    (await session.cookies.get({}))
      .map(fromElectronCookie)
      .filter((cookie) => cookieBelongsToHost(cookie, serverUrl.hostname));

  const flush = (): void => {
    timer = undefined;
    queue = queue
      .then(async () => {
        if (disposed) return;
        const cookies = await read();
        const fingerprint = cookieFingerprint(cookies);
        if (fingerprint === known) return;
        known = fingerprint;
        try {
          await options.onCookies(cookies);
        } catch (error) {
          // Not taken: the next change hands everything over again.
          known = '';
          throw error;
        }
      })
      .catch((error: unknown) => options.onError?.(error));
  };

  const onChanged = (): void => {
    clearTimeout(timer);
    timer = setTimeout(flush, COOKIE_SETTLE_MS);
  };
  session.cookies.on('changed', onChanged);

  return {
    read,
    copyIn(cookies) {
      // In the same queue as the reads, so a read never sees half a copy-in.
      const done = queue.then(async () => {
        await Promise.all(cookies.map((cookie) => session.cookies.set(toCookieDetails(cookie, serverUrl))));
        // What is in the session now counts as known, so the changes the copy-in caused are not handed back.
        known = cookieFingerprint(await read());
      });
      queue = done.catch(() => undefined);
      return done;
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      session.cookies.removeListener('changed', onChanged);
    },
  };
}
