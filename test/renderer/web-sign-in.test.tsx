// @vitest-environment jsdom
// Web sign-in in the window: the editor's sign-in method, the web sign-in card and its waiting state, a password
// this once, the web page offered for a CAPTCHA or refused passwords, switching a profile to web sign-in, the
// reason a session ended, and the expired banner's way back in.
import { act, screen, waitFor, within } from '@testing-library/react';
import { WEB_SIGN_IN_WAITING } from '../../renderer/src/components/web-sign-in-card';
import { FakeBridge } from './fake-bridge';
import { makeProfile, sampleError, signedInSession, signedOutSession, PRODUCTION } from '../support/model-fixtures';
import { renderApp } from './render-app';

const now = Date.now();
const SSO = makeProfile({
  id: 'sso',
  label: 'Acme SSO',
  baseUrl: 'https://sso-jira.acme.com',
  environment: 'production',
  signInMethod: 'web',
});
const webButton = () => screen.getByRole('button', { name: 'Sign in on the web page' });

describe('the sign-in method in the server editor', () => {
  test('is a required choice with a hint for each, password by default; web makes the username optional', async () => {
    const { user, bridge } = await renderApp({ profiles: [] });
    await user.click(screen.getAllByRole('button', { name: /Add server/ })[0]!);
    const group = screen.getByRole('radiogroup', { name: 'Sign-in method' });
    expect(group).toHaveAttribute('aria-required', 'true');
    const password = within(group).getByRole('radio', { name: "Password (Jira's sign-in API)" });
    const web = within(group).getByRole('radio', { name: 'Web page (single sign-on, two-step verification)' });
    expect(password).toBeChecked();
    expect(password).toHaveAccessibleDescription(/type the password here/);
    expect(web).toHaveAccessibleDescription(/server's own login page/);
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription('Filled in when you sign in.');

    await user.click(web);
    expect(screen.getByLabelText('Username (optional)')).toHaveAccessibleDescription(/login page decides/);
    await user.type(screen.getByLabelText('Server name'), 'Acme SSO');
    await user.selectOptions(screen.getByLabelText('Environment'), 'staging');
    await user.type(screen.getByLabelText('Base URL'), 'https://sso-jira.acme.com');
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    await screen.findByRole('heading', { name: 'Acme SSO', level: 2 });
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({ signInMethod: 'web', username: '' });
    expect(bridge.profiles[0]?.signInMethod).toBe('web');
  });

  test("editing keeps the profile's method and can change it back", async () => {
    const { user, bridge } = await renderApp({ profiles: [SSO] });
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    expect(screen.getByRole('radio', { name: /^Web page/ })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: /^Password/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(bridge.calls.saveProfile).toHaveLength(1));
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({ id: 'sso', signInMethod: 'password' });
  });
});

describe('the web sign-in card', () => {
  test('explains itself, shows the waiting state while the window is open, then the signed-in server', async () => {
    const bridge = new FakeBridge({ profiles: [SSO] });
    const { user } = await renderApp(bridge);
    const card = screen.getByRole('region', { name: 'Sign in to Acme SSO' });
    expect(card).toHaveTextContent('single sign-on, two-step verification or a CAPTCHA');
    expect(within(card).queryByLabelText('Password')).toBeNull();

    const held = bridge.holdNext('webLogin');
    await user.click(webButton());
    const call = await held;
    expect(call.args).toEqual(['sso']);
    expect(card).toHaveAttribute('aria-busy', 'true');
    expect(within(card).getByRole('status')).toHaveTextContent(WEB_SIGN_IN_WAITING);
    expect(within(card).getByRole('button', { name: 'Waiting for the web sign-in…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await user.click(within(card).getByRole('button', { name: 'Waiting for the web sign-in…' }));
    expect(bridge.calls.webLogin).toHaveLength(1);

    await act(async () => call.resolve(signedInSession(SSO, now)));
    const heading = await screen.findByRole('heading', { name: 'Signed in as Fred Jones' });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  test('a closed window leaves the state as it was and says so', async () => {
    const bridge = new FakeBridge({ profiles: [SSO] });
    bridge.resolveNext('webLogin', signedOutSession('sso'));
    const { user } = await renderApp(bridge);
    await user.click(webButton());
    expect(await screen.findByText('Web sign-in cancelled')).toBeInTheDocument();
    expect(webButton()).not.toHaveAttribute('aria-disabled');
    expect(screen.queryByRole('heading', { name: /Signed in as/ })).toBeNull();
  });

  test('a failure shows in the pane', async () => {
    const bridge = new FakeBridge({ profiles: [SSO] });
    bridge.rejectNext('webLogin', sampleError('unreachable'));
    const { user } = await renderApp(bridge);
    await user.click(webButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('Server unreachable');
  });

  test('a password can be used this once, and the card comes back', async () => {
    const { user, bridge } = await renderApp({ profiles: [SSO] });
    await user.click(screen.getByRole('button', { name: 'Use a password this time' }));
    const form = screen.getByRole('form', { name: 'Sign in to Acme SSO' });
    await user.type(within(form).getByLabelText('Password'), 'hunter2{Enter}');
    await screen.findByRole('heading', { name: 'Signed in as Fred Jones' });
    expect(bridge.calls.login).toEqual([
      ['sso', { username: 'admin.fred', password: 'hunter2', rememberPassword: false }],
    ]);
    expect(bridge.profiles[0]?.signInMethod).toBe('web');

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.click(await screen.findByRole('button', { name: 'Use a password this time' }));
    await user.click(screen.getByRole('button', { name: 'Back to signing in on the web page' }));
    expect(webButton()).toBeInTheDocument();
  });

  test('shows why the last session ended', async () => {
    await renderApp({
      profiles: [SSO],
      sessions: [signedOutSession('sso', { signedOutReason: 'Signed out in the Jira window.' })],
    });
    const notice = screen.getByText('Signed out in the Jira window.').closest('.notice');
    expect(notice).toHaveAttribute('role', 'status');
    expect(notice).toHaveTextContent(/^Why this server is signed out/);
    expect(webButton()).toBeInTheDocument();
  });
});

describe('a password profile that needs the web page', () => {
  test.each(['captcha-required', 'basic-auth-disabled'] as const)(
    '%s offers "Sign in on the web page instead", which runs the web sign-in',
    async (kind) => {
      const bridge = new FakeBridge({ profiles: [PRODUCTION] });
      bridge.rejectNext('login', sampleError(kind));
      const { user } = await renderApp(bridge);
      await user.type(screen.getByLabelText('Password', { selector: 'input' }), 'hunter2{Enter}');
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByRole('button', { name: 'Open the web login' })).not.toHaveClass('button-primary');
      await user.click(within(alert).getByRole('button', { name: 'Sign in on the web page instead' }));
      await screen.findByRole('heading', { name: 'Signed in as Fred Jones' });
      expect(bridge.calls.webLogin).toEqual([['prod']]);
      expect(bridge.profiles[0]?.signInMethod).toBe('password');
    },
  );

  test.each([
    ['an HTML page instead of JSON', sampleError('unexpected-response')],
    ['a redirect to a login page', sampleError('redirected')],
  ])('%s suggests web sign-in for this server, which saves the profile with it', async (_what, error) => {
    const bridge = new FakeBridge({ profiles: [PRODUCTION] });
    bridge.rejectNext('login', error);
    const { user } = await renderApp(bridge);
    await user.type(screen.getByLabelText('Password', { selector: 'input' }), 'hunter2{Enter}');
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Use web sign-in for this server' }));
    expect(await screen.findByText('This server now signs in on its web page')).toBeInTheDocument();
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({
      id: 'prod',
      label: 'Jira Production',
      baseUrl: 'https://jira.acme.com',
      signInMethod: 'web',
    });
    expect(webButton()).toBeInTheDocument();
  });

  test('a redirect elsewhere than a login page or JSON that is not HTML suggests nothing of the kind', async () => {
    const bridge = new FakeBridge({ profiles: [PRODUCTION] });
    bridge.rejectNext('login', {
      ...sampleError('redirected'),
      location: 'https://jira-new.acme.com/rest/auth/1/session',
    });
    const { user } = await renderApp(bridge);
    await user.type(screen.getByLabelText('Password', { selector: 'input' }), 'hunter2{Enter}');
    const alert = await screen.findByRole('alert');
    expect(within(alert).queryByRole('button', { name: 'Use web sign-in for this server' })).toBeNull();
    expect(within(alert).queryByRole('button', { name: 'Sign in on the web page instead' })).toBeNull();
  });
});

describe('an expired web session', () => {
  test("the banner's action reopens the web sign-in; a password is still possible this once", async () => {
    const bridge = new FakeBridge({
      profiles: [SSO],
      sessions: [signedOutSession('sso', { status: 'expired', verifiedAt: new Date(now - 60_000).toISOString() })],
    });
    const { user } = await renderApp(bridge);
    const banner = screen.getByText('Your session on Acme SSO has expired').closest('.notice') as HTMLElement;
    expect(banner).toHaveTextContent('Sign in on the web page again to continue.');
    expect(screen.queryByRole('button', { name: 'Sign in on the web page' })).toBeNull();
    await user.click(within(banner).getByRole('button', { name: 'Sign in on the web page again' }));
    await screen.findByRole('heading', { name: 'Signed in as Fred Jones' });
    expect(bridge.calls.webLogin).toEqual([['sso']]);
  });

  test('"Use a password this time" from the banner shows the password form', async () => {
    await renderApp({ profiles: [SSO], sessions: [signedOutSession('sso', { status: 'expired' })] }).then(
      async ({ user }) => {
        await user.click(screen.getByRole('button', { name: 'Use a password this time' }));
        expect(screen.getByRole('form', { name: 'Sign in again' })).toBeInTheDocument();
      },
    );
  });
});
