// One web window as Jira's page and the user meet it: the views and their preferences, the guards, the bar.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENVIRONMENT_COLOURS } from '../../../electron/main/web/web-bar';
import { BAR_PARTITION, jiraViewPreferences } from '../../../electron/main/web/web-window';
import { clipboard, resetElectronMock, session as electronSession } from '../electron-mock';
import { BASE_URL, IDP_URL, ORIGIN, barHtml, setup, urlEvent, webWindow } from './web-windows-setup';

vi.mock('electron', () => import('../electron-mock').then((mock) => mock.electronModule));

let cleanup: () => Promise<void> = async () => undefined;
beforeEach(() => resetElectronMock());
afterEach(() => cleanup());

async function openProd(overrides: Parameters<typeof setup>[0] = {}) {
  const made = await setup(overrides);
  cleanup = made.cleanup;
  await made.windows.open('prod');
  return { ...made, ...webWindow() };
}

describe('the views', () => {
  it("puts Jira's page on the profile's partition with the secure preferences and no preload", async () => {
    const { jira } = await openProd();
    const preferences = jira.options.webPreferences ?? {};
    expect(preferences).toEqual(jiraViewPreferences('jira-web:prod', true));
    expect(preferences).toMatchObject({
      partition: 'jira-web:prod',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
    });
    expect(preferences).not.toHaveProperty('preload');
  });

  it('allows devTools on the page only when not packaged', async () => {
    const { jira } = await openProd({ isPackaged: false });
    expect(jira.options.webPreferences?.devTools).toBe(true);
  });

  it('puts the bar in a view of its own above the page, without script or preload', async () => {
    const { window, bar, jira } = await openProd();
    expect(window.contentView.children).toEqual([bar, jira]);
    expect(bar.options.webPreferences).toMatchObject({ partition: BAR_PARTITION, sandbox: true, javascript: false });
    expect(bar.options.webPreferences).not.toHaveProperty('preload');
    expect(bar.bounds.y).toBe(0);
    expect(jira.bounds.y).toBe(bar.bounds.height);
    expect(jira.bounds.height + bar.bounds.height).toBe(window.getContentBounds().height);
    window.bounds = { ...window.bounds, width: 1300, height: 900 };
    window.emit('resize');
    expect(jira.bounds).toEqual({ x: 0, y: bar.bounds.height, width: 1300, height: 900 - bar.bounds.height });
  });

  it("keeps the window's title when the page sets its own", async () => {
    const { window, jira } = await openProd();
    const event = { preventDefault: vi.fn() };
    jira.webContents.emit('page-title-updated', event, 'System Dashboard - Jira');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.title).toBe('Prod <b>"&"</b> — Jira Session Manager');
  });
});

