// Opens the built renderer in Debian's Chromium with `window.jiraSessions` supplied the way the preload supplies
// it — one method per contract channel, rejecting with AppErrorInfo — but wired through page.exposeBinding to a
// real createAppCore in this process. Shell channels (native dialogs, the system browser) are recorded.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/content-security-policy';
import { toAppErrorInfo, type AppCore } from '../../../electron/core';
import {
  BRIDGE_EVENTS,
  BRIDGE_METHODS,
  isShellChannel,
  type CoreChannel,
  type CoreEventName,
  type IpcResponse,
} from '../../../electron/shared/contract';
import type { ChosenCertificate } from '../../../electron/shared/model';
import type { BrowserWebWindows } from './browser-web-windows';
import { createUpdateController, type UpdateController } from '../../../electron/main/updates/update-controller';
import { detectUpdateFeed } from '../../../electron/main/updates/update-feed';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface BrowserAppOptions {
  core: AppCore;
  rendererDir: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel: Electron's zoom factor (a 720×480 window at 150% is a 480×320 CSS viewport). */
  deviceScaleFactor?: number;
  forcedColors?: 'active' | 'none';
  chooseCaCertificate?: () => ChosenCertificate | null;
  /** Serves `web:open` and `session:webLogin` the way main's web windows do. */
  webWindows?: BrowserWebWindows;
  /** Serves the updates channels; by default main's controller as it runs from source (updates not configured). */
  updates?: Pick<UpdateController, 'state' | 'check' | 'install'>;
}

/** main's update controller as an app run from source has it: no feed, so updates are off and say why. */
export function unpackagedUpdates(): UpdateController {
  return createUpdateController({
    currentVersion: '0.1.0',
    feed: detectUpdateFeed({ isPackaged: false, resourcesPath: undefined }),
    loadUpdater: () => Promise.reject(new Error('No updater without a feed')),
    lastCheck: { load: () => undefined, save: () => undefined },
  });
}

export interface BrowserApp {
  page: Page;
  /** Console errors the page logged, CSP violations among them. */
  consoleErrors: string[];
  /** URLs the app asked to open in the system browser. */
  openedExternally: string[];
  /** Tokens the app asked main to put on the clipboard. */
  copiedTokens: string[];
  /** Shell folder channels the page called (logs folder, store backup). */
  foldersShown: string[];
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Serves a built renderer folder on 127.0.0.1 (module scripts do not run from file://). */
export async function serveFolder(folder: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(folder, path === '/' ? 'index.html' : path);
    if (!file.startsWith(folder)) return void res.writeHead(403).end();
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    // HTML goes out with the very policy main's app:// handler sends.
    const headers: Record<string, string> = type.startsWith('text/html')
      ? { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY }
      : { 'Content-Type': type };
    readFile(file).then(
      (body) => res.writeHead(200, headers).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function openBrowserApp(browser: Browser, options: BrowserAppOptions): Promise<BrowserApp> {
  const site = await serveFolder(options.rendererDir);
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 820 },
    deviceScaleFactor: options.deviceScaleFactor,
    forcedColors: options.forcedColors,
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
  });
  const page = await context.newPage();
  const updates = options.updates ?? unpackagedUpdates();
  const openedExternally: string[] = [];
  const copiedTokens: string[] = [];
  const foldersShown: string[] = [];
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  await page.exposeBinding(
    '__jsmInvoke',
    async (_source, channel: string, args: unknown[]): Promise<IpcResponse<unknown>> => {
      try {
        if (channel === 'shell:openExternal') {
          openedExternally.push(String(args[0]));
          return { ok: true, value: undefined };
        }
        if (channel === 'clipboard:copyToken') {
          copiedTokens.push(String(args[0]));
          return { ok: true, value: undefined };
        }
        if (channel === 'dialog:chooseCaCertificate')
          return { ok: true, value: options.chooseCaCertificate?.() ?? null };
        if (channel === 'web:open' && options.webWindows) {
          const [profileId, path] = args as [string, string | undefined];
          return { ok: true, value: await options.webWindows.open(profileId, path) };
        }
        if (channel === 'session:webLogin' && options.webWindows)
          return { ok: true, value: await options.webWindows.signIn(String(args[0])) };
        if (channel === 'shell:openLogsFolder' || channel === 'shell:showStoreBackup') {
          foldersShown.push(channel);
          return { ok: true, value: undefined };
        }
        if (channel === 'updates:state') return { ok: true, value: updates.state() };
        if (channel === 'updates:check') return { ok: true, value: await updates.check() };
        if (channel === 'updates:install') return { ok: true, value: updates.install() };
        if (isShellChannel(channel as CoreChannel)) throw new Error(`unhandled shell channel ${channel}`);
        const invoke = options.core.invoke as (name: CoreChannel, ...rest: unknown[]) => Promise<unknown>;
        return { ok: true, value: await invoke(channel as CoreChannel, ...args) };
      } catch (error) {
        return { ok: false, error: toAppErrorInfo(error) };
      }
    },
  );
  await page.addInitScript(
    ({ methods, events }) => {
      type Listener = (payload: unknown) => void;
      const listeners = new Map<string, Set<Listener>>();
      const host = window as unknown as {
        __jsmInvoke(channel: string, args: unknown[]): Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
        __jsmEmit(event: string, payload: unknown): void;
        jiraSessions: Record<string, unknown>;
      };
      const bridge: Record<string, unknown> = {};
      for (const [method, channel] of Object.entries(methods)) {
        bridge[method] = async (...args: unknown[]) => {
          const response = await host.__jsmInvoke(channel, args);
          if (response.ok) return response.value;
          throw response.error;
        };
      }
      for (const [method, event] of Object.entries(events)) {
        bridge[method] = (listener: Listener) => {
          const set = listeners.get(event) ?? new Set<Listener>();
          set.add(listener);
          listeners.set(event, set);
          return () => set.delete(listener);
        };
      }
      host.__jsmEmit = (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload));
      host.jiraSessions = Object.freeze(bridge);
    },
    { methods: BRIDGE_METHODS, events: BRIDGE_EVENTS },
  );

  const forward = (event: CoreEventName) =>
    options.core.on(event, (payload) => {
      void page
        .evaluate(
          ([name, data]) => (window as unknown as { __jsmEmit(e: string, p: unknown): void }).__jsmEmit(name, data),
          [event, payload] as const,
        )
        .catch(() => undefined);
    });
  const unsubscribe = [forward('sessions:delta'), forward('profiles:changed')];

  await page.goto(site.url);
  return {
    page,
    openedExternally,
    copiedTokens,
    foldersShown,
    consoleErrors,
    close: async () => {
      unsubscribe.forEach((stop) => stop());
      await context.close();
      await site.close();
    },
  };
}
