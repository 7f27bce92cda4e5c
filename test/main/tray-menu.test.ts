import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildTrayMenu, countSessions, statusLine } from '../../electron/main/tray-menu';
import type { TrayActions, TrayState } from '../../electron/main/tray-menu';
import { clickMenuItem, flattenMenu } from './electron-mock';
import { profile, session } from '../support/model-fixtures';

const actions = () => ({
  logout: vi.fn<TrayActions['logout']>(),
  logoutAll: vi.fn<TrayActions['logoutAll']>(),
  showWindow: vi.fn<TrayActions['showWindow']>(),
  openInBrowser: vi.fn<TrayActions['openInBrowser']>(),
  openInJira: vi.fn<TrayActions['openInJira']>(),
  webLogin: vi.fn<TrayActions['webLogin']>(),
  releaseAdminAccessAll: vi.fn<TrayActions['releaseAdminAccessAll']>(),
  quit: vi.fn<TrayActions['quit']>(),
  signIn: vi.fn<TrayActions['signIn']>(),
  signInExpired: vi.fn<TrayActions['signInExpired']>(),
});

const state = (overrides: Partial<TrayState>): TrayState => ({
  profiles: [],
  sessions: [],
  platform: 'linux',
  ...overrides,
});

const item = (items: MenuItemConstructorOptions[], id: string) => {
  const found = flattenMenu(items).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

const topLabels = (items: MenuItemConstructorOptions[]) =>
  items.map((entry) => (entry.type === 'separator' ? '---' : entry.label));

describe('buildTrayMenu: no servers', () => {
  const model = buildTrayMenu(state({}), actions());

  it('says so, and offers only the window and Quit', () => {
    expect(topLabels(model.items)).toEqual([
      'No servers saved',
      '---',
      'Sign out of all servers',
      '---',
      'Show window',
      'Quit',
    ]);
    expect(item(model.items, 'status').enabled).toBe(false);
    expect(item(model.items, 'logout-all').enabled).toBe(false);
  });

  it('shows the none icon and a tooltip with the counts', () => {
    expect(model.iconState).toBe('none');
    expect(model.tooltip).toBe('Jira Session Manager: No servers saved');
    expect(model.counts).toEqual({ total: 0, signedIn: 0, attention: 0 });
  });
});

describe('buildTrayMenu: all signed out', () => {
  const model = buildTrayMenu(
    state({ profiles: [profile('a'), profile('b')], sessions: [session('a', 'signed-out')] }),
    actions(),
  );

  it('counts 0 of 2 (a profile without a session is signed out)', () => {
    expect(item(model.items, 'status').label).toBe('0 of 2 servers signed in');
    expect(model.iconState).toBe('none');
    expect(item(model.items, 'logout-all').enabled).toBe(false);
  });

  it('offers no sign-out per server but still Open in browser', () => {
    expect(item(model.items, 'status:a').label).toBe('Signed out');
    expect(item(model.items, 'logout:a').enabled).toBe(false);
    expect(item(model.items, 'logout:b').enabled).toBe(false);
    expect(item(model.items, 'open:a').enabled).toBe(true);
  });
});

describe('buildTrayMenu: mixed', () => {
  const profiles = [profile('a'), profile('b'), profile('c', { label: 'Staging' }), profile('d'), profile('e')];
  const sessions = [
    session('a', 'signed-in'),
    session('b', 'signed-in', { user: { name: 'jdoe', displayName: 'jdoe', groups: [] } }),
    session('c', 'signed-out'),
    session('d', 'signing-in'),
    session('e', 'signed-in', { activity: 'signing-out' }),
  ];
  const model = buildTrayMenu(state({ profiles, sessions }), actions());

  it('has the status line "3 of 5 servers signed in" and the some icon', () => {
    expect(topLabels(model.items)[0]).toBe('3 of 5 servers signed in');
    expect(model.iconState).toBe('some');
    expect(model.tooltip).toBe('Jira Session Manager: 3 of 5 servers signed in');
  });

  it('lists one submenu per server, in profile order, marked by status', () => {
    const servers = model.items.filter((entry) => String(entry.id).startsWith('server:'));
    expect(servers.map((entry) => entry.label)).toEqual(['● Jira a', '● Jira b', '○ Staging', '○ Jira d', '● Jira e']);
  });

  it('shows each server’s status and user', () => {
    expect(item(model.items, 'status:a').label).toBe('Signed in as Ada Admin (admin)');
    expect(item(model.items, 'status:b').label).toBe('Signed in as jdoe');
    expect(item(model.items, 'status:d').label).toBe('Signing in…');
    expect(item(model.items, 'status:e').label).toBe('Signing out…');
    expect(item(model.items, 'host:a').label).toBe('a.jira.example.com');
  });

  it('enables sign-out only where there is a session to end and none is ending', () => {
    expect(item(model.items, 'logout:a').enabled).toBe(true);
    expect(item(model.items, 'logout:c').enabled).toBe(false);
    expect(item(model.items, 'logout:d').enabled).toBe(false);
    expect(item(model.items, 'logout:e').enabled).toBe(false);
    expect(item(model.items, 'logout-all').enabled).toBe(true);
  });

  it('routes every click to the injected actions', () => {
    const spy = actions();
    const { items } = buildTrayMenu(state({ profiles, sessions }), spy);
    clickMenuItem(items, 'logout:a');
    expect(spy.logout).toHaveBeenCalledWith('a');
    clickMenuItem(items, 'open:c');
    expect(spy.openInBrowser).toHaveBeenCalledWith('c');
    clickMenuItem(items, 'jira:a');
    expect(spy.openInJira).toHaveBeenCalledWith('a');
    clickMenuItem(items, 'logout-all');
    expect(spy.logoutAll).toHaveBeenCalledTimes(1);
    clickMenuItem(items, 'show-window');
    expect(spy.showWindow).toHaveBeenCalledTimes(1);
    clickMenuItem(items, 'quit');
    expect(spy.quit).toHaveBeenCalledTimes(1);
  });
});

describe('buildTrayMenu: expired and errors', () => {
  const profiles = [profile('a'), profile('b'), profile('c')];
  const sessions = [
    session('a', 'signed-in'),
    session('b', 'expired'),
    session('c', 'error', { error: { kind: 'unreachable', message: 'The server did not answer.' } }),
  ];
  const model = buildTrayMenu(state({ profiles, sessions }), actions());

  it('shows the attention icon, an attention line and the counts in the tooltip', () => {
    expect(model.iconState).toBe('attention');
    expect(topLabels(model.items).slice(0, 2)).toEqual(['1 of 3 servers signed in', '2 servers need attention']);
    expect(model.tooltip).toBe('Jira Session Manager: 1 of 3 servers signed in, 2 need attention');
    expect(model.counts).toEqual({ total: 3, signedIn: 1, attention: 2 });
  });

  it('marks the servers and says what is wrong', () => {
    expect(item(model.items, 'server:b').label).toBe('⚠ Jira b');
    expect(item(model.items, 'status:b').label).toBe('Session expired');
    expect(item(model.items, 'status:c').label).toBe('Problem: The server did not answer.');
  });

  it('still lets the user sign out of an expired or failing session (clears it locally)', () => {
    expect(item(model.items, 'logout:b').enabled).toBe(true);
    expect(item(model.items, 'logout:c').enabled).toBe(true);
  });

  it('uses the singular for one server', () => {
    const one = buildTrayMenu(state({ profiles: [profile('a')], sessions: [session('a', 'expired')] }), actions());
    expect(topLabels(one.items).slice(0, 2)).toEqual(['0 of 1 server signed in', '1 server needs attention']);
    expect(one.tooltip).toBe('Jira Session Manager: 0 of 1 server signed in, 1 needs attention');
    expect(item(one.items, 'logout-all').enabled).toBe(false);
  });
});

describe('buildTrayMenu: all signed in', () => {
  const profiles = [profile('a'), profile('b')];
  const model = buildTrayMenu(
    state({ profiles, sessions: [session('a', 'signed-in'), session('b', 'signed-in')] }),
    actions(),
  );

  it('counts 2 of 2, shows the some icon and enables every sign-out', () => {
    expect(item(model.items, 'status').label).toBe('2 of 2 servers signed in');
    expect(model.iconState).toBe('some');
    expect(item(model.items, 'logout-all').enabled).toBe(true);
    expect(item(model.items, 'logout:a').enabled).toBe(true);
    expect(item(model.items, 'logout:b').enabled).toBe(true);
    expect(topLabels(model.items)).not.toContain(undefined);
  });
});

describe('labels from server data', () => {
  it('escapes & on Windows and Linux, where it marks a mnemonic, but not on macOS', () => {
    const profiles = [profile('a', { label: 'R&D Jira' })];
    expect(item(buildTrayMenu(state({ profiles, platform: 'win32' }), actions()).items, 'server:a').label).toBe(
      '○ R&&D Jira',
    );
    expect(item(buildTrayMenu(state({ profiles, platform: 'linux' }), actions()).items, 'server:a').label).toBe(
      '○ R&&D Jira',
    );
    expect(item(buildTrayMenu(state({ profiles, platform: 'darwin' }), actions()).items, 'server:a').label).toBe(
      '○ R&D Jira',
    );
  });

  it('shortens very long labels', () => {
    const profiles = [profile('a', { label: 'x'.repeat(200) })];
    const label = String(item(buildTrayMenu(state({ profiles }), actions()).items, 'server:a').label);
    expect(label.length).toBeLessThanOrEqual(60);
    expect(label.endsWith('…')).toBe(true);
  });

  it('disables Open in browser for a base URL that is not http(s)', () => {
    const profiles = [profile('a', { baseUrl: 'ftp://jira.example.com' })];
    expect(item(buildTrayMenu(state({ profiles }), actions()).items, 'open:a').enabled).toBe(false);
  });
});

describe('helpers', () => {
  it('ignore sessions of profiles that no longer exist', () => {
    expect(
      countSessions({ profiles: [profile('a')], sessions: [session('gone', 'signed-in'), session('a', 'signed-out')] }),
    ).toEqual({
      total: 1,
      signedIn: 0,
      attention: 0,
    });
  });

  it('phrase the status line', () => {
    expect(statusLine({ total: 5, signedIn: 2, attention: 0 })).toBe('2 of 5 servers signed in');
    expect(statusLine({ total: 0, signedIn: 0, attention: 0 })).toBe('No servers saved');
  });
});

describe('buildTrayMenu: Jira signed in, and web sign-in', () => {
  it('offers Open in Jira for every server with a web address', () => {
    const profiles = [profile('a'), profile('b', { baseUrl: 'ftp://b.example.com' })];
    const { items } = buildTrayMenu(state({ profiles, sessions: [session('a', 'signed-in')] }), actions());
    expect(item(items, 'jira:a')).toMatchObject({ label: 'Open in Jira', enabled: true });
    expect(item(items, 'jira:b').enabled).toBe(false);
  });

  it('offers web sign-in only where a web profile has no session', () => {
    const profiles = [
      profile('web-out', { signInMethod: 'web' }),
      profile('web-in', { signInMethod: 'web' }),
      profile('web-expired', { signInMethod: 'web' }),
      profile('password-out'),
    ];
    const sessions = [session('web-in', 'signed-in'), session('web-expired', 'expired')];
    const spy = actions();
    const { items } = buildTrayMenu(state({ profiles, sessions }), spy);
    const ids = flattenMenu(items).map((entry) => entry.id);
    expect(ids).toContain('web-login:web-out');
    expect(ids).toContain('web-login:web-expired');
    expect(ids).not.toContain('web-login:web-in');
    expect(ids).not.toContain('web-login:password-out');
    clickMenuItem(items, 'web-login:web-expired');
    expect(spy.webLogin).toHaveBeenCalledWith('web-expired');
  });
});

describe('buildTrayMenu: admin access', () => {
  const admin = (id: string, overrides: Partial<Parameters<typeof session>[2]> = {}) =>
    session(id, 'signed-in', { adminLevel: 'admin', ...overrides });

  it('offers "End admin access everywhere" while an administrator is signed in with a session', async () => {
    const spy = actions();
    const model = buildTrayMenu(state({ profiles: [profile('a')], sessions: [admin('a')] }), spy);
    expect(item(model.items, 'release-admin-all').label).toBe('End admin access everywhere');
    clickMenuItem(model.items, 'release-admin-all');
    expect(spy.releaseAdminAccessAll).toHaveBeenCalledTimes(1);
  });

  it('leaves it out for plain users, signed-out administrators and token sessions', () => {
    const cases = [
      session('a', 'signed-in', { adminLevel: 'none' }),
      admin('a', { status: 'expired' }),
      admin('a', { cookieNames: [] }),
    ];
    for (const one of cases) {
      const model = buildTrayMenu(state({ profiles: [profile('a')], sessions: [one] }), actions());
      expect(flattenMenu(model.items).some((entry) => entry.id === 'release-admin-all')).toBe(false);
    }
  });
});

describe('buildTrayMenu: expired servers', () => {
  const profiles = [profile('a'), profile('b'), profile('w', { signInMethod: 'web' }), profile('s')];
  const sessions = [
    session('a', 'expired', { passwordRemembered: true }),
    session('b', 'expired'),
    session('w', 'expired'),
    session('s', 'signed-in', { passwordRemembered: true }),
  ];

  it('offers Sign in on an expired server: directly with a remembered password, through the window without', () => {
    const clicks = actions();
    const model = buildTrayMenu(state({ profiles, sessions }), clicks);
    expect(item(model.items, 'sign-in:a').label).toBe('Sign in');
    expect(item(model.items, 'sign-in:b').label).toBe('Sign in…');
    clickMenuItem(model.items, 'sign-in:b');
    expect(clicks.signIn).toHaveBeenCalledWith('b');
    // A signed-in server has nothing to sign in to; a web server keeps its own web-page item.
    const ids = flattenMenu(model.items).map((entry) => entry.id);
    expect(ids).not.toContain('sign-in:s');
    expect(ids).not.toContain('sign-in:w');
    expect(ids).toContain('web-login:w');
  });

  it('offers Sign in to all expired while any server has expired', () => {
    const clicks = actions();
    const model = buildTrayMenu(state({ profiles, sessions }), clicks);
    expect(item(model.items, 'sign-in-expired').label).toBe('Sign in to all expired (3)');
    clickMenuItem(model.items, 'sign-in-expired');
    expect(clicks.signInExpired).toHaveBeenCalledTimes(1);
    const calm = buildTrayMenu(state({ profiles, sessions: [session('a', 'signed-in')] }), actions());
    expect(flattenMenu(calm.items).map((entry) => entry.id)).not.toContain('sign-in-expired');
  });
});

describe('buildTrayMenu: more than ten servers', () => {
  const environments = ['staging', 'production', 'development'] as const;
  const many = (count: number) =>
    Array.from({ length: count }, (_, index) =>
      profile(`p${index}`, { environment: environments[index % environments.length] }),
    );

  it('lists up to ten servers flat', () => {
    const model = buildTrayMenu(state({ profiles: many(10) }), actions());
    expect(topLabels(model.items)).toContain('○ Jira p0');
    expect(flattenMenu(model.items).map((entry) => entry.id)).not.toContain('env:production');
  });

  it('groups them by environment past ten, production first, each with its count', () => {
    const clicks = actions();
    const model = buildTrayMenu(
      state({
        profiles: many(11),
        sessions: [session('p1', 'signed-in', { user: { name: 'ada', displayName: 'Ada', groups: [] } })],
      }),
      clicks,
    );
    const groups = model.items.filter((entry) => entry.id?.startsWith('env:'));
    expect(groups.map((entry) => entry.label)).toEqual(['Production (4)', 'Staging (4)', 'Development (3)']);
    const production = groups[0]?.submenu as MenuItemConstructorOptions[];
    expect(production.map((entry) => entry.id)).toEqual(['server:p1', 'server:p4', 'server:p7', 'server:p10']);
    // The servers keep their own submenus and actions inside the group.
    clickMenuItem(model.items, 'logout:p1');
    expect(clicks.logout).toHaveBeenCalledWith('p1');
    expect(item(model.items, 'status').label).toBe('1 of 11 servers signed in');
  });

  it('keeps a server without an environment, in a group of its own after the others', () => {
    const model = buildTrayMenu(
      state({ profiles: [...many(11), profile('unset', { environment: undefined })] }),
      actions(),
    );
    const groups = model.items.filter((entry) => entry.id?.startsWith('env:'));
    expect(groups.map((entry) => entry.label)).toEqual([
      'Production (4)',
      'Staging (4)',
      'Development (3)',
      'No environment (1)',
    ]);
    expect((groups[3]?.submenu as MenuItemConstructorOptions[]).map((entry) => entry.id)).toEqual(['server:unset']);
  });
});

describe('updates in the tray', () => {
  it('shows the update entries above Show window', () => {
    const updateItems: MenuItemConstructorOptions[] = [{ id: 'install-update', label: 'Restart to Update (0.2.0)' }];
    const model = buildTrayMenu(state({ profiles: [profile('a')], updateItems }), actions());
    const ids = model.items.map((entry) => entry.id ?? entry.type);
    expect(ids.slice(-4)).toEqual(['separator', 'install-update', 'show-window', 'quit']);
  });
});
