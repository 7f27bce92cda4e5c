import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { FakeSession, FakeWebContents, resetElectronMock } from './electron-mock';
import { guardSession, guardWebContents } from '../../electron/main/navigation-guards';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

const urlEvent = (url: string) => ({ url, preventDefault: vi.fn() });

beforeEach(() => resetElectronMock());

describe('guardWebContents', () => {
  const setup = () => {
    const contents = new FakeWebContents();
    const openExternal = vi.fn();
    guardWebContents(contents as unknown as WebContents, { openExternal });
    return { contents, openExternal };
  };

  it.each(['will-navigate', 'will-frame-navigate'])('%s: blocks leaving the app and hands the URL on', (name) => {
    const { contents, openExternal } = setup();
    const event = urlEvent('https://jira.example.com/browse/ABC-1');
    contents.emit(name, event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://jira.example.com/browse/ABC-1');
  });

  it.each(['will-navigate', 'will-frame-navigate'])('%s: lets app:// pages through', (name) => {
    const { contents, openExternal } = setup();
    const event = urlEvent('app://jira-session-manager/index.html');
    contents.emit(name, event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'app://other/index.html'])(
    'will-navigate: blocks %s',
    (url) => {
      const { contents } = setup();
      const event = urlEvent(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
    },
  );

  it('will-redirect: blocks redirects out of the app without opening them', () => {
    const { contents, openExternal } = setup();
    const away = urlEvent('https://evil.example.com/');
    contents.emit('will-redirect', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = urlEvent('app://jira-session-manager/index.html');
    contents.emit('will-redirect', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('window.open: always denied, the URL offered to the allow-list', () => {
    const { contents, openExternal } = setup();
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.windowOpenHandler?.({ url: 'https://jira.example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://jira-session-manager/index.html' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://jira.example.com/');
  });

  it('webviews: refused', () => {
    const { contents } = setup();
    const event = { preventDefault: vi.fn() };
    const webPreferences = {};
    contents.emit('will-attach-webview', event, webPreferences, { src: 'https://evil.example.com' });
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe('guardSession', () => {
  const setup = () => {
    const session = new FakeSession();
    guardSession(session as unknown as Session);
    return session;
  };

  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies the %s permission request',
    (permission) => {
      const session = setup();
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers every permission check with false', () => {
    const session = setup();
    expect(session.permissionCheckHandler?.(null, 'notifications', 'app://jira-session-manager', {})).toBe(false);
    expect(session.permissionCheckHandler?.(null, 'media', 'https://jira.example.com', {})).toBe(false);
  });

  it('refuses device access and downloads', () => {
    const session = setup();
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download, {}, {});
    expect(download.preventDefault).toHaveBeenCalled();
  });
});
