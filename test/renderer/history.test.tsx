// @vitest-environment jsdom
// History: the overall screen (filters, CSV export) and the short list in a server's pane.
import { screen, waitFor, within } from '@testing-library/react';
import type { ActivityEntry } from '../../electron/shared/activity';
import { parseCsv } from '../../electron/shared/csv';
import { FakeBridge } from './fake-bridge';
import { PRODUCTION, STAGING, signedInSession } from '../support/model-fixtures';
import { renderApp } from './render-app';

const entry = (overrides: Partial<ActivityEntry> & Pick<ActivityEntry, 'kind' | 'profileId'>): ActivityEntry => {
  const server = overrides.profileId === STAGING.id ? STAGING : PRODUCTION;
  return {
    at: '2026-12-02T10:00:00.000Z',
    label: server.label,
    baseUrl: server.baseUrl,
    username: 'admin.fred',
    ...overrides,
  };
};

function bridge() {
  const fake = new FakeBridge({ profiles: [PRODUCTION, STAGING], sessions: [signedInSession(PRODUCTION, Date.now())] });
  fake.activity = [
    entry({ kind: 'signed-out', profileId: 'stage', serverConfirmed: false, at: '2026-12-02T12:00:00.000Z' }),
    entry({ kind: 'sign-in-failed', profileId: 'stage', via: 'password', errorKind: 'bad-credentials' }),
    entry({ kind: 'signed-in', profileId: 'prod', via: 'quiet', at: '2026-12-02T09:00:00.000Z' }),
  ];
  return fake;
}

test('History lists every server, filters by server, event and text, and exports what is shown as CSV', async () => {
  const fake = bridge();
  const { user } = await renderApp(fake);
  await user.click(screen.getByRole('button', { name: 'More' }));
  await user.click(screen.getByRole('menuitem', { name: 'History' }));
  const history = screen.getByRole('main', { name: 'History' });
  const rows = () =>
    within(history)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
  await waitFor(() => expect(rows()).toHaveLength(3));
  expect(rows()[0]).toContain('Signed out only in this app (Jira did not confirm)');
  expect(rows()[1]).toContain('Sign-in failed with a password: Username or password not accepted');
  expect(rows()[2]).toContain('Signed in quietly, with the remembered password');

  await user.selectOptions(within(history).getByLabelText('Server'), 'Jira Staging');
  expect(rows()).toHaveLength(2);
  await user.selectOptions(within(history).getByLabelText('Event'), 'Sign-in failed');
  expect(rows()).toHaveLength(1);
  await user.type(within(history).getByLabelText('Search'), 'nothing like it');
  expect(within(history).getByRole('status')).toHaveTextContent('No entry matches the filter.');
  await user.clear(within(history).getByLabelText('Search'));
  await user.click(within(history).getByRole('button', { name: 'Export CSV…' }));
  await waitFor(() => expect(fake.savedFiles).toHaveLength(1));
  const [header, ...lines] = parseCsv(fake.savedFiles[0]?.text ?? '');
  expect(fake.savedFiles[0]?.name).toMatch(/^jira-history-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(header).toEqual(['time', 'server', 'url', 'user', 'event', 'details']);
  expect(lines).toEqual([
    [
      '2026-12-02T10:00:00.000Z',
      'Jira Staging',
      STAGING.baseUrl,
      'admin.fred',
      'sign-in-failed',
      'Sign-in failed with a password: Username or password not accepted',
    ],
  ]);

  await user.click(within(history).getByRole('button', { name: '← Servers' }));
  expect(screen.queryByRole('main', { name: 'History' })).toBeNull();
  expect(screen.getByRole('button', { name: 'More' })).toBeVisible();
});

test("a server's pane shows its own recent history", async () => {
  const fake = bridge();
  await renderApp(fake);
  const section = await screen.findByRole('region', { name: 'History' });
  expect(
    within(section)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual([expect.stringContaining('Signed in quietly')]);
  expect(fake.calls.listActivity[0]).toEqual([{ profileId: 'prod', limit: 8 }]);
});