describe("guards on Jira's page", () => {
  it('lets the page move around its server', async () => {
    const { jira } = await openProd();
    const event = urlEvent(`${ORIGIN}/jira/browse/ABC-1`);
    jira.webContents.emit('will-navigate', event);
    const redirect = urlEvent(`${ORIGIN}/jira/secure/Dashboard.jspa`, { isMainFrame: true });
    jira.webContents.emit('will-redirect', redirect);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(redirect.preventDefault).not.toHaveBeenCalled();
  });

  it('sends a link to another origin to the system browser instead', async () => {
    const { jira, options } = await openProd();
    for (const url of ['https://confluence.example.com/display/X', 'http://jira.example.com/jira/', IDP_URL]) {
      const event = urlEvent(url);
      jira.webContents.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
      expect(options.openExternal).toHaveBeenLastCalledWith(url);
    }
  });

  it.each(['file:///etc/passwd', 'app://jira-session-manager/index.html', 'javascript:alert(1)', 'mailto:a@b.c'])(
    'refuses %s and opens nothing',
    async (url) => {
      const { jira, options } = await openProd();
      const event = urlEvent(url);
      jira.webContents.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
      jira.webContents.emit('will-redirect', urlEvent(url, { isMainFrame: true }));
      expect(options.openExternal).not.toHaveBeenCalled();
    },
  );

  it('denies window.open, offering http(s) links to the system browser', async () => {
    const { jira, options } = await openProd();
    const handler = jira.webContents.windowOpenHandler;
    expect(handler?.({ url: `${ORIGIN}/jira/browse/ABC-2` })).toEqual({ action: 'deny' });
    expect(options.openExternal).toHaveBeenCalledWith(`${ORIGIN}/jira/browse/ABC-2`);
    expect(handler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(options.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses webviews', async () => {
    const { jira } = await openProd();
    const event = { preventDefault: vi.fn() };
    jira.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('grants writing to the clipboard and nothing else', async () => {
    const { session: partition } = await openProd();
    const answer = (permission: string) => {
      const callback = vi.fn();
      partition.permissionRequestHandler?.({}, permission, callback, {});
      return [callback.mock.calls[0]?.[0], partition.permissionCheckHandler?.({}, permission, ORIGIN, {})];
    };
    expect(answer('clipboard-sanitized-write')).toEqual([true, true]);
    for (const denied of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(answer(denied)).toEqual([false, false]);
    }
    expect(partition.devicePermissionHandler?.({})).toBe(false);
  });

  it('cancels every request to app://', async () => {
    const { session: partition } = await openProd();
    expect(partition.beforeRequest?.filter).toEqual({ urls: ['app://*/*'] });
    const callback = vi.fn();
    partition.beforeRequest?.listener({ url: 'app://jira-session-manager/index.html' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('asks where to save a download, starting at its own file name', async () => {
    const { session: partition } = await openProd();
    const item = { getFilename: () => 'issues.csv', setSaveDialogOptions: vi.fn(), setSavePath: vi.fn() };
    const event = { preventDefault: vi.fn() };
    partition.emit('will-download', event, item, {});
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(item.setSavePath).not.toHaveBeenCalled();
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '/tmp/downloads/issues.csv' }),
    );
  });

  it('guards each partition once, however often its window is opened', async () => {
    const { windows, session: partition } = await openProd();
    await windows.closeProfile('prod');
    await windows.open('prod');
    expect(partition.listenerCount('will-download')).toBe(1);
    expect(electronSession.fromPartition(BAR_PARTITION).listenerCount('will-download')).toBe(1);
  });
});

describe('the bar', () => {
  it('shows the label escaped, the environment in its colour and the host of the page', async () => {
    const { bar } = await openProd();
    const html = barHtml(bar);
    expect(html).toContain('Prod &lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).toContain(`background: ${ENVIRONMENT_COLOURS.production.background}`);
    expect(html).toMatch(/>production</);
    expect(html).toContain('>jira.example.com<');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it("follows the page to another host, such as the identity provider's", async () => {
    const { bar, jira } = await openProd();
    jira.webContents.mainFrame.url = IDP_URL;
    jira.webContents.emit('did-navigate', {}, IDP_URL, 200, 'OK');
    expect(barHtml(bar)).toContain('>idp.example.net<');
  });

  it('offers Back and Forward only when there is somewhere to go', async () => {
    const { bar, jira } = await openProd();
    expect(barHtml(bar)).not.toContain('https://web-bar.invalid/back');
    jira.webContents.history.canGoBack = true;
    jira.webContents.emit('did-navigate-in-page', {}, `${BASE_URL}/browse/ABC-1`, true);
    expect(barHtml(bar)).toContain('href="https://web-bar.invalid/back"');
    expect(barHtml(bar)).not.toContain('https://web-bar.invalid/forward');
  });

  it('carries out each command and never navigates', async () => {
    const { bar, jira } = await openProd();
    jira.webContents.history = { canGoBack: true, canGoForward: true };
    const click = (command: string) => {
      const event = urlEvent(`https://web-bar.invalid/${command}`);
      bar.webContents.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
    };
    click('back');
    expect(jira.webContents.navigationHistory.goBack).toHaveBeenCalledTimes(1);
    click('forward');
    expect(jira.webContents.navigationHistory.goForward).toHaveBeenCalledTimes(1);
    click('reload');
    expect(jira.webContents.reload).toHaveBeenCalledTimes(1);
    click('copy-address');
    expect(clipboard.writeText).toHaveBeenCalledWith(`${BASE_URL}/secure/Dashboard.jspa`);
    click('delete-everything');
    expect(clipboard.writeText).toHaveBeenCalledTimes(1);
  });

  it('cannot be navigated, redirected or made to open windows', async () => {
    const { bar, jira } = await openProd();
    const loads = bar.webContents.loadURL.mock.calls.length;
    const away = urlEvent('https://evil.example.com/fake-bar');
    bar.webContents.emit('will-navigate', away);
    const redirect = urlEvent('https://evil.example.com/');
    bar.webContents.emit('will-redirect', redirect);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(redirect.preventDefault).toHaveBeenCalled();
    expect(bar.webContents.windowOpenHandler?.({ url: 'https://web-bar.invalid/reload' })).toEqual({
      action: 'deny',
    });
    expect(jira.webContents.reload).not.toHaveBeenCalled();
    expect(bar.webContents.loadURL).toHaveBeenCalledTimes(loads);
    // The page is another web contents: nothing it emits reaches the bar's handlers.
    expect(jira.webContents).not.toBe(bar.webContents);
  });

  it('answers Alt+Left, Alt+Right, F5 and Ctrl+R on the page', async () => {
    const { jira } = await openProd();
    jira.webContents.history = { canGoBack: true, canGoForward: true };
    const press = (input: Record<string, unknown>) => {
      const event = { preventDefault: vi.fn() };
      jira.webContents.emit('before-input-event', event, {
        type: 'keyDown',
        alt: false,
        control: false,
        meta: false,
        shift: false,
        ...input,
      });
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(press({ key: 'ArrowLeft', alt: true })).toBe(true);
    expect(jira.webContents.navigationHistory.goBack).toHaveBeenCalledTimes(1);
    expect(press({ key: 'ArrowRight', alt: true })).toBe(true);
    expect(jira.webContents.navigationHistory.goForward).toHaveBeenCalledTimes(1);
    expect(press({ key: 'F5' })).toBe(true);
    expect(press({ key: 'r', control: true })).toBe(true);
    expect(jira.webContents.reload).toHaveBeenCalledTimes(2);
    expect(press({ key: 'r' })).toBe(false);
    expect(press({ key: 'ArrowLeft' })).toBe(false);
    expect(jira.webContents.navigationHistory.goBack).toHaveBeenCalledTimes(1);
  });
});
