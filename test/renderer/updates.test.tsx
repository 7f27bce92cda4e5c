// @vitest-environment jsdom
// The app's own updates in the window: the Settings card (version, state in plain words, Check for updates) and the
// banner with Restart to update once an update has downloaded — which installs only when pressed.
import { act, screen, waitFor, within } from '@testing-library/react';
import { FakeBridge } from './fake-bridge';
import { PRODUCTION } from '../support/model-fixtures';
import { renderApp } from './render-app';

async function openSettings(bridge: FakeBridge) {
  const view = await renderApp(bridge);
  await view.user.click(screen.getByRole('button', { name: 'More' }));
  await view.user.click(screen.getByRole('menuitem', { name: 'Settings' }));
  const card = within(screen.getByRole('main', { name: 'Settings' })).getByRole('region', { name: 'Updates' });
  return { ...view, card };
}

test('Settings shows the version and checks for updates when asked', async () => {
  const bridge = new FakeBridge({ profiles: [PRODUCTION] });
  const { user, card } = await openSettings(bridge);
  await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent('Not checked for updates yet.'));
  expect(card).toHaveTextContent('Jira Session Manager 0.1.0');

  await user.click(within(card).getByRole('button', { name: 'Check for updates' }));
  await waitFor(() =>
    expect(within(card).getByRole('status')).toHaveTextContent('Version 0.1.0 is the latest: up to date.'),
  );
  expect(within(card).getByRole('status')).toHaveTextContent('Last checked');
  expect(bridge.callCount('checkForUpdates')).toBe(1);
  expect(bridge.callCount('installUpdate')).toBe(0);
});

test('a build without a feed says updates are not configured, and offers no check', async () => {
  const bridge = new FakeBridge({
    profiles: [PRODUCTION],
    updates: { status: 'disabled', currentVersion: '0.1.0', message: 'Updates are not configured for this build.' },
  });
  const { card } = await openSettings(bridge);
  await waitFor(() =>
    expect(within(card).getByRole('status')).toHaveTextContent('Updates are not configured for this build.'),
  );
  expect(within(card).getByRole('button', { name: 'Check for updates' })).toBeDisabled();
});

test('the download’s progress and a ready update reach the card as main reports them', async () => {
  const bridge = new FakeBridge({ profiles: [PRODUCTION] });
  const { card, user } = await openSettings(bridge);
  await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent('Not checked'));
  act(() => bridge.pushUpdateState({ status: 'downloading', currentVersion: '0.1.0', version: '0.2.0', percent: 42 }));
  expect(within(card).getByRole('status')).toHaveTextContent('Downloading version 0.2.0: 42%');
  expect(within(card).getByRole('button', { name: 'Check for updates' })).toBeDisabled();

  act(() => bridge.pushUpdateState({ status: 'downloaded', currentVersion: '0.1.0', version: '0.2.0' }));
  expect(within(card).getByRole('status')).toHaveTextContent('Version 0.2.0 is ready. Restart to update.');
  await user.click(within(card).getByRole('button', { name: 'Restart to update' }));
  await waitFor(() => expect(bridge.callCount('installUpdate')).toBe(1));
});

test('a downloaded update shows a banner; it installs only on Restart to update, and Later puts it away', async () => {
  const bridge = new FakeBridge({ profiles: [PRODUCTION] });
  const { user } = await renderApp(bridge);
  expect(screen.queryByRole('region', { name: /is ready to install/ })).toBeNull();

  act(() => bridge.pushUpdateState({ status: 'downloaded', currentVersion: '0.1.0', version: '0.2.0' }));
  const banner = await screen.findByRole('region', { name: 'Version 0.2.0 is ready to install' });
  expect(bridge.callCount('installUpdate')).toBe(0);
  await user.click(within(banner).getByRole('button', { name: 'Later' }));
  expect(screen.queryByRole('region', { name: /is ready to install/ })).toBeNull();
  expect(bridge.callCount('installUpdate')).toBe(0);

  // A newer one comes back; this time the person restarts.
  act(() => bridge.pushUpdateState({ status: 'downloaded', currentVersion: '0.1.0', version: '0.3.0' }));
  const again = await screen.findByRole('region', { name: 'Version 0.3.0 is ready to install' });
  await user.click(within(again).getByRole('button', { name: 'Restart to update' }));
  await waitFor(() => expect(bridge.callCount('installUpdate')).toBe(1));
});

test('a refused install shows its error instead of failing silently', async () => {
  const bridge = new FakeBridge({
    profiles: [PRODUCTION],
    updates: { status: 'downloaded', currentVersion: '0.1.0', version: '0.2.0' },
  });
  bridge.rejectNext('installUpdate', { kind: 'internal-error', message: 'The installer could not be started.' });
  const { user } = await renderApp(bridge);
  const banner = await screen.findByRole('region', { name: 'Version 0.2.0 is ready to install' });
  await user.click(within(banner).getByRole('button', { name: 'Restart to update' }));
  expect(await screen.findByText('The installer could not be started.')).toBeInTheDocument();
});
