// Renders the whole dashboard against a FakeBridge and waits until the first real screen is up.
import { render, screen, waitForElementToBeRemoved } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Root } from '../../renderer/src/root';
import { FakeBridge, type FakeBridgeSeed } from './fake-bridge';

export async function renderApp(seedOrBridge: FakeBridgeSeed | FakeBridge = {}) {
  const bridge = seedOrBridge instanceof FakeBridge ? seedOrBridge : new FakeBridge(seedOrBridge);
  const user = userEvent.setup();
  const view = render(<Root bridge={bridge} />);
  const loading = screen.queryByText('Loading servers…');
  if (loading) await waitForElementToBeRemoved(loading);
  return { bridge, user, ...view };
}

/** The row the server list's keyboard is on (its aria-activedescendant), or null when the list has no focus. */
export function keyboardRow(): HTMLElement | null {
  const list = screen.getByRole('listbox', { name: 'Servers' });
  if (document.activeElement !== list) return null;
  const id = list.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
}
