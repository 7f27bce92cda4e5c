// @vitest-environment jsdom
// The Settings screen: every setting shown as saved, and each change sent to the core at once.
import { screen, waitFor, within } from '@testing-library/react';
import { FakeBridge } from './fake-bridge';
import { PRODUCTION } from '../support/model-fixtures';
import { renderApp } from './render-app';

test('Settings shows the saved values and saves each change', async () => {
  const bridge = new FakeBridge({ profiles: [PRODUCTION], settings: { closeToTray: true, theme: 'system' } });
  const { user } = await renderApp(bridge);
  await user.click(screen.getByRole('button', { name: 'More' }));
  await user.click(screen.getByRole('menuitem', { name: 'Settings' }));
  const settings = screen.getByRole('main', { name: 'Settings' });
  const keep = within(settings).getByLabelText('Keep running in the tray when the window is closed');
  await waitFor(() => expect(keep).toBeChecked());
  expect(within(settings).getByLabelText('Start when I log in to this computer')).not.toBeChecked();

  await user.click(within(settings).getByLabelText('Start when I log in to this computer'));
  await user.click(keep);
  await user.selectOptions(within(settings).getByLabelText('Theme'), 'Dark');
  await user.selectOptions(within(settings).getByLabelText('Check a session every'), '10 minutes');
  await user.click(within(settings).getByLabelText('When a session expires'));
  await waitFor(() => expect(bridge.calls.updateSettings).toHaveLength(5));
  expect(bridge.calls.updateSettings).toEqual([
    [{ startAtLogin: true }],
    [{ closeToTray: false }],
    [{ theme: 'dark' }],
    [{ defaultPollIntervalSeconds: 600 }],
    [{ notifyExpiry: false }],
  ]);
  expect(bridge.settings).toMatchObject({ startAtLogin: true, closeToTray: false, theme: 'dark', notifyExpiry: false });
  expect(within(settings).getByLabelText('Theme')).toHaveValue('dark');
});
