// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { BRIDGE_EVENTS, BRIDGE_METHODS } from '../../electron/shared/contract';
import { FakeBridge } from './fake-bridge';
import {
  makeProfile,
  signedInSession,
  signedOutSession,
  PRODUCTION as prod,
  STAGING as stage,
  DEV_SANDBOX as dev,
} from '../support/model-fixtures';
import { keyboardRow, renderApp } from './render-app';

const now = Date.now();
const test1 = makeProfile({
  id: 'test',
  label: 'Test cluster',
  baseUrl: 'https://test.acme.com/jira',
  environment: 'test',
});

function seed() {
  return {
    profiles: [prod, stage, test1, dev],
    sessions: [
      signedInSession(prod, now),
      signedOutSession('stage', { status: 'expired' }),
      signedInSession(test1, now, { status: 'error', error: { kind: 'unreachable', message: 'No answer.' } }),
      signedOutSession('dev', { activity: 'checking' }),
    ],
  };
}

function options() {
  return within(screen.getByRole('listbox', { name: 'Servers' })).getAllByRole('option');
}

test('the fake bridge implements every bridge method and event of the contract', () => {
  const bridge = new FakeBridge();
  for (const name of [...Object.keys(BRIDGE_METHODS), ...Object.keys(BRIDGE_EVENTS)]) {
    expect(typeof (bridge as unknown as Record<string, unknown>)[name]).toBe('function');
  }
});

test('shows a loading state, then loads profiles, sessions, app info and settings once', async () => {
  const { bridge } = await renderApp(seed());
  expect(screen.queryByText('Loading servers…')).not.toBeInTheDocument();
  expect(bridge.callCount('listProfiles')).toBe(1);
  expect(bridge.callCount('listSessions')).toBe(1);
  expect(bridge.callCount('getAppInfo')).toBe(1);
  expect(bridge.callCount('getSettings')).toBe(1);
  // The dashboard's state, and the selected server's recent history (it reloads when a session changes).
  await waitFor(() => expect(bridge.listenerCount('sessions:delta')).toBe(2));
  expect(bridge.listenerCount('profiles:changed')).toBe(2);
});

test('unsubscribes from both events on unmount', async () => {
  const { bridge, unmount } = await renderApp(seed());
  unmount();
  expect(bridge.listenerCount('sessions:delta')).toBe(0);
  expect(bridge.listenerCount('profiles:changed')).toBe(0);
});

test('lists every server with its environment, status and signed-in user', async () => {
  await renderApp(seed());
  const items = options();
  expect(items).toHaveLength(4);
  expect(items[0]).toHaveTextContent('Jira Production');
  expect(items[0]).toHaveTextContent('Production');
  expect(items[0]).toHaveTextContent('jira.acme.com');
  expect(items[0]).toHaveTextContent('Signed in as Fred Jones');
  expect(items[1]).toHaveTextContent('Staging');
  expect(items[1]).toHaveTextContent('Expired');
  expect(items[2]).toHaveTextContent('Error');
  expect(items[3]).toHaveTextContent('Checking…');
  // Each status has its own shape, not only its own colour.
  expect(items.map((item) => item.querySelector('[data-status]')?.getAttribute('data-status'))).toEqual([
    'signed-in',
    'expired',
    'error',
    'checking',
  ]);
  expect(items[0]?.querySelector('[data-environment]')).toHaveAttribute('data-environment', 'production');
});

test('the toolbar sums up the sessions', async () => {
  await renderApp(seed());
  const banner = screen.getByRole('banner');
  expect(banner).toHaveTextContent('1 of 4 signed in');
  expect(banner).toHaveTextContent('1 expired');
  expect(banner).toHaveTextContent('1 with errors');
});

