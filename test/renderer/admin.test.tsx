// @vitest-environment jsdom
// Administrator powers in the window: the admin mark, ending admin access, the Tokens section, token sign-in,
// tokens about to expire across servers, and the administration page for websudo-required.
import { screen, waitFor, within } from '@testing-library/react';
import {
  makeProfile,
  PRODUCTION,
  sampleError,
  signedInSession,
  signedOutSession,
  STAGING,
} from '../support/model-fixtures';
import { FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

const now = Date.now();
const DAY_MS = 24 * 60 * 60 * 1000;

function adminBridge(overrides: Parameters<typeof signedInSession>[2] = {}) {
  return new FakeBridge({
    profiles: [PRODUCTION, STAGING],
    sessions: [
      signedInSession(PRODUCTION, now, { adminLevel: 'system-admin', ...overrides }),
      signedInSession(STAGING, now, { adminLevel: 'none' }),
    ],
  });
}

const tokensSection = () => screen.getByRole('region', { name: 'Personal access tokens' });

describe('admin level', () => {
  test('marks administrators in the list and the pane, and no one else', async () => {
    await renderApp(adminBridge());
    const list = screen.getByRole('listbox');
    const prodRow = within(list).getByRole('option', { name: /Jira Production/ });
    const stageRow = within(list).getByRole('option', { name: /Jira Staging/ });
    expect(within(prodRow).getByText('System administrator')).toBeInTheDocument();
    expect(within(stageRow).queryByText(/administrator/i)).toBeNull();
    expect(screen.getByRole('region', { name: 'Admin access' })).toHaveTextContent(
      'System administrator on this server.',
    );
  });
});

describe('admin access', () => {
  test('ends admin access on one server and says so', async () => {
    const { bridge, user } = await renderApp(adminBridge());
    await user.click(screen.getByRole('button', { name: 'End admin access' }));
    expect(bridge.calls.releaseAdminAccess).toEqual([['prod']]);
    expect(await screen.findByText(/Admin access ended: Jira asks for your password again/)).toBeInTheDocument();
  });

  test('shows the error when it fails, and opens the administration page in the Jira window', async () => {
    const bridge = adminBridge();
    bridge.rejectNext('releaseAdminAccess', sampleError('unreachable'));
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('button', { name: 'End admin access' }));
    expect(await screen.findByText('Server unreachable')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Open the administration page' })[0]!);
    expect(bridge.calls.openInJira).toEqual([['prod', '/secure/admin/ViewApplicationProperties.jspa']]);
  });

  test('"End admin access everywhere" in the toolbar, with what each server answered', async () => {
    const bridge = adminBridge();
    bridge.resolveNext('releaseAdminAccessEverywhere', [
      { profileId: 'prod', released: false, error: { kind: 'timeout', message: 'Jira took too long.' } },
    ]);
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('button', { name: 'End admin access everywhere' }));
    expect(await screen.findByText('Admin access could not be ended everywhere')).toBeInTheDocument();
    expect(screen.getByText('Jira Production: Jira took too long.')).toBeInTheDocument();
  });

  test('a token session has no admin access to end, and plain users get no toolbar button', async () => {
    await renderApp(adminBridge({ cookieNames: [] }));
    expect(screen.getByRole('region', { name: 'Admin access' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'End admin access' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'End admin access everywhere' })).toBeNull();
  });

  test('websudo-required offers the administration page', async () => {
    const bridge = adminBridge();
    bridge.rejectNext('refresh', sampleError('websudo-required'));
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Open the administration page' }));
    expect(bridge.calls.openInJira).toEqual([['prod', '/secure/admin/ViewApplicationProperties.jspa']]);
  });
});

