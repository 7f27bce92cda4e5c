import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildAppMenuTemplate, installAppMenu } from '../../electron/main/app-menu';
import { Menu, flattenMenu, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

beforeEach(() => resetElectronMock());

const openLogsFolder = vi.fn();

const roles = (template: MenuItemConstructorOptions[]) =>
  flattenMenu(template)
    .map((item) => item.role)
    .filter(Boolean);

describe('buildAppMenuTemplate', () => {
  it('starts with the app menu on macOS, with Close (not Quit) under File', () => {
    const template = buildAppMenuTemplate({ platform: 'darwin', isPackaged: true, openLogsFolder });
    expect(template[0]?.role).toBe('appMenu');
    expect((template[0]?.submenu as MenuItemConstructorOptions[]).map((item) => item.role ?? item.type)).toEqual([
      'about',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    const file = template.find((item) => item.label === '&File');
    expect(file?.submenu).toEqual([{ role: 'close' }]);
  });

  it.each(['win32', 'linux'] as const)('has File > Close and Quit and no app menu on %s', (platform) => {
    const template = buildAppMenuTemplate({ platform, isPackaged: true, openLogsFolder });
    expect(roles(template)).not.toContain('appMenu');
    const file = template.find((item) => item.label === '&File');
    expect((file?.submenu as MenuItemConstructorOptions[]).map((item) => item.role ?? item.type)).toEqual([
      'close',
      'separator',
      'quit',
    ]);
    expect(roles(template)).toContain('about');
  });

  it.each(['darwin', 'win32', 'linux'] as const)('has the standard edit, zoom and window roles on %s', (platform) => {
    const found = roles(buildAppMenuTemplate({ platform, isPackaged: true, openLogsFolder }));
    for (const role of ['editMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'help']) {
      expect(found).toContain(role);
    }
  });

  it('offers reload and developer tools only while developing', () => {
    const packaged = roles(buildAppMenuTemplate({ platform: 'linux', isPackaged: true, openLogsFolder }));
    const development = roles(buildAppMenuTemplate({ platform: 'linux', isPackaged: false, openLogsFolder }));
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) {
      expect(packaged).not.toContain(role);
      expect(development).toContain(role);
    }
  });
});

describe('Help', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('offers Open Logs Folder on %s', (platform) => {
    const help = buildAppMenuTemplate({ platform, isPackaged: true, openLogsFolder }).find(
      (item) => item.role === 'help',
    );
    const item = (help?.submenu as MenuItemConstructorOptions[]).find((entry) => entry.label === 'Open Logs Folder');
    expect(item).toBeDefined();
    (item?.click as () => void)();
    expect(openLogsFolder).toHaveBeenCalledTimes(1);
  });
});

describe('installAppMenu', () => {
  it('sets the built menu as the application menu', () => {
    installAppMenu({ platform: 'linux', isPackaged: true, openLogsFolder });
    expect(Menu.buildFromTemplate).toHaveBeenCalledWith(
      buildAppMenuTemplate({ platform: 'linux', isPackaged: true, openLogsFolder }),
    );
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results[0]?.value);
  });
});

describe('updates', () => {
  const updateItems: MenuItemConstructorOptions[] = [{ id: 'check-updates', label: 'Check for Updates…' }];
  const ids = (items: unknown) => (items as MenuItemConstructorOptions[]).map((item) => item.id ?? item.role);

  it.each(['win32', 'linux'] as const)('puts Check for Updates… under Help, after About, on %s', (platform) => {
    const template = buildAppMenuTemplate({ platform, isPackaged: true, openLogsFolder, updateItems });
    const help = template.find((item) => item.role === 'help');
    expect(ids(help?.submenu).slice(0, 2)).toEqual(['about', 'check-updates']);
  });

  it('puts it in the app menu, under About, on macOS', () => {
    const template = buildAppMenuTemplate({ platform: 'darwin', isPackaged: true, openLogsFolder, updateItems });
    expect(ids(template[0]?.submenu).slice(0, 2)).toEqual(['about', 'check-updates']);
    const help = template.find((item) => item.role === 'help');
    expect(ids(help?.submenu)).not.toContain('check-updates');
  });
});
