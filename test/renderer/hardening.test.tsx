// @vitest-environment jsdom
// What the window adds to the hardening: http:// said plainly, a sign-out's reason shown, the store notice that
// shows its folder and can be put away, and an error screen instead of a blank window.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorBoundary } from '../../renderer/src/components/error-boundary';
import { FakeBridge } from './fake-bridge';
import { DEV_SANDBOX, PRODUCTION, signedOutSession } from './fixtures';
import { renderApp } from './render-app';

const NOT_ENCRYPTED = /Not encrypted: the password and session travel in clear/;

describe('http:// servers', () => {
  test('the sign-in form and the profile say the password and session travel in clear', async () => {
    await renderApp({ profiles: [DEV_SANDBOX], sessions: [signedOutSession('dev')] });
    const form = screen.getByRole('form', { name: 'Sign in to Dev sandbox' });
    expect(within(form).getByRole('note')).toHaveTextContent(NOT_ENCRYPTED);
    const pane = screen.getByRole('region', { name: 'Dev sandbox' });
    expect(within(pane).getByTitle(NOT_ENCRYPTED)).toHaveTextContent('Not encrypted');
  });

  test('https:// servers carry no such warning', async () => {
    await renderApp({ profiles: [PRODUCTION], sessions: [signedOutSession('prod')] });
    expect(screen.queryByText(/Not encrypted/)).not.toBeInTheDocument();
  });
});

test('a profile signed out by the app says why', async () => {
  const reason = 'Signed out because the proxy changed: sign in again over the new connection.';
  await renderApp({ profiles: [PRODUCTION], sessions: [signedOutSession('prod', { signedOutReason: reason })] });
  const pane = screen.getByRole('region', { name: 'Jira Production' });
  expect(within(pane).getByText(reason)).toBeInTheDocument();
  expect(within(pane).getByText('Signed out by the app')).toBeInTheDocument();
});

describe('the store problem notice', () => {
  const storeProblem = { message: 'The saved servers file could not be read.', backupPath: '/data/x.unreadable.json' };

  test('shows the backup in its folder through main, and can be dismissed', async () => {
    const { bridge, user } = await renderApp({ profiles: [PRODUCTION], appInfo: { storeProblem } });
    const notice = screen.getByRole('region', { name: 'Saved data could not be read' });
    await user.click(within(notice).getByRole('button', { name: 'Show folder' }));
    expect(bridge.calls.showStoreBackup).toEqual([[]]);
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Saved data could not be read' })).not.toBeInTheDocument();
  });

  test('a folder that cannot be shown is reported', async () => {
    const bridge = new FakeBridge({ profiles: [PRODUCTION], appInfo: { storeProblem } });
    bridge.rejectNext('showStoreBackup', { kind: 'not-found', message: 'There is no set-aside store file to show.' });
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('button', { name: 'Show folder' }));
    expect(await screen.findByText('There is no set-aside store file to show.')).toBeInTheDocument();
  });
});

describe('the error screen', () => {
  function Broken(): never {
    throw new Error('render failed');
  }

  test('replaces a window that failed to render, with Reload and Open logs folder', async () => {
    const bridge = new FakeBridge({});
    const reload = vi.fn();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      render(
        <ErrorBoundary bridge={bridge} reload={reload}>
          <Broken />
        </ErrorBoundary>,
      );
    } finally {
      quiet.mockRestore();
    }
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong in this window');
    const user = userEvent.setup();
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
    await user.click(within(alert).getByRole('button', { name: 'Open logs folder' }));
    expect(bridge.calls.openLogsFolder).toEqual([[]]);
  });

  test('shows its children while nothing fails', () => {
    render(
      <ErrorBoundary bridge={new FakeBridge({})}>
        <p>All well</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('All well')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
