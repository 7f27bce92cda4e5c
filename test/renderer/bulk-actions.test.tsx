// @vitest-environment jsdom
// Select mode and the bulk actions: ticks by click, Shift+click (a range in the order shown), a group's box, Space
// and Ctrl+A; a selection that survives the filter and drops deleted servers; and the bar's actions, each one call
// with the selection and one result line per selected server, failures first.
import { act, screen, within } from '@testing-library/react';
import type { ServerProfile } from '../../electron/shared/model';
import { profile, signedInSession, signedOutSession } from '../support/model-fixtures';
import { keyboardRow, renderApp } from './render-app';

const now = Date.now();

beforeEach(() => localStorage.clear());

function grouped(): ServerProfile[] {
  return [
    profile('a', { label: 'Alpha', group: 'EU' }),
    profile('b', { label: 'Bravo', environment: 'staging' }),
    profile('c', { label: 'Charlie', group: 'US', environment: 'test' }),
    profile('d', { label: 'Delta', group: 'EU', environment: 'development' }),
    profile('e', { label: 'Echo', group: 'US' }),
  ];
}

function seed() {
  return {
    profiles: grouped(),
    sessions: [
      signedInSession(profile('a'), now, { adminLevel: 'system-admin' }),
      signedOutSession('b', { status: 'expired', passwordRemembered: true }),
      signedInSession(profile('c'), now),
      signedOutSession('d'),
      signedOutSession('e', { status: 'error', error: { kind: 'unreachable', message: 'No answer.' } }),
    ],
  };
}

const list = () => screen.getByRole('listbox', { name: 'Servers' });
const row = (label: string) =>
  within(list())
    .getAllByRole('option')
    .find((option) => option.querySelector('.server-item-label')?.textContent === label)!;
const groupRow = (name: string) => list().querySelector<HTMLElement>(`[role="option"][data-group="${name}"]`)!;
const ticked = () =>
  within(list())
    .getAllByRole('option')
    .filter((option) => option.getAttribute('aria-checked') === 'true' && option.dataset.group === undefined)
    .map((option) => option.querySelector('.server-item-label')?.textContent);
const summary = () => within(screen.getByRole('region', { name: 'Selected servers' })).getByRole('status');
const bar = () => screen.getByRole('group', { name: 'Actions on the selected servers' });

async function selectMode() {
  const view = await renderApp(seed());
  await view.user.click(screen.getByRole('button', { name: 'Select' }));
  return view;
}

