import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NativeImage } from 'electron';
import { createDesktopNotifier } from '../../electron/main/notifications';
import { FakeNotification, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

beforeEach(() => resetElectronMock());

const expiry = { title: 'Session expired', body: 'Your session on Jira Prod has expired.', profileId: 'a' };

describe('createDesktopNotifier', () => {
  it('shows an OS notification with the notice’s title, body and the app icon', () => {
    const icon = { isEmpty: () => false } as unknown as NativeImage;
    createDesktopNotifier({ icon })(expiry);
    expect(FakeNotification.instances).toHaveLength(1);
    const [notification] = FakeNotification.instances;
    expect(notification?.options).toEqual({ title: expiry.title, body: expiry.body, icon });
    expect(notification?.show).toHaveBeenCalledTimes(1);
  });

  it('shows one notification per notice', () => {
    const notify = createDesktopNotifier({});
    notify(expiry);
    notify({ title: 'Sign-out incomplete', body: '1 of 3 servers did not confirm the sign-out.' });
    expect(FakeNotification.instances.map((notification) => notification.options.title)).toEqual([
      'Session expired',
      'Sign-out incomplete',
    ]);
  });

  it('shows nothing where the platform has no notifications', () => {
    FakeNotification.supported = false;
    createDesktopNotifier({})(expiry);
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it('brings the window forward when the notification is clicked', () => {
    const onClick = vi.fn();
    createDesktopNotifier({ onClick })(expiry);
    FakeNotification.instances[0]?.emit('click');
    expect(onClick).toHaveBeenCalledWith(expiry);
  });

  it('never throws into the core: a failing notification is only logged', () => {
    const log = vi.fn();
    const notify = createDesktopNotifier({ log });
    const show = vi.spyOn(FakeNotification, 'isSupported').mockImplementation(() => {
      throw new Error('D-Bus unavailable');
    });
    expect(() => notify(expiry)).not.toThrow();
    expect(log).toHaveBeenCalledWith('warn', 'Notification not shown', { error: 'D-Bus unavailable' });
    show.mockRestore();
  });
});
