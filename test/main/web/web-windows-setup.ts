// What the web-window tests share: two profiles on one host (a context path, a cluster's sticky cookie), a fake
// port holding their jars, the module made against a temporary data folder, and handles on the window it made.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { appError } from '../../../electron/core/errors';
import type { LogSink } from '../../../electron/core/ports';
import type { WebCookie } from '../../../electron/core/web/web-session-port';
import { createWebWindows } from '../../../electron/main/web/web-windows';
import type { WebWindowsOptions } from '../../../electron/main/web/web-windows';
import type { ServerProfile, SessionState } from '../../../electron/shared/model';
import { FakeBaseWindow } from '../electron-mock';
import type { FakeSession, FakeWebContentsView } from '../electron-mock';
import { profile, session } from '../fake-core';
import { FakeWebSessionPort } from './fake-web-session-port';

export const BASE_URL = 'https://jira.example.com/jira';
export const ORIGIN = 'https://jira.example.com';
export const IDP_URL = 'https://idp.example.net/saml/login?SAMLRequest=abc';

export function jiraCookie(overrides: Partial<WebCookie> = {}): WebCookie {
  return {
    name: 'JSESSIONID',
    value: 'JAR-SESSION',
    domain: 'jira.example.com',
    hostOnly: true,
    path: '/jira',
    secure: true,
    httpOnly: true,
    sameSite: 'unspecified',
    ...overrides,
  };
}

/** The load balancer's sticky cookie: a domain cookie on the root path, expiring, SameSite=None. */
export const STICKY_COOKIE: WebCookie = jiraCookie({
  name: 'AWSALB',
  value: 'node-2',
  domain: '.example.com',
  hostOnly: false,
  path: '/',
  httpOnly: false,
  sameSite: 'no_restriction',
  expirationDate: 1_900_000_000,
});

/** A signed-in profile's jar: the session under the context path, the XSRF token, the balancer's sticky cookie. */
export function signedInJar(session = 'JAR-SESSION'): WebCookie[] {
  return [
    jiraCookie({ value: session }),
    jiraCookie({ name: 'atlassian.xsrf.token', value: 'XSRF-1', httpOnly: false, sameSite: 'lax' }),
    STICKY_COOKIE,
  ];
}

export const PROFILES: ServerProfile[] = [
  profile('prod', { label: 'Prod <b>"&"</b>', baseUrl: BASE_URL, environment: 'production' }),
  profile('stage', { label: 'Staging', baseUrl: BASE_URL, environment: 'staging' }),
];

export async function setup(overrides: Partial<WebWindowsOptions> = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'jsm-web-'));
  const port = new FakeWebSessionPort();
  port.jars.set('prod', signedInJar());
  port.jars.set('stage', signedInJar('STAGE-SESSION'));
  const log = vi.fn<LogSink>();
  const options = {
    port,
    profile: vi.fn(async (id: string) => {
      const found = PROFILES.find((candidate) => candidate.id === id);
      if (!found) throw appError('not-found', 'There is no such server.');
      return found;
    }),
    state: vi.fn(async (id: string): Promise<SessionState> => session(id, 'expired')),
    openExternal: vi.fn(),
    dataDir,
    isPackaged: true,
    log,
    ...overrides,
  } satisfies WebWindowsOptions;
  const windows = createWebWindows(options);
  return { windows, port, options, log, dataDir, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

export interface OpenedWebWindow {
  window: FakeBaseWindow;
  bar: FakeWebContentsView;
  jira: FakeWebContentsView;
  session: FakeSession;
}

/** The web window made last (or the index-th), with its two views. */
export function webWindow(index = -1): OpenedWebWindow {
  const window = FakeBaseWindow.instances.at(index);
  if (!window) throw new Error('No web window was made');
  const [bar, jira] = window.contentView.children;
  if (!bar || !jira) throw new Error('The web window does not have its two views');
  return { window, bar, jira, session: jira.webContents.session };
}

/** The HTML the bar shows now, decoded from its data: URL. */
export function barHtml(bar: FakeWebContentsView): string {
  const url = bar.webContents.loadURL.mock.calls.at(-1)?.[0] ?? '';
  const prefix = 'data:text/html;charset=utf-8,';
  if (!url.startsWith(prefix)) throw new Error(`The bar shows ${url}`);
  return decodeURIComponent(url.slice(prefix.length));
}

/** What the server does to the page's cookies: sets one, as a response would. */
export function serverSets(target: FakeSession, cookie: WebCookie): Promise<void> {
  const host = cookie.domain.replace(/^\./, '');
  return target.cookies.set({
    url: `https://${host}${cookie.path}`,
    name: cookie.name,
    value: cookie.value,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite,
    ...(cookie.hostOnly ? {} : { domain: cookie.domain }),
  });
}

export const urlEvent = (url: string, extra: Record<string, unknown> = {}) => ({
  url,
  preventDefault: vi.fn(),
  ...extra,
});