test('selects the first server and shows it in the pane', async () => {
  await renderApp(seed());
  expect(options()[0]).toHaveAttribute('aria-selected', 'true');
  expect(screen.getByRole('heading', { level: 2, name: 'Jira Production' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Signed in as Fred Jones' })).toBeInTheDocument();
});

test('clicking a server switches the pane', async () => {
  const { user } = await renderApp(seed());
  await user.click(screen.getByRole('option', { name: /Dev sandbox/ }));
  expect(screen.getByRole('option', { name: /Dev sandbox/ })).toHaveAttribute('aria-selected', 'true');
  expect(screen.getByRole('option', { name: /Jira Production/ })).toHaveAttribute('aria-selected', 'false');
  expect(screen.getByRole('heading', { level: 2, name: 'Dev sandbox' })).toBeInTheDocument();
  expect(screen.getByRole('form', { name: 'Sign in to Dev sandbox' })).toBeInTheDocument();
});

describe('the server list is a listbox with an active descendant', () => {
  test('the list itself is in the tab order, on the selected server', async () => {
    await renderApp(seed());
    const list = screen.getByRole('listbox', { name: 'Servers' });
    expect(list.tabIndex).toBe(0);
    expect(options().map((option) => option.tabIndex)).toEqual([-1, -1, -1, -1]);
    expect(list).toHaveAttribute('aria-activedescendant', options()[0]?.id);
    expect(options().map((option) => option.getAttribute('aria-posinset'))).toEqual(['1', '2', '3', '4']);
    expect(options()[0]).toHaveAttribute('aria-setsize', '4');
  });

  test('arrow keys, Home and End move the active row and the selection', async () => {
    const { user } = await renderApp(seed());
    screen.getByRole('listbox', { name: 'Servers' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(keyboardRow()).toBe(options()[1]);
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { level: 2, name: 'Jira Staging' })).toBeInTheDocument();
    await user.keyboard('{End}');
    expect(keyboardRow()).toBe(options()[3]);
    await user.keyboard('{ArrowDown}');
    expect(keyboardRow()).toBe(options()[3]);
    await user.keyboard('{ArrowUp}');
    expect(keyboardRow()).toBe(options()[2]);
    await user.keyboard('{Home}');
    expect(keyboardRow()).toBe(options()[0]);
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
  });

  test('Enter goes into the pane of the server', async () => {
    const { user } = await renderApp(seed());
    screen.getByRole('listbox', { name: 'Servers' }).focus();
    await user.keyboard('{End}{Enter}');
    expect(screen.getByLabelText('Password', { selector: 'input' })).toHaveFocus();
  });
});

describe('shortcuts', () => {
  test('Ctrl+1…9 switch to the nth server and focus it in the list', async () => {
    const { user } = await renderApp(seed());
    await user.keyboard('{Control>}3{/Control}');
    expect(screen.getByRole('heading', { level: 2, name: 'Test cluster' })).toBeInTheDocument();
    await waitFor(() => expect(keyboardRow()).toBe(options()[2]));
    await user.keyboard('{Meta>}2{/Meta}');
    expect(screen.getByRole('heading', { level: 2, name: 'Jira Staging' })).toBeInTheDocument();
    await user.keyboard('{Control>}9{/Control}');
    expect(screen.getByRole('heading', { level: 2, name: 'Jira Staging' })).toBeInTheDocument();
  });

  test('the first nine servers announce their shortcut', async () => {
    await renderApp(seed());
    expect(options().map((option) => option.getAttribute('aria-keyshortcuts'))).toEqual([
      'Control+1',
      'Control+2',
      'Control+3',
      'Control+4',
    ]);
  });

  test('on macOS the shortcuts are spelled with Meta', async () => {
    await renderApp({ ...seed(), appInfo: { platform: 'darwin' } });
    expect(options()[0]).toHaveAttribute('aria-keyshortcuts', 'Meta+1');
    expect(screen.getByRole('button', { name: 'Add server' })).toHaveAttribute('aria-keyshortcuts', 'Meta+N');
  });

  test('Ctrl+N opens the editor with the focus on the name', async () => {
    const { user } = await renderApp(seed());
    await user.keyboard('{Control>}n{/Control}');
    expect(screen.getByRole('heading', { name: 'Add server' })).toBeInTheDocument();
    expect(screen.getByLabelText('Server name')).toHaveFocus();
  });

  test('shortcuts are ignored while a dialog is open', async () => {
    const { user } = await renderApp(seed());
    await user.click(screen.getByRole('button', { name: 'Sign out of all' }));
    await user.keyboard('{Control>}2{/Control}');
    expect(screen.getByRole('heading', { level: 2, name: 'Jira Production' })).toBeInTheDocument();
  });
});

describe('the filter box', () => {
  test('filters by name, address, environment and status, and says how many match', async () => {
    const { user } = await renderApp(seed());
    const filter = screen.getByRole('searchbox', { name: 'Filter servers' });
    await user.type(filter, 'jira');
    expect(options().map((option) => option.textContent)).toEqual([
      expect.stringContaining('Jira Production'),
      expect.stringContaining('Jira Staging'),
      expect.stringContaining('Test cluster'),
      expect.stringContaining('Dev sandbox'),
    ]);
    await user.clear(filter);
    await user.type(filter, 'staging');
    expect(options()).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1 of 4 servers');
    await user.clear(filter);
    await user.type(filter, 'expired');
    expect(options()[0]).toHaveTextContent('Jira Staging');
    await user.clear(filter);
    await user.type(filter, 'localhost');
    expect(options()[0]).toHaveTextContent('Dev sandbox');
  });

  test('says when nothing matches, and Escape clears it', async () => {
    const { user } = await renderApp(seed());
    const filter = screen.getByRole('searchbox', { name: 'Filter servers' });
    await user.type(filter, 'nothing like this');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No servers match “nothing like this”.');
    await user.keyboard('{Escape}');
    expect(filter).toHaveValue('');
    expect(options()).toHaveLength(4);
  });

  test('the clear button empties it; ArrowDown moves into the list', async () => {
    const { user } = await renderApp(seed());
    const filter = screen.getByRole('searchbox', { name: 'Filter servers' });
    await user.type(filter, 'sandbox');
    await user.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(filter).toHaveValue('');
    await user.click(filter);
    await user.keyboard('{ArrowDown}');
    expect(keyboardRow()).toBe(options()[0]);
  });

  test('Ctrl+number keeps the unfiltered numbers; their hints hide while a filter is on', async () => {
    const { user } = await renderApp(seed());
    expect(options()[3]).toHaveTextContent('Ctrl 4');
    await user.type(screen.getByRole('searchbox', { name: 'Filter servers' }), 'sandbox');
    expect(options()[0]).not.toHaveTextContent('Ctrl');
    expect(options()[0]).toHaveAttribute('aria-keyshortcuts', 'Control+4');
    await user.keyboard('{Control>}4{/Control}');
    expect(screen.getByRole('heading', { level: 2, name: 'Dev sandbox' })).toBeInTheDocument();
    await user.keyboard('{Control>}1{/Control}');
    expect(screen.getByRole('heading', { level: 2, name: 'Jira Production' })).toBeInTheDocument();
  });
});

describe('first run', () => {
  test('explains what to do, and its button opens the editor', async () => {
    const { user } = await renderApp({ profiles: [], sessions: [] });
    expect(screen.getByRole('heading', { name: 'Add your first Jira server' })).toBeInTheDocument();
    expect(screen.getByText(/keeps you signed in to all the Jira Data Center/)).toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh all' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Sign out of all' })).toBeDisabled();
    const buttons = screen.getAllByRole('button', { name: 'Add server' });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[1]!);
    expect(screen.getByRole('heading', { name: 'Add server' })).toBeInTheDocument();
    expect(screen.getByLabelText('Server name')).toHaveFocus();
  });
});

