// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import type { AppErrorInfo } from '../../electron/shared/model';
import { ERROR_COPY } from '../../renderer/src/components/error-copy';
import { FakeBridge, type FakeBridgeSeed } from './fake-bridge';
import { sampleError, signedInSession, signedOutSession, PRODUCTION as prod } from '../support/model-fixtures';
import { renderApp } from './render-app';

const now = Date.now();

function seed(overrides: FakeBridgeSeed = {}): FakeBridgeSeed {
  return { profiles: [prod], sessions: [signedOutSession('prod')], ...overrides };
}

const passwordField = () => screen.getByLabelText('Password', { selector: 'input' });
const signInForm = () => screen.getByRole('form', { name: 'Sign in to Jira Production' });

test('the form is pre-filled with the username and starts with an empty password', async () => {
  await renderApp(seed());
  expect(within(signInForm()).getByLabelText('Username')).toHaveValue('admin.fred');
  expect(passwordField()).toHaveValue('');
  expect(passwordField()).toHaveAttribute('type', 'password');
});

test('signing in shows progress, clears the password at once, then moves focus to the signed-in heading', async () => {
  const bridge = new FakeBridge(seed());
  const { user } = await renderApp(bridge);
  const held = bridge.holdNext('login');
  await user.type(passwordField(), 'hunter2');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  const call = await held;
  expect(call.args).toEqual(['prod', { username: 'admin.fred', password: 'hunter2', rememberPassword: false }]);
  expect(passwordField()).toHaveValue('');
  expect(screen.getByRole('button', { name: 'Cancel sign-in' })).toBeEnabled();
  expect(signInForm()).toHaveAttribute('aria-busy', 'true');
  expect(screen.getByRole('status')).toHaveTextContent('Signing in to Jira Production…');
  await act(async () => call.resolveDefault());
  const heading = await screen.findByRole('heading', { name: 'Signed in as Fred Jones' });
  await waitFor(() => expect(heading).toHaveFocus());
  expect(document.body.innerHTML).not.toContain('hunter2');
  expect(screen.getByRole('option', { name: /Jira Production/ })).toHaveTextContent('Signed in as Fred Jones');
});

test('Enter in the password field submits', async () => {
  const { user, bridge } = await renderApp(seed());
  await user.type(passwordField(), 'hunter2{Enter}');
  expect(await screen.findByRole('heading', { name: 'Signed in as Fred Jones' })).toBeInTheDocument();
  expect(bridge.calls.login).toHaveLength(1);
});

test('an empty password is caught before anything is sent', async () => {
  const { user, bridge } = await renderApp(seed());
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(passwordField()).toHaveFocus();
  expect(passwordField()).toHaveAccessibleDescription('Enter the password.');
  expect(bridge.calls.login).toHaveLength(0);
});

test('an empty username is caught too', async () => {
  const { user, bridge } = await renderApp(seed());
  const username = within(signInForm()).getByLabelText('Username');
  await user.clear(username);
  await user.type(passwordField(), 'x');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(username).toHaveFocus();
  expect(username).toHaveAccessibleDescription('Enter the username.');
  expect(bridge.calls.login).toHaveLength(0);
});

