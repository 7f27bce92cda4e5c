// @vitest-environment jsdom
// The remembered password in the window: "Sign in to all expired" with its results, a server shown on main's
// request (a tray item, a notification's click), and a quiet re-sign-in said in the pane with its switch.
import { act, screen, waitFor, within } from '@testing-library/react';
import { quietSignInSentence } from '../../electron/shared/quiet-sign-in';
import { FakeBridge } from './fake-bridge';
import {
  DEV_SANDBOX,
  PRODUCTION,
  STAGING,
  sampleError,
  signedInSession,
  signedOutSession,
} from '../support/model-fixtures';
import { renderApp } from './render-app';

const now = Date.now();
const heading = () => document.getElementById('pane-heading');

describe('Sign in to all expired', () => {
  test('is offered only while a server has expired', async () => {
    await renderApp({ profiles: [PRODUCTION], sessions: [signedInSession(PRODUCTION, now)] });
    expect(screen.queryByRole('button', { name: 'Sign in to all expired' })).not.toBeInTheDocument();
  });

  test('signs in every expired server with a saved password and lists the others first, with a way to them', async () => {
    const bridge = new FakeBridge({
      profiles: [PRODUCTION, STAGING, DEV_SANDBOX],
      sessions: [
        signedOutSession('prod', { status: 'expired', passwordRemembered: true }),
        signedOutSession('stage', { status: 'expired' }),
        signedOutSession('dev', { status: 'expired', passwordRemembered: true }),
      ],
    });
    const { user } = await renderApp(bridge);
    const held = bridge.holdNext('signInExpired');
    await user.click(screen.getByRole('button', { name: 'Sign in to all expired' }));
    const call = await held;
    expect(screen.getByRole('button', { name: 'Signing in…' })).toBeDisabled();
    const signedIn = signedInSession(PRODUCTION, now);
    await act(async () =>
      call.resolve([
        { profileId: 'prod', outcome: 'signed-in', state: signedIn },
        { profileId: 'stage', outcome: 'needs-you', state: signedOutSession('stage', { status: 'expired' }) },
        {
          profileId: 'dev',
          outcome: 'failed',
          state: signedOutSession('dev', { status: 'expired', passwordRemembered: true }),
          error: sampleError('bad-credentials'),
        },
      ]),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Signed in to 1 of 3 expired servers' });
    const lines = within(within(dialog).getByRole('list', { name: 'Sign-in results' })).getAllByRole('listitem');
    expect(lines.map((line) => line.textContent)).toEqual([
      expect.stringContaining('Dev sandboxCould not sign in with the saved passwordMessage for bad-credentials.'),
      expect.stringContaining('Jira StagingNo saved password: sign in yourself'),
      expect.stringContaining('Jira ProductionSigned in as'),
    ]);
    expect(within(lines[2]!).queryByRole('button')).not.toBeInTheDocument();
    // The answer's states are applied at once: the list shows production signed in.
    expect(screen.getByRole('option', { name: /Jira Production/ })).toHaveTextContent(/Signed in/);

    await user.click(within(dialog).getByRole('button', { name: 'Go to Jira Staging' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(heading()).toHaveTextContent('Jira Staging');
    await waitFor(() => expect(screen.getByLabelText('Password', { selector: 'input' })).toHaveFocus());
  });

  test('shows why when the call itself fails', async () => {
    const bridge = new FakeBridge({
      profiles: [PRODUCTION],
      sessions: [signedOutSession('prod', { status: 'expired', passwordRemembered: true })],
    });
    bridge.rejectNext('signInExpired', sampleError('internal-error'));
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('button', { name: 'Sign in to all expired' }));
    const dialog = await screen.findByRole('dialog', { name: 'Could not sign in to the expired servers' });
    expect(dialog).toHaveTextContent('Message for internal-error.');
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

test('main can ask the window to show a server (a tray item, a notification)', async () => {
  const bridge = new FakeBridge({ profiles: [PRODUCTION, STAGING] });
  await renderApp(bridge);
  expect(heading()).toHaveTextContent('Jira Production');
  act(() => bridge.showServer('stage'));
  expect(heading()).toHaveTextContent('Jira Staging');
  expect(screen.getByRole('option', { name: /Jira Staging/ })).toHaveAttribute('aria-selected', 'true');
});

describe('a quiet re-sign-in', () => {
  const quiet = { at: new Date(now - 5 * 60_000).toISOString(), countToday: 3 };
  const seed = (settings = {}) => ({
    profiles: [PRODUCTION],
    sessions: [signedInSession(PRODUCTION, now, { quietSignIn: quiet, passwordRemembered: true })],
    settings,
  });

  test('is said in the pane, with when and how many times today', async () => {
    await renderApp(seed());
    const sentence = quietSignInSentence(quiet);
    expect(sentence).toMatch(/^Signed in again automatically at \d\d:\d\d (AM |PM )?\(3rd time today\)$/i);
    expect(screen.getByText(`${sentence}.`)).toBeInTheDocument();
  });

  test('has a switch for its notification, which changes the setting', async () => {
    const { user, bridge } = await renderApp(seed());
    const toggle = screen.getByRole('checkbox', { name: 'Notify me each time' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    expect(bridge.calls.updateSettings).toEqual([[{ notifyQuietSignIn: false }]]);
    await waitFor(() => expect(toggle).not.toBeChecked());
  });

  test('the switch is off limits while all notifications are off, and says why', async () => {
    await renderApp(seed({ notifications: false }));
    const toggle = screen.getByRole('checkbox', { name: 'Notify me each time' });
    expect(toggle).toBeDisabled();
    expect(toggle).toHaveAccessibleDescription('Notifications are off.');
  });

  test('says nothing for a session signed in by hand', async () => {
    await renderApp({ profiles: [PRODUCTION], sessions: [signedInSession(PRODUCTION, now)] });
    expect(screen.queryByText(/Signed in again automatically/)).not.toBeInTheDocument();
  });
});
