import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  isAppUrl,
  mimeTypeFor,
  registerAppProtocol,
  registerAppSchemePrivileges,
  resolveAppFile,
} from '../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/content-security-policy';

let workDir: string;
let rootDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'jsm-protocol-'));
  rootDir = path.join(workDir, 'renderer');
  await mkdir(path.join(rootDir, 'assets'), { recursive: true });
  await writeFile(path.join(rootDir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(rootDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(rootDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(rootDir, 'assets', 'weird name.svg'), '<svg/>');
  // A file next to the renderer folder that no URL may reach.
  await writeFile(path.join(workDir, 'secret.json'), '{"cookie":"JSESSIONID=abc"}');
  await mkdir(path.join(workDir, 'renderer-evil'), { recursive: true });
  await writeFile(path.join(workDir, 'renderer-evil', 'x.js'), 'evil');
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('isAppUrl', () => {
  it('accepts only app://jira-session-manager URLs', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/x.js`)).toBe(true);
    expect(isAppUrl('app://other-host/index.html')).toBe(false);
    expect(isAppUrl('https://jira-session-manager/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('app://user:pw@jira-session-manager/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('resolveAppFile', () => {
  it('maps the root and plain paths into the renderer folder', () => {
    expect(resolveAppFile(rootDir, `${APP_ORIGIN}/`)).toBe(path.join(rootDir, 'index.html'));
    expect(resolveAppFile(rootDir, APP_ENTRY_URL)).toBe(path.join(rootDir, 'index.html'));
    expect(resolveAppFile(rootDir, `${APP_ORIGIN}/assets/index-abc.js?v=1#x`)).toBe(
      path.join(rootDir, 'assets', 'index-abc.js'),
    );
    expect(resolveAppFile(rootDir, `${APP_ORIGIN}/assets/weird%20name.svg`)).toBe(
      path.join(rootDir, 'assets', 'weird name.svg'),
    );
  });

  it.each([
    ['the parent folder itself', `${APP_ORIGIN}/..%2f`],
    ['encoded slash', `${APP_ORIGIN}/..%2fsecret.json`],
    ['encoded slash deeper', `${APP_ORIGIN}/assets/..%2F..%2Fsecret.json`],
    ['encoded slashes all the way up', `${APP_ORIGIN}/..%2f..%2f..%2fetc%2fpasswd`],
    ['encoded backslash', `${APP_ORIGIN}/..%5csecret.json`],
    ['encoded dots and backslash', `${APP_ORIGIN}/%2e%2e%5csecret.json`],
    ['a sibling folder sharing the prefix', `${APP_ORIGIN}/..%2Frenderer-evil%2Fx.js`],
    ['a NUL byte', `${APP_ORIGIN}/index.html%00.js`],
    ['a malformed escape', `${APP_ORIGIN}/%E0%A4%A`],
    ['another host', 'app://elsewhere/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppFile(rootDir, url)).toBeNull();
  });

  it.each([
    ['dot segments', `${APP_ORIGIN}/../secret.json`],
    ['encoded dot segments', `${APP_ORIGIN}/assets/%2e%2e/%2e%2e/secret.json`],
    ['an absolute path', `${APP_ORIGIN}/%2Fetc%2Fpasswd`],
  ])('keeps %s inside the renderer folder', (_label, url) => {
    // The URL parser folds these before we see them; what is left must name a file under rootDir.
    const resolved = resolveAppFile(rootDir, url);
    expect(resolved).not.toBeNull();
    expect(resolved?.startsWith(rootDir + path.sep)).toBe(true);
    expect(resolved).not.toBe(path.join(workDir, 'secret.json'));
  });
});

describe('mimeTypeFor', () => {
  it('names the types the renderer build contains', () => {
    expect(mimeTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a/x.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a/x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a/x.unknown')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler({ rootDir });

  it('serves index.html with the CSP header', async () => {
    const response = await handler()(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>app</title>');
  });

  it('serves scripts and styles with their types and without a CSP header', async () => {
    const script = await handler()(new Request(`${APP_ORIGIN}/assets/index-abc.js`));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(await script.text()).toBe('console.log(1)');
    const style = await handler()(new Request(`${APP_ORIGIN}/assets/index-abc.css`));
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for missing files, directories and traversal attempts', async () => {
    expect((await handler()(new Request(`${APP_ORIGIN}/missing.js`))).status).toBe(404);
    expect((await handler()(new Request(`${APP_ORIGIN}/assets`))).status).toBe(404);
    const traversal = await handler()(new Request(`${APP_ORIGIN}/..%2fsecret.json`));
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('JSESSIONID');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    const head = await handler()(new Request(APP_ENTRY_URL, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('reads through the injected reader and maps its failure to 404', async () => {
    const readFile = vi.fn(async () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    });
    const response = await createAppProtocolHandler({ rootDir, readFile })(new Request(APP_ENTRY_URL));
    expect(readFile).toHaveBeenCalledWith(path.join(rootDir, 'index.html'));
    expect(response.status).toBe(404);
  });
});

describe('registration', () => {
  it('registers the app scheme as standard and secure, before ready', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppSchemePrivileges(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.allowServiceWorkers).toBeFalsy();
  });

  it('handles the app scheme with a handler that serves the root folder', async () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, rootDir);
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, registered] = protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    expect((await registered(new Request(APP_ENTRY_URL))).status).toBe(200);
  });
});
