// Main's web windows played by Playwright: one browser context per profile stands in for the profile's in-memory
// Electron partition, and talks to the real core through the very port main uses (`core.web`): the profile's cookies
// go in before the first load, cookies the pages change go back as a sign-in to adopt or a session to keep in step,
// and an ended session closes the profile's pages and clears its context.
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import type { AppCore } from '../../../electron/core/app-core';
import type { WebCookie } from '../../../electron/core/web/web-session-port';
import type { SessionState } from '../../../electron/shared/model';
import { DEFAULT_WEB_PATH, webPageUrl } from '../../../electron/shared/web-pages';

type PlaywrightCookie = Parameters<BrowserContext['addCookies']>[0][number];

const TO_PLAYWRIGHT_SAME_SITE = { strict: 'Strict', lax: 'Lax', no_restriction: 'None', unspecified: 'Lax' } as const;
const FROM_PLAYWRIGHT_SAME_SITE = { Strict: 'strict', Lax: 'lax', None: 'no_restriction' } as const;

export function toPlaywrightCookie(cookie: WebCookie): PlaywrightCookie {
  const host = cookie.domain.replace(/^\./, '');
  return {
    name: cookie.name,
    value: cookie.value,
    // A host-only cookie is given by URL; a domain cookie by its (dotted) domain.
    ...(cookie.hostOnly
      ? { url: `${cookie.secure ? 'https' : 'http'}://${host}${cookie.path}` }
      : { domain: cookie.domain, path: cookie.path }),
    httpOnly: cookie.httpOnly,
    secure: cookie.secure,
    sameSite: TO_PLAYWRIGHT_SAME_SITE[cookie.sameSite],
    ...(cookie.expirationDate !== undefined ? { expires: cookie.expirationDate } : {}),
  };
}

export function fromPlaywrightCookie(cookie: Cookie): WebCookie {
  return {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    hostOnly: !cookie.domain.startsWith('.'),
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: FROM_PLAYWRIGHT_SAME_SITE[cookie.sameSite],
    ...(cookie.expires > 0 ? { expirationDate: cookie.expires } : {}),
  };
}

interface ProfileWindow {
  context: BrowserContext;
  page: Page;
  mode: 'sign-in' | 'work';
  closed?: boolean;
  lastSessionId?: string;
  finish?: (state: SessionState) => void;
}

export interface BrowserWebWindows {
  open(profileId: string, path?: string): Promise<void>;
  signIn(profileId: string): Promise<SessionState>;
  /** The page a profile's window shows, once it is open. */
  page(profileId: string): Page | undefined;
  dispose(): Promise<void>;
}

export function createBrowserWebWindows(browser: Browser, core: AppCore): BrowserWebWindows {
  const windows = new Map<string, ProfileWindow>();

  const baseUrlOf = async (profileId: string): Promise<string> => {
    const profile = (await core.invoke('profiles:list')).find((candidate) => candidate.id === profileId);
    if (!profile) throw new Error(`no profile ${profileId}`);
    return profile.baseUrl;
  };

  const close = async (profileId: string): Promise<void> => {
    const window = windows.get(profileId);
    if (!window) return;
    windows.delete(profileId);
    window.closed = true;
    await window.context.clearCookies();
    await window.context.close();
  };

  /**
   * After every response: a new session id goes to the core, as main's cookie watcher does after its debounce. The
   * reads run one at a time, in order, as main's do: an earlier read answering late must not hand the core a session
   * id the window has already left (it would end the session just adopted).
   */
  const watch = (profileId: string, window: ProfileWindow, baseUrl: string): void => {
    let queue: Promise<void> = Promise.resolve();
    window.context.on('response', () => {
      queue = queue
        .then(async () => {
          // A closed window's cleared jar is no sign-out, as main's disposed cookie watcher reads nothing.
          if (window.closed) return;
          const cookies = (await window.context.cookies(baseUrl)).map(fromPlaywrightCookie);
          if (window.closed) return;
          const sessionId = cookies.find((cookie) => cookie.name === 'JSESSIONID')?.value;
          if (sessionId === window.lastSessionId) return;
          window.lastSessionId = sessionId;
          if (window.mode === 'work') return core.web.sync(profileId, cookies);
          if (sessionId === undefined) return;
          const adopted = await core.web.adoptSignIn(profileId, cookies);
          if (!adopted) return;
          window.mode = 'work';
          window.finish?.(adopted);
        })
        .catch(() => undefined);
    });
  };

  const windowFor = async (profileId: string, mode: ProfileWindow['mode']): Promise<ProfileWindow> => {
    const existing = windows.get(profileId);
    if (existing) return existing;
    const baseUrl = await baseUrlOf(profileId);
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    const cookies = await core.web.cookies(profileId);
    await context.addCookies(cookies.map(toPlaywrightCookie));
    const page = await context.newPage();
    const window: ProfileWindow = {
      context,
      page,
      mode,
      ...(cookies.some((cookie) => cookie.name === 'JSESSIONID')
        ? { lastSessionId: cookies.find((cookie) => cookie.name === 'JSESSIONID')?.value }
        : {}),
    };
    windows.set(profileId, window);
    watch(profileId, window, baseUrl);
    return window;
  };

  const unsubscribe = core.web.onChange((change) => {
    if (change.kind === 'ended') void close(change.profileId);
  });

  return {
    async open(profileId, path = DEFAULT_WEB_PATH) {
      const window = await windowFor(profileId, 'work');
      await window.page.goto(webPageUrl(await baseUrlOf(profileId), path));
    },
    async signIn(profileId) {
      const window = await windowFor(profileId, 'sign-in');
      window.mode = 'sign-in';
      const done = new Promise<SessionState>((resolve) => {
        window.finish = resolve;
        window.page.once('close', () => {
          void core.invoke('sessions:list').then((states) => {
            const state = states.find((candidate) => candidate.profileId === profileId);
            if (state) resolve(state);
          });
        });
      });
      const baseUrl = await baseUrlOf(profileId);
      await window.page.goto(`${baseUrl}/login.jsp?os_destination=${encodeURIComponent(DEFAULT_WEB_PATH)}`);
      const state = await done;
      await close(profileId);
      return state;
    },
    page: (profileId) => windows.get(profileId)?.page,
    async dispose() {
      unsubscribe();
      await Promise.all([...windows.keys()].map((profileId) => close(profileId)));
    },
  };
}
