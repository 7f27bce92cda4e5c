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