describe('Remember password', () => {
  test('is offered with the OS keychain and sent when ticked', async () => {
    const { user, bridge } = await renderApp(seed());
    const remember = screen.getByRole('checkbox', { name: 'Remember password' });
    expect(remember).toBeEnabled();
    await user.click(remember);
    await user.type(passwordField(), 'hunter2{Enter}');
    await screen.findByRole('heading', { name: 'Signed in as Fred Jones' });
    expect(bridge.calls.login[0]?.[1]).toEqual({ username: 'admin.fred', password: 'hunter2', rememberPassword: true });
  });

  test.each([
    ['weak', 'this system’s keyring only offers basic text storage'],
    ['none', 'no system keychain is available'],
  ] as const)('is disabled with the reason when the keychain is %s', async (secretStorage, reason) => {
    await renderApp(seed({ appInfo: { secretStorage } }));
    const remember = screen.getByRole('checkbox', { name: 'Remember password' });
    expect(remember).toBeDisabled();
    expect(remember).toHaveAccessibleDescription(expect.stringContaining(reason));
  });

  test('starts ticked when a password is saved; unticking it asks main to forget that password', async () => {
    const { user, bridge } = await renderApp(
      seed({ sessions: [signedOutSession('prod', { status: 'expired', passwordRemembered: true })] }),
    );
    await user.click(screen.getByRole('button', { name: 'Use a different password' }));
    const remember = screen.getByRole('checkbox', { name: 'Remember password' });
    expect(remember).toBeChecked();
    await user.click(remember);
    await user.type(passwordField(), 'hunter2{Enter}');
    await screen.findByRole('heading', { name: 'Signed in as Fred Jones' });
    expect(bridge.calls.login[0]?.[1]).toEqual({
      username: 'admin.fred',
      password: 'hunter2',
      rememberPassword: false,
    });
  });

  test('says nothing about remembering when it cannot be offered', async () => {
    const { user, bridge } = await renderApp(seed({ appInfo: { secretStorage: 'weak' } }));
    await user.type(passwordField(), 'hunter2{Enter}');
    await screen.findByRole('heading', { name: 'Signed in as Fred Jones' });
    expect(bridge.calls.login[0]?.[1]).toEqual({ username: 'admin.fred', password: 'hunter2' });
  });

  test('is enabled on a weak keychain once the user opted in to storing secrets', async () => {
    await renderApp(seed({ appInfo: { secretStorage: 'weak' }, settings: { persistSecretsWithoutKeychain: true } }));
    expect(screen.getByRole('checkbox', { name: 'Remember password' })).toBeEnabled();
  });

  test.each([
    ['os-keychain', false, 'Kept encrypted by your system’s keychain, so the app can sign in again quietly'],
    ['weak', true, 'Kept on this computer without a keychain’s protection, as you chose'],
  ] as const)('says how a remembered password is kept (%s)', async (secretStorage, persist, hint) => {
    await renderApp(seed({ appInfo: { secretStorage }, settings: { persistSecretsWithoutKeychain: persist } }));
    const remember = screen.getByRole('checkbox', { name: 'Remember password' });
    expect(remember).toHaveAccessibleDescription(expect.stringContaining(hint));
    expect(remember).not.toHaveAccessibleDescription(expect.stringContaining(persist ? 'keychain,' : 'without'));
  });

  test('with no keychain at all an old "store anyway" choice offers nothing it cannot keep', async () => {
    await renderApp(seed({ appInfo: { secretStorage: 'none' }, settings: { persistSecretsWithoutKeychain: true } }));
    const remember = screen.getByRole('checkbox', { name: 'Remember password' });
    expect(remember).toBeDisabled();
    expect(remember).toHaveAccessibleDescription(expect.stringContaining('no system keychain is available'));
  });

  test('a saved password can be forgotten from the form', async () => {
    const { user, bridge } = await renderApp(
      seed({ sessions: [signedOutSession('prod', { status: 'expired', passwordRemembered: true })] }),
    );
    expect(screen.getByText('The saved password will be used.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Forget saved password' }));
    expect(bridge.calls.forgetPassword).toEqual([['prod']]);
    expect(await screen.findByText('The saved password was forgotten.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Forget saved password' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Jira Production' })).toHaveFocus());
    // With nothing saved any more, the form asks for the password again.
    expect(passwordField()).toHaveValue('');
  });
});

describe('a remembered password', () => {
  const remembered = () =>
    seed({ sessions: [signedOutSession('prod', { status: 'signed-out', passwordRemembered: true })] });

  test('signs in with the field left out: the form says the saved password will be used', async () => {
    const bridge = new FakeBridge(remembered());
    const { user } = await renderApp(bridge);
    expect(screen.queryByLabelText('Password', { selector: 'input' })).not.toBeInTheDocument();
    expect(within(signInForm()).getByRole('group', { name: 'Password' })).toHaveTextContent(
      'The saved password will be used.',
    );
    expect(within(signInForm()).getByLabelText('Username')).toHaveAttribute('readonly');
    const signIn = screen.getByRole('button', { name: 'Sign in' });
    expect(signIn).toHaveAccessibleDescription('The saved password will be used.');
    await user.click(signIn);
    await screen.findByRole('heading', { name: 'Signed in as Fred Jones' });
    expect(bridge.calls.loginRemembered).toEqual([['prod']]);
    expect(bridge.calls.login).toEqual([]);
    expect(screen.queryByText('Enter the password.')).not.toBeInTheDocument();
  });

  test('"Use a different password" asks for one, signs in with it, and can go back to the saved one', async () => {
    const bridge = new FakeBridge(remembered());
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('button', { name: 'Use a different password' }));
    await waitFor(() => expect(passwordField()).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Use the saved password instead' }));
    expect(screen.queryByLabelText('Password', { selector: 'input' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use a different password' }));
    await user.type(passwordField(), 'n3w-pass{Enter}');
    await screen.findByRole('heading', { name: 'Signed in as Fred Jones' });
    expect(bridge.calls.login).toEqual([
      ['prod', { username: 'admin.fred', password: 'n3w-pass', rememberPassword: true }],
    ]);
    expect(bridge.calls.loginRemembered).toEqual([]);
  });

  test('a saved password the server refuses shows the error and asks for the current one', async () => {
    const bridge = new FakeBridge(remembered());
    const { user } = await renderApp(bridge);
    bridge.resolveNext('loginRemembered', {
      ...signedOutSession('prod', { passwordRemembered: true }),
      error: sampleError('bad-credentials'),
    });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(ERROR_COPY['bad-credentials'].title)).toBeInTheDocument();
    await waitFor(() => expect(passwordField()).toHaveFocus());
    expect(passwordField()).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('errors appear inline with their next step', () => {
  const signInKinds: AppErrorInfo['kind'][] = [
    'bad-credentials',
    'no-application-access',
    'captcha-required',
    'login-denied',
    'basic-auth-disabled',
    'unreachable',
    'timeout',
    'tls-untrusted',
    'tls-pin-mismatch',
    'rate-limited',
    'redirected',
    'unexpected-response',
    'server-error',
    'proxy-auth-required',
  ];

  test.each(signInKinds)('%s (rejected)', async (kind) => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('login', sampleError(kind));
    const { user } = await renderApp(bridge);
    await user.type(passwordField(), 'hunter2{Enter}');
    const alert = await within(signInForm()).findByRole('alert');
    expect(alert).toHaveTextContent(ERROR_COPY[kind].title);
    expect(alert).toHaveTextContent(`Next step: ${ERROR_COPY[kind].nextStep}`);
    expect(passwordField()).toHaveValue('');
    expect(passwordField()).toHaveFocus();
  });

  test('a sign-in that resolves with an error state (what the core does) is shown the same way', async () => {
    const bridge = new FakeBridge(seed());
    bridge.resolveNext('login', signedOutSession('prod', { error: sampleError('bad-credentials') }));
    const { user } = await renderApp(bridge);
    await user.type(passwordField(), 'wrong{Enter}');
    const alert = await within(signInForm()).findByRole('alert');
    expect(alert).toHaveTextContent('Username or password not accepted');
    expect(passwordField()).toHaveAttribute('aria-invalid', 'true');
    expect(passwordField()).toHaveAccessibleDescription(expect.stringContaining('Username or password not accepted'));
  });

  test('CAPTCHA: "Open the web login" opens the login URL', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('login', {
      kind: 'captcha-required',
      message: 'Jira wants a CAPTCHA.',
      loginUrl: 'https://jira.acme.com/login.jsp?captcha',
    });
    const { user } = await renderApp(bridge);
    await user.type(passwordField(), 'hunter2{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Open the web login' }));
    expect(bridge.calls.openExternal).toEqual([['https://jira.acme.com/login.jsp?captcha']]);
  });

  test('an error already on the session shows without being announced', async () => {
    await renderApp(seed({ sessions: [signedOutSession('prod', { error: sampleError('login-denied') })] }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(signInForm()).getByRole('group', { name: 'Jira denied the sign-in' })).toBeInTheDocument();
  });

  test('a new attempt clears the old error', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('login', sampleError('bad-credentials'));
    const { user } = await renderApp(bridge);
    await user.type(passwordField(), 'wrong{Enter}');
    await within(signInForm()).findByRole('alert');
    const held = bridge.holdNext('login');
    await user.type(passwordField(), 'right{Enter}');
    await held;
    expect(within(signInForm()).queryByRole('alert')).not.toBeInTheDocument();
  });
});

test('a sign-in started elsewhere (the tray) shows as progress', async () => {
  await renderApp(seed({ sessions: [signedOutSession('prod', { status: 'signing-in' })] }));
  expect(screen.getByRole('button', { name: 'Cancel sign-in' })).toBeEnabled();
  expect(passwordField()).toHaveAttribute('readonly');
});

describe('expired', () => {
  test('shows a banner and the form to sign in again, without repeating the expiry as an error', async () => {
    await renderApp(
      seed({
        sessions: [
          signedOutSession('prod', {
            status: 'expired',
            verifiedAt: new Date(now - 47 * 60_000).toISOString(),
            error: { kind: 'session-expired', message: 'The session ended.' },
          }),
        ],
      }),
    );
    expect(screen.getByText('Your session on Jira Production has expired')).toBeInTheDocument();
    expect(screen.getByText(/Last confirmed/)).toHaveTextContent('47 minutes ago');
    expect(screen.getByRole('form', { name: 'Sign in again' })).toBeInTheDocument();
    expect(screen.queryByText('Session expired')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Refresh' })).not.toBeInTheDocument();
  });

  test('a failed re-sign-in shows its own error', async () => {
    await renderApp(
      seed({ sessions: [signedOutSession('prod', { status: 'expired', error: sampleError('bad-credentials') })] }),
    );
    expect(screen.getByRole('group', { name: 'Username or password not accepted' })).toBeInTheDocument();
  });
});

describe('signing out', () => {
  test('signs out and moves focus to the password field', async () => {
    const { user, bridge } = await renderApp(seed({ sessions: [signedInSession(prod, now)] }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(bridge.calls.logout).toEqual([['prod']]);
    expect(await screen.findByRole('form', { name: 'Sign in to Jira Production' })).toBeInTheDocument();
    await waitFor(() => expect(passwordField()).toHaveFocus());
    expect(screen.queryByRole('status', { name: /could not be reached/ })).not.toBeInTheDocument();
  });

  test('shows "Signing out…" while it runs', async () => {
    const bridge = new FakeBridge(seed({ sessions: [signedInSession(prod, now)] }));
    const { user } = await renderApp(bridge);
    const held = bridge.holdNext('logout');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const call = await held;
    expect(screen.getByRole('button', { name: 'Signing out…' })).toBeDisabled();
    await act(async () => call.resolveDefault());
    expect(passwordField()).toHaveFocus();
  });

  test('says clearly when only the local session could be cleared', async () => {
    const bridge = new FakeBridge(seed({ sessions: [signedInSession(prod, now)] }));
    bridge.resolveNext('logout', {
      profileId: 'prod',
      state: signedOutSession('prod'),
      serverConfirmed: false,
      error: { kind: 'unreachable', message: 'jira.acme.com did not answer.' },
    });
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const status = await screen.findByText('Signed out locally; the server could not be reached');
    expect(status.closest('[role="status"]')).toHaveTextContent('jira.acme.com did not answer.');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Signed out locally; the server could not be reached')).not.toBeInTheDocument();
  });

  test('a failed sign-out is shown in the pane', async () => {
    const bridge = new FakeBridge(seed({ sessions: [signedInSession(prod, now)] }));
    bridge.rejectNext('logout', sampleError('storage-error'));
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't read or write the app's data");
  });
});

describe('refreshing one server', () => {
  test('asks main, shows the check meanwhile and applies the answer', async () => {
    const bridge = new FakeBridge(seed({ sessions: [signedInSession(prod, now)] }));
    const { user } = await renderApp(bridge);
    const held = bridge.holdNext('refresh');
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const call = await held;
    expect(call.args).toEqual(['prod']);
    expect(screen.getByRole('button', { name: 'Cancel check' })).toBeEnabled();
    await act(async () => call.resolve(signedOutSession('prod', { status: 'expired' })));
    expect(screen.getByText('Your session on Jira Production has expired')).toBeInTheDocument();
  });

  test('shows a rejected refresh with its next step', async () => {
    const bridge = new FakeBridge(seed({ sessions: [signedInSession(prod, now)] }));
    bridge.rejectNext('refresh', sampleError('rate-limited'));
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many requests');
    expect(alert).toHaveTextContent('Jira accepts requests again in 2 minutes');
  });
});