describe('secret storage', () => {
  test('no notice when the OS keychain is there', async () => {
    await renderApp(seed());
    expect(screen.queryByRole('region', { name: /can’t be stored securely/ })).not.toBeInTheDocument();
  });

  test('a weak keychain gets a notice, and opting in asks first', async () => {
    const { user, bridge } = await renderApp({ ...seed(), appInfo: { secretStorage: 'weak' } });
    const notice = screen.getByRole('region', { name: 'Secrets can’t be stored securely on this computer' });
    expect(notice).toHaveTextContent('basic text storage');
    expect(notice).toHaveTextContent('sessions stay in memory and end when you quit');
    await user.click(within(notice).getByRole('button', { name: 'Store them anyway…' }));
    const dialog = screen.getByRole('dialog', { name: 'Store secrets without encryption?' });
    await user.click(within(dialog).getByRole('button', { name: 'Store anyway' }));
    expect(bridge.calls.updateSettings).toEqual([[{ persistSecretsWithoutKeychain: true }]]);
    expect(await screen.findByRole('region', { name: 'Secrets are stored without encryption' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Stop storing secrets' }));
    expect(bridge.calls.updateSettings[1]).toEqual([{ persistSecretsWithoutKeychain: false }]);
    expect(
      await screen.findByRole('region', { name: 'Secrets can’t be stored securely on this computer' }),
    ).toBeInTheDocument();
  });

  test('no keychain at all says so, and offers no storing it could not do', async () => {
    await renderApp({
      ...seed(),
      appInfo: { secretStorage: 'none' },
      settings: { persistSecretsWithoutKeychain: true },
    });
    const notice = screen.getByRole('region', { name: 'Secrets can’t be stored securely on this computer' });
    expect(notice).toHaveTextContent('No system keychain is available');
    expect(within(notice).queryByRole('button')).not.toBeInTheDocument();
  });

  test('the first-run steps promise the keychain only when there is one', async () => {
    await renderApp({ ...seed(), profiles: [], sessions: [], appInfo: { secretStorage: 'none' } });
    const steps = screen.getByRole('list');
    expect(steps).toHaveTextContent('It is not kept: this computer has no usable keychain.');
    expect(steps).not.toHaveTextContent('system’s keychain');
  });

  test('an unreadable store file is reported with its backup', async () => {
    await renderApp({
      ...seed(),
      appInfo: {
        storeProblem: {
          message: 'The settings file was damaged.',
          backupPath: '/home/fred/.config/jsm/store.json.bak',
        },
      },
    });
    const notice = screen.getByRole('region', { name: 'Saved data could not be read' });
    expect(notice).toHaveTextContent('The settings file was damaged.');
    expect(notice).toHaveTextContent('/home/fred/.config/jsm/store.json.bak');
  });
});

describe('events from main', () => {
  test('sessions:delta updates the list and the pane', async () => {
    const { bridge } = await renderApp(seed());
    act(() => bridge.pushSession(signedOutSession('prod', { status: 'expired' })));
    expect(options()[0]).toHaveTextContent('Expired');
    expect(screen.getByText('Your session on Jira Production has expired')).toBeInTheDocument();
  });

  test('profiles:changed adds and removes servers', async () => {
    const { bridge } = await renderApp(seed());
    const extra = makeProfile({ id: 'extra', label: 'Extra server' });
    act(() => bridge.pushProfiles([prod, stage, test1, dev, extra]));
    expect(options()).toHaveLength(5);
    act(() => bridge.pushProfiles([stage, extra]));
    expect(options().map((option) => option.querySelector('.server-item-label')?.textContent)).toEqual([
      'Jira Staging',
      'Extra server',
    ]);
    // The selected server went away: the pane falls back to the first one.
    expect(screen.getByRole('heading', { level: 2, name: 'Jira Staging' })).toBeInTheDocument();
  });

  test('a delta that arrives while the list loads is replayed onto it', async () => {
    const bridge = new FakeBridge(seed());
    const held = bridge.holdNext('listSessions');
    const view = renderApp(bridge);
    const call = await held;
    act(() => bridge.pushSession(signedOutSession('prod', { status: 'expired' })));
    call.resolve(seed().sessions);
    await view;
    expect(options()[0]).toHaveTextContent('Expired');
  });
});

describe('when loading fails', () => {
  test('shows the error and loads again on request', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('listProfiles', { kind: 'storage-error', message: 'The store could not be read.' });
    const { user } = await renderApp(bridge);
    expect(screen.getByRole('alert')).toHaveTextContent('The store could not be read.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('listbox', { name: 'Servers' })).toBeInTheDocument());
    expect(bridge.callCount('listProfiles')).toBe(2);
  });

  test('a rejection that is not an AppErrorInfo still reads as an error', async () => {
    const bridge = new FakeBridge(seed());
    bridge.listProfiles = () => Promise.reject(new Error('preload exploded with secret=abc'));
    await renderApp(bridge);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    expect(screen.getByRole('alert')).not.toHaveTextContent('secret=abc');
  });
});

test('Refresh all asks main and shows the busy state meanwhile', async () => {
  const bridge = new FakeBridge(seed());
  const { user } = await renderApp(bridge);
  const held = bridge.holdNext('refreshAll');
  await user.click(screen.getByRole('button', { name: 'Refresh all' }));
  const call = await held;
  // While it runs, the button is a Cancel that ends what has not answered yet.
  await user.click(screen.getByRole('button', { name: 'Cancel refresh' }));
  expect(bridge.callCount('cancelRefreshAll')).toBe(1);
  await act(async () => call.resolve([signedOutSession('prod', { status: 'expired' })]));
  expect(screen.getByRole('button', { name: 'Refresh all' })).toBeEnabled();
  expect(options()[0]).toHaveTextContent('Expired');
});

test('a failing Refresh all is shown and can be dismissed', async () => {
  const bridge = new FakeBridge(seed());
  bridge.rejectNext('refreshAll', { kind: 'timeout', message: 'Jira took too long.' });
  const { user } = await renderApp(bridge);
  await user.click(screen.getByRole('button', { name: 'Refresh all' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('The server took too long to answer');
  await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('"Open in browser" asks main to open the base URL', async () => {
  const { user, bridge } = await renderApp(seed());
  await user.click(screen.getByRole('button', { name: 'Open in browser' }));
  expect(bridge.calls.openExternal).toEqual([['https://jira.acme.com']]);
});

test('the notifications toggle shows and changes the setting, and says On or Off', async () => {
  const { bridge, user } = await renderApp(seed());
  const toggle = screen.getByRole('button', { name: 'Notifications' });
  await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', 'true'));
  expect(toggle).toHaveTextContent(/^Notifications\s*On$/);
  await user.click(toggle);
  await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', 'false'));
  expect(toggle).toHaveTextContent(/^Notifications\s*Off$/);
  expect(bridge.calls.updateSettings).toEqual([[{ notifications: false }]]);
  await user.click(toggle);
  await waitFor(() => expect(toggle).toHaveAttribute('aria-pressed', 'true'));
  expect(bridge.calls.updateSettings.at(-1)).toEqual([{ notifications: true }]);
});