describe('the Tokens section', () => {
  test('lists your tokens with when they expire, marking the ones that expire soon', async () => {
    const bridge = adminBridge();
    bridge.admin.tokens.set('prod', [
      {
        id: 1,
        name: 'backup',
        createdAt: new Date(now - 80 * DAY_MS).toISOString(),
        expiringAt: new Date(now + 10 * DAY_MS).toISOString(),
      },
      { id: 2, name: 'reports', createdAt: new Date(now - DAY_MS).toISOString() },
    ]);
    await renderApp(bridge);
    const table = await within(tokensSection()).findByRole('table', { name: 'Your tokens on Jira Production' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['backup', 'reports']);
    expect(rows[0]).toHaveTextContent('(expires soon)');
    expect(rows[0]).toHaveTextContent('Never used');
    expect(rows[1]).toHaveTextContent('Never');
    expect(rows[1]).not.toHaveTextContent('expires soon');
  });

  test('creates a token, shows its value once with a copy button, and lists it', async () => {
    const { bridge, user } = await renderApp(adminBridge());
    const section = tokensSection();
    await user.click(within(section).getByRole('button', { name: 'Create token' }));
    expect(within(section).getByText('Enter a name for the token.')).toBeInTheDocument();
    expect(bridge.calls.createToken).toEqual([]);
    await user.type(within(section).getByLabelText('Token name'), 'Nightly backup');
    await user.selectOptions(within(section).getByLabelText('Expires after'), '30');
    await user.click(within(section).getByRole('button', { name: 'Create token' }));
    expect(bridge.calls.createToken).toEqual([['prod', { name: 'Nightly backup', expiresInDays: 30 }]]);
    const created = await within(section).findByRole('region', { name: 'New token Nightly backup' });
    const raw = 'fake-raw-token-100-prod';
    expect(within(created).getByLabelText('Token value')).toHaveTextContent(raw);
    await user.click(within(created).getByRole('button', { name: 'Copy token' }));
    expect(bridge.calls.copyToken).toEqual([[raw]]);
    expect(await within(created).findByText(/cleared in 60 seconds/)).toBeInTheDocument();
    expect(within(section).getByRole('rowheader', { name: 'Nightly backup' })).toBeInTheDocument();
    await user.click(within(created).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText(raw)).toBeNull();
  });

  test('revoking on production asks first; elsewhere it does not', async () => {
    const bridge = adminBridge();
    bridge.admin.tokens.set('prod', [{ id: 7, name: 'ci' }]);
    bridge.admin.tokens.set('stage', [{ id: 8, name: 'sync' }]);
    const { user } = await renderApp(bridge);
    await user.click(await within(tokensSection()).findByRole('button', { name: 'Revoke ci' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke “ci”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(bridge.calls.revokeToken).toEqual([]);
    await user.click(within(tokensSection()).getByRole('button', { name: 'Revoke ci' }));
    await user.click(screen.getByRole('button', { name: 'Revoke token' }));
    await waitFor(() => expect(within(tokensSection()).getByText('You have no tokens on this server.')).toBeVisible());
    expect(bridge.calls.revokeToken).toEqual([['prod', 7]]);

    await user.click(screen.getByRole('option', { name: /Jira Staging/ }));
    await user.click(await within(tokensSection()).findByRole('button', { name: 'Revoke sync' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() =>
      expect(bridge.calls.revokeToken).toEqual([
        ['prod', 7],
        ['stage', 8],
      ]),
    );
  });

  test('says plainly when a server has no tokens, and offers no form there', async () => {
    const bridge = adminBridge();
    bridge.rejectNext('listTokens', {
      kind: 'tokens-unavailable',
      message: 'Personal access tokens are not available on this server.',
    });
    await renderApp(bridge);
    const alert = await within(tokensSection()).findByRole('alert');
    expect(alert).toHaveTextContent('Personal access tokens are not available here');
    expect(alert).toHaveTextContent('Jira 8.14 or later');
    expect(within(tokensSection()).queryByRole('button', { name: 'Create token' })).toBeNull();
  });
});

describe('tokens expiring across servers', () => {
  test('lists the tokens of every signed-in server that expire within 14 days', async () => {
    const bridge = adminBridge();
    bridge.admin.tokens.set('prod', [
      { id: 1, name: 'deploy', expiringAt: new Date(now + 3 * DAY_MS + 3_600_000).toISOString() },
    ]);
    bridge.admin.tokens.set('stage', [
      { id: 2, name: 'later', expiringAt: new Date(now + 40 * DAY_MS).toISOString() },
      { id: 3, name: 'sync', expiringAt: new Date(now + 13 * DAY_MS + 3_600_000).toISOString() },
    ]);
    await renderApp(bridge);
    const title = await screen.findByText('Personal access tokens expiring within 14 days');
    const notice = title.closest('.expiring-tokens') as HTMLElement;
    const items = within(notice)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^deploy on Jira Production — expires in 3 days/);
    expect(items[1]).toMatch(/^sync on Jira Staging — expires (in 13 days|next week)/);
  });
});

describe('signing in with a token', () => {
  const service = makeProfile({ id: 'svc', label: 'Service account', signInMethod: 'token', username: 'svc-bot' });

  test('sends the token once, clears the field, and shows the signed-in server', async () => {
    const { bridge, user } = await renderApp({ profiles: [service], sessions: [signedOutSession('svc')] });
    await user.click(screen.getByRole('button', { name: 'Sign in with token' }));
    expect(screen.getByText('Paste the personal access token.')).toBeInTheDocument();
    const field = screen.getByLabelText('Personal access token');
    await user.type(field, 'abc.DEF-123');
    await user.click(screen.getByRole('button', { name: 'Sign in with token' }));
    expect(bridge.calls.useToken).toEqual([['svc', { token: 'abc.DEF-123' }]]);
    expect(bridge.calls.login).toEqual([]);
    expect(await screen.findByRole('heading', { name: /Signed in as svc-bot/ })).toBeInTheDocument();
  });

  test("shows Jira's refusal and, after signing out, that the token was only forgotten", async () => {
    const bridge = new FakeBridge({ profiles: [service], sessions: [signedOutSession('svc')] });
    bridge.resolveNext('useToken', {
      ...signedOutSession('svc'),
      error: { kind: 'bad-credentials', message: 'Jira did not accept that personal access token.' },
    });
    const { user } = await renderApp(bridge);
    await user.type(screen.getByLabelText('Personal access token'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in with token' }));
    expect(await screen.findByText('Jira did not accept that personal access token.')).toBeInTheDocument();
    expect(screen.getByLabelText('Personal access token')).toHaveValue('');

    await user.type(screen.getByLabelText('Personal access token'), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in with token' }));
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Signed out: the token was forgotten on this computer')).toBeInTheDocument();
  });
});

describe('the server editor', () => {
  test('saves a personal access token as the sign-in method, and keeps it when the server is edited again', async () => {
    const service = makeProfile({ id: 'svc', label: 'Service account', signInMethod: 'token' });
    const { bridge, user } = await renderApp({ profiles: [service] });
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    const token = screen.getByRole('radio', { name: /Personal access token/ });
    expect(token).toBeChecked();
    await user.click(screen.getByRole('radio', { name: /^Password/ }));
    await user.click(token);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({ id: 'svc', signInMethod: 'token' });
    expect(await screen.findByRole('button', { name: 'Sign in with token' })).toBeInTheDocument();
  });
});