describe('select mode', () => {
  test('shows no ticks until it is on; a click ticks, Shift+click ticks the range in the order shown', async () => {
    const { user } = await renderApp(seed());
    expect(row('Alpha')).not.toHaveAttribute('aria-checked');
    await user.click(screen.getByRole('button', { name: 'Select' }));
    expect(screen.getByRole('button', { name: 'Select' })).toHaveAttribute('aria-pressed', 'true');
    expect(summary()).toHaveTextContent('Select servers: click, Shift+click for a range');

    await user.click(row('Delta'));
    await user.keyboard('{Shift>}');
    await user.click(row('Echo'));
    await user.keyboard('{/Shift}');
    // Grouped order: [EU] Alpha Delta [US] Charlie Echo [none] Bravo.
    expect(ticked()).toEqual(['Delta', 'Charlie', 'Echo']);
    expect(summary()).toHaveTextContent('3 selected');
    await user.click(row('Charlie'));
    expect(ticked()).toEqual(['Delta', 'Echo']);

    await user.click(screen.getByRole('button', { name: 'Select none' }));
    expect(ticked()).toEqual([]);
    await user.click(row('Alpha'));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(row('Alpha')).not.toHaveAttribute('aria-checked');
    expect(screen.queryByRole('region', { name: 'Selected servers' })).toBeNull();
  });

  test('a group box selects the servers of the group, and says when only some are ticked', async () => {
    const { user } = await selectMode();
    await user.click(within(groupRow('US')).getByTitle('Select group'));
    expect(ticked()).toEqual(['Charlie', 'Echo']);
    expect(groupRow('US')).toHaveAttribute('aria-checked', 'true');
    expect(groupRow('EU')).toHaveAttribute('aria-checked', 'false');
    await user.click(row('Alpha'));
    expect(groupRow('EU')).toHaveAttribute('aria-checked', 'mixed');
    // Ticking a group never folds it.
    expect(groupRow('US')).toHaveTextContent('open');
    await user.click(within(groupRow('US')).getByTitle('Clear group'));
    expect(ticked()).toEqual(['Alpha']);
  });

  test('by keyboard: Space ticks the row or group it is on, Ctrl+A ticks all, Escape leaves select mode', async () => {
    const { user } = await renderApp(seed());
    list().focus();
    await user.keyboard('{Control>}a{/Control}');
    expect(ticked()).toEqual(['Alpha', 'Delta', 'Charlie', 'Echo', 'Bravo']);
    await user.click(screen.getByRole('button', { name: 'Select none' }));
    list().focus();
    await user.keyboard('{Home}');
    expect(keyboardRow()).toBe(groupRow('EU'));
    await user.keyboard(' ');
    expect(ticked()).toEqual(['Alpha', 'Delta']);
    await user.keyboard('{ArrowDown} ');
    expect(ticked()).toEqual(['Delta']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Selected servers' })).toBeNull();
    expect(row('Delta')).not.toHaveAttribute('aria-checked');
  });

  test('survives the filter (hidden ones still count) and drops a server that is deleted', async () => {
    const { user, bridge } = await selectMode();
    await user.click(row('Alpha'));
    await user.click(row('Charlie'));
    await user.click(row('Bravo'));
    await user.type(screen.getByLabelText('Filter servers'), 'Alpha');
    expect(summary()).toHaveTextContent('3 selected (2 hidden by the filter)');
    await user.click(screen.getByRole('button', { name: /^Expired \d+$/ }));
    expect(summary()).toHaveTextContent('3 selected (3 hidden by the filter)');
    await user.click(screen.getByRole('button', { name: /^Expired \d+$/ }));
    await user.clear(screen.getByLabelText('Filter servers'));
    expect(summary()).toHaveTextContent('3 selected');

    await act(() => bridge.removeProfile('b'));
    expect(summary()).toHaveTextContent('2 selected');
    await user.click(within(bar()).getByRole('button', { name: 'Refresh' }));
    expect(bridge.calls.refreshAll).toEqual([[{ profileIds: ['a', 'c'] }]]);
  });
});

describe('the bulk action bar', () => {
  test('Sign in uses the remembered passwords of the selection; the results put what needs you first', async () => {
    const { user, bridge } = await selectMode();
    for (const label of ['Alpha', 'Bravo', 'Delta']) await user.click(row(label));
    await user.click(within(bar()).getByRole('button', { name: 'Sign in' }));
    expect(bridge.calls.signInExpired).toEqual([[{ profileIds: ['a', 'b', 'd'] }]]);
    const dialog = screen.getByRole('dialog', { name: 'Signed in to 1 of 2 servers' });
    const lines = within(dialog).getAllByRole('listitem');
    expect(lines.map((line) => line.querySelector('.result-label')?.textContent)).toEqual(['Delta', 'Bravo', 'Alpha']);
    expect(lines[0]).toHaveTextContent('No saved password: sign in yourself');
    expect(lines[1]).toHaveTextContent('Signed in as');
    expect(lines[2]).toHaveTextContent('Already signed in');
    await user.click(within(dialog).getByRole('button', { name: 'Go to Delta' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Delta' })).toBeInTheDocument();
  });

  test('Sign out asks first, naming how many and the production ones; only those are signed out', async () => {
    const { user, bridge } = await selectMode();
    for (const label of ['Alpha', 'Charlie', 'Delta']) await user.click(row(label));
    await user.click(within(bar()).getByRole('button', { name: 'Sign out' }));
    const confirm = screen.getByRole('dialog', { name: 'Sign out of 2 servers?' });
    expect(confirm).toHaveTextContent('1 of them is a production server.');
    expect(bridge.callCount('logoutAll')).toBe(0);
    await user.click(within(confirm).getByRole('button', { name: 'Sign out of 2' }));
    expect(bridge.calls.logoutAll).toEqual([[{ profileIds: ['a', 'c', 'd'] }]]);
    const results = screen.getByRole('dialog', { name: 'Signed out of 2 servers' });
    expect(
      within(results)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toEqual(['AlphaSigned out', 'CharlieSigned out', 'DeltaWas not signed in']);
    expect(bridge.sessions.get('e')?.status).toBe('error');
  });

  test('Refresh lists the servers that failed first, and can be cancelled while it runs', async () => {
    const { user, bridge } = await selectMode();
    await user.click(row('Alpha'));
    await user.click(row('Charlie'));
    const held = bridge.holdNext('refreshAll');
    await user.click(within(bar()).getByRole('button', { name: 'Refresh' }));
    expect(within(bar()).getByRole('button', { name: 'Refreshing…' })).toBeDisabled();
    await user.click(within(bar()).getByRole('button', { name: 'Cancel' }));
    expect(bridge.callCount('cancelRefreshAll')).toBe(1);
    const failing = signedOutSession('c', { status: 'error', error: { kind: 'unreachable', message: 'No answer.' } });
    await act(async () =>
      (await held).resolve([...bridge.sessions.values()].map((state) => (state.profileId === 'c' ? failing : state))),
    );
    const dialog = screen.getByRole('dialog', { name: 'Checked 2 servers: 1 with a problem' });
    const lines = within(dialog).getAllByRole('listitem');
    expect(lines[0]).toHaveTextContent('CharlieCould not check the sessionNo answer.');
    expect(lines[1]).toHaveTextContent('AlphaChecked: still signed in');
  });

  test('End admin access is offered only while a selected administrator holds a session', async () => {
    const { user, bridge } = await selectMode();
    await user.click(row('Delta'));
    expect(within(bar()).getByRole('button', { name: 'End admin access' })).toBeDisabled();
    await user.click(row('Alpha'));
    await user.click(within(bar()).getByRole('button', { name: 'End admin access' }));
    expect(bridge.calls.releaseAdminAccessEverywhere).toEqual([[{ profileIds: ['a', 'd'] }]]);
    const dialog = screen.getByRole('dialog', { name: 'Admin access ended on 1 server' });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toEqual(['AlphaAdmin access ended', 'DeltaNo admin access to end here']);
  });
});
