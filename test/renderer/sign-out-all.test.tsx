// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { FakeBridge } from './fake-bridge';
import {
  makeProfile,
  signedInSession,
  signedOutSession,
  PRODUCTION as prod,
  DEV_SANDBOX as dev,
} from '../support/model-fixtures';
import { renderApp } from './render-app';

const now = Date.now();
const jsm = makeProfile({
  id: 'jsm',
  label: 'Service Management',
  baseUrl: 'https://support.acme.com',
  environment: 'production',
});
const test1 = makeProfile({ id: 'test', label: 'Test cluster', baseUrl: 'https://test.acme.com' });

function bridgeWithSessions() {
  return new FakeBridge({
    profiles: [prod, jsm, test1, dev],
    sessions: [
      signedInSession(prod, now),
      signedInSession(jsm, now),
      signedInSession(test1, now),
      signedOutSession('dev'),
    ],
  });
}

test('the confirmation lists exactly the servers it will sign out of', async () => {
  const { user } = await renderApp(bridgeWithSessions());
  await user.click(screen.getByRole('button', { name: 'Sign out of all' }));
  const dialog = screen.getByRole('dialog', { name: 'Sign out of 3 servers?' });
  expect(dialog).toHaveAttribute('aria-modal', 'true');
  const items = within(dialog).getAllByRole('listitem');
  expect(items.map((item) => item.querySelector('.dialog-list-label')?.textContent)).toEqual([
    'Jira Production',
    'Service Management',
    'Test cluster',
  ]);
  expect(items[0]).toHaveTextContent('Production');
  expect(dialog).not.toHaveTextContent('Dev sandbox');
  // The safe answer takes focus, so Enter never signs out by accident.
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
});

test('Cancel and Escape close it without signing out, and focus goes back', async () => {
  const { user, bridge } = await renderApp(bridgeWithSessions());
  const opener = screen.getByRole('button', { name: 'Sign out of all' });
  await user.click(opener);
  await user.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(opener).toHaveFocus();
  await user.click(opener);
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(opener).toHaveFocus();
  expect(bridge.calls.logoutAll).toHaveLength(0);
});

test('after confirming, the results say which servers confirmed and which were only cleared locally', async () => {
  const bridge = bridgeWithSessions();
  bridge.resolveNext('logoutAll', [
    { profileId: 'prod', state: signedOutSession('prod'), serverConfirmed: true },
    { profileId: 'jsm', state: signedOutSession('jsm'), serverConfirmed: true },
    {
      profileId: 'test',
      state: signedOutSession('test'),
      serverConfirmed: false,
      error: { kind: 'unreachable', message: 'test.acme.com did not answer.' },
    },
  ]);
  const { user } = await renderApp(bridge);
  await user.click(screen.getByRole('button', { name: 'Sign out of all' }));
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sign out of all' }));
  const results = await screen.findByRole('dialog', { name: 'Signed out of 3 servers, 1 only locally' });
  const items = within(within(results).getByRole('list', { name: 'Sign-out results' })).getAllByRole('listitem');
  // Failures first: the server that may still hold a session leads.
  expect(items[0]).toHaveTextContent('Test cluster');
  expect(items[0]).toHaveTextContent('Signed out locally; the server could not be reached');
  expect(items[0]).toHaveTextContent('test.acme.com did not answer.');
  expect(items[1]).toHaveTextContent('Jira Production');
  expect(items[1]).toHaveTextContent('Signed out');
  expect(items[1]).not.toHaveTextContent('could not be reached');
  expect(items[2]).not.toHaveTextContent('could not be reached');
  await waitFor(() => expect(within(results).getByRole('button', { name: 'Done' })).toHaveFocus());
  // The list behind already shows the new states.
  expect(screen.getByRole('option', { name: /Test cluster/, hidden: true })).toHaveTextContent('Signed out');
  await user.click(within(results).getByRole('button', { name: 'Done' }));
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(screen.getByLabelText('Password', { selector: 'input' })).toHaveFocus();
  expect(screen.getByRole('button', { name: 'Sign out of all' })).toBeDisabled();
});

test('when every server confirms, the title says so', async () => {
  const { user } = await renderApp(bridgeWithSessions());
  await user.click(screen.getByRole('button', { name: 'Sign out of all' }));
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sign out of all' }));
  expect(await screen.findByRole('dialog', { name: 'Signed out of 3 servers' })).toBeInTheDocument();
});

test('while it runs the buttons are disabled; a failure stays in the dialog', async () => {
  const bridge = bridgeWithSessions();
  const { user } = await renderApp(bridge);
  const held = bridge.holdNext('logoutAll');
  await user.click(screen.getByRole('button', { name: 'Sign out of all' }));
  await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sign out of all' }));
  const call = await held;
  const dialog = screen.getByRole('dialog');
  expect(within(dialog).getByRole('button', { name: 'Signing out…' })).toBeDisabled();
  expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
  await act(async () => call.reject({ kind: 'internal-error', message: 'The sign-out could not start.' }));
  expect(within(dialog).getByRole('alert')).toHaveTextContent('The sign-out could not start.');
  expect(within(dialog).getByRole('button', { name: 'Sign out of all' })).toBeEnabled();
});

test('the button is disabled when no server holds a session', async () => {
  await renderApp({ profiles: [dev], sessions: [signedOutSession('dev')] });
  expect(screen.getByRole('button', { name: 'Sign out of all' })).toBeDisabled();
});

test('a server still holding cookies is included even when not signed in', async () => {
  const { user } = await renderApp({
    profiles: [dev],
    sessions: [signedOutSession('dev', { status: 'error', cookieNames: ['JSESSIONID'] })],
  });
  await user.click(screen.getByRole('button', { name: 'Sign out of all' }));
  expect(within(screen.getByRole('dialog', { name: 'Sign out of 1 server?' })).getByRole('listitem')).toHaveTextContent(
    'Dev sandbox',
  );
});
