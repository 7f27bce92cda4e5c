// The renderer is served from app://jira-session-manager/ rather than file://, so it has a real origin (the IPC
// sender check and the CSP both rely on it) and no file:// privileges, and can reach only the built renderer files.
import { readFile as readFileFromDisk } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'jira-session-manager';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Must be registered before the app is ready. `standard` gives the scheme real origins and relative URLs, `secure`
 * makes it a secure context. `supportFetchAPI` and `corsEnabled` let Vite's `<script type="module" crossorigin>`
 * load: module scripts are fetched in CORS mode, which Chromium refuses for schemes not enabled for it. Cross-origin
 * reads stay impossible because no response carries Access-Control-Allow-Origin.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** True for URLs of the app's own pages. (WHATWG URL gives custom schemes the origin "null", so compare parts.) */
export function isAppUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * Maps an app:// URL to a file inside rootDir, or null when the URL names anything else: another host, a path that
 * climbs out of rootDir (also when its dots or slashes are percent-encoded), a NUL byte or a backslash.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  // NUL bytes end paths in C; backslashes are separators on Windows. Neither has a place in the renderer build.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relativePath = pathname.replace(/^[/\\]+/, '') || 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relativePath);
  const fromRoot = path.relative(root, file);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${path.sep}`) || path.isAbsolute(fromRoot)) {
    return null;
  }
  return file;
}

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppProtocolHandlerOptions {
  rootDir: string;
  readFile?: (file: string) => Promise<Uint8Array>;
}

/** The `protocol.handle` handler: plain files, CSP on HTML, nothing outside rootDir, GET and HEAD only. */
export function createAppProtocolHandler(options: AppProtocolHandlerOptions): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? readFileFromDisk;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    const file = resolveAppFile(options.rootDir, request.url);
    if (file === null) return new Response(null, { status: 404 });
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      // Missing file or a directory: both are simply not found.
      return new Response(null, { status: 404 });
    }
    const contentType = mimeTypeFor(file);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
    if (contentType.startsWith('text/html')) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    return new Response(request.method === 'HEAD' ? null : new Blob([body as Uint8Array<ArrayBuffer>]), {
      status: 200,
      headers,
    });
  };
}

/** Call before `app` is ready: Chromium reads scheme privileges at start-up only. */
export function registerAppSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Call once the app is ready; serves rootDir (dist/renderer) on the default session. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir }));
}
