// @vitest-environment jsdom
// The administrator's policy in the window: a locked server shows its lock and offers no edit or removal,
// "Remember password" is off with the reason, a bad policy file is a banner naming it, the editor holds the check
// floor, a required keychain takes away the opt-in — and a new server starts at Settings' default interval.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { floorSentence, POLICY_REASONS } from '../../electron/shared/policy';
import { makeProfile, PRODUCTION, signedOutSession } from '../support/model-fixtures';
import { renderApp } from './render-app';

const LOCKED = makeProfile({ id: 'policy-prod', label: 'Team Jira', baseUrl: 'https://jira.acme.com', locked: true });
const field = (label: string) => screen.getByLabelText(label);

test('a locked server shows its lock in the list and the pane, and cannot be edited or removed', async () => {
  const { user } = await renderApp({
    profiles: [LOCKED, PRODUCTION],
    sessions: [signedOutSession('policy-prod'), signedOutSession('prod')],
  });
  const row = screen.getByRole('option', { name: /Team Jira/ });
  expect(row).toHaveAccessibleName(expect.stringContaining('locked by policy'));
  expect(screen.getByRole('option', { name: /Jira Production/ })).not.toHaveAccessibleName(/locked/);

  await user.click(row);
  const pane = document.querySelector('.pane-header') as HTMLElement;
  expect(within(pane).getByText('Set by your administrator')).toBeInTheDocument();
  expect(within(pane).getByTitle(POLICY_REASONS.lockedServer)).toBeInTheDocument();
  expect(within(pane).queryByRole('button', { name: 'Edit server' })).not.toBeInTheDocument();

  fireEvent.contextMenu(row);
  const edit = within(screen.getByRole('menu', { name: 'Team Jira actions' })).getByRole('menuitem', {
    name: 'Edit server (set by your administrator)',
  });
  expect(edit).toHaveAttribute('aria-disabled', 'true');
});

test('"Remember password" is off with the reason when the policy forbids remembered passwords', async () => {
  const { user, bridge } = await renderApp({
    profiles: [PRODUCTION],
    sessions: [signedOutSession('prod')],
    policy: { status: 'applied', path: '/etc/jira-session-manager/policy.json', forbidRememberedPasswords: true },
  });
  const remember = await screen.findByRole('checkbox', { name: 'Remember password' });
  await waitFor(() => expect(remember).toBeDisabled());
  expect(remember).not.toBeChecked();
  expect(remember).toHaveAccessibleDescription(POLICY_REASONS.rememberedPasswords);
  await user.type(field('Password'), 'fred123');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await waitFor(() => expect(bridge.calls.login).toHaveLength(1));
  expect(bridge.calls.login[0]?.[1]).not.toHaveProperty('rememberPassword');
});

test('a policy file that is ignored is a banner naming the file and the first problem', async () => {
  const problem =
    'The policy file /etc/jira-session-manager/policy.json is ignored: it is not valid JSON (Unexpected end).';
  await renderApp({
    profiles: [PRODUCTION],
    sessions: [signedOutSession('prod')],
    policy: { status: 'invalid', path: '/etc/jira-session-manager/policy.json', problem },
  });
  const banner = await screen.findByRole('region', { name: "Your administrator's policy is not applied" });
  expect(banner).toHaveTextContent(problem);
});

test('no banner and no lock without a policy', async () => {
  await renderApp({ profiles: [PRODUCTION], sessions: [signedOutSession('prod')] });
  expect(screen.queryByRole('region', { name: /policy/ })).not.toBeInTheDocument();
  expect(screen.queryByText('Set by your administrator')).not.toBeInTheDocument();
});

test("the editor holds the administrator's floor under the check interval and says so", async () => {
  const { user, bridge } = await renderApp({
    profiles: [PRODUCTION],
    sessions: [signedOutSession('prod')],
    settings: { defaultPollIntervalSeconds: 900 },
    policy: { status: 'applied', minimumCheckIntervalSeconds: 900 },
  });
  await user.click(screen.getByRole('button', { name: 'Add server' }));
  const interval = field('Check the session every');
  await waitFor(() => expect(interval).toHaveAccessibleDescription(/shortest your administrator allows/));
  await user.clear(interval);
  await user.type(interval, '5');
  expect(interval).toHaveAccessibleDescription(expect.stringContaining(floorSentence(900)));
  await user.type(field('Server name'), 'Archive');
  await user.type(field('Base URL'), 'archive.acme.com');
  await user.selectOptions(field('Environment'), 'test');
  await user.click(screen.getByRole('button', { name: 'Save server' }));
  expect(bridge.calls.saveProfile).toHaveLength(0);
});

test('a required keychain takes away "Store them anyway" and says why', async () => {
  await renderApp({
    profiles: [PRODUCTION],
    sessions: [signedOutSession('prod')],
    appInfo: { secretStorage: 'weak' },
    policy: { status: 'applied', requireKeychain: true },
  });
  const notice = await screen.findByRole('region', { name: 'Secrets can’t be stored securely on this computer' });
  await waitFor(() => expect(notice).toHaveTextContent(POLICY_REASONS.keychain));
  expect(within(notice).queryByRole('button', { name: 'Store them anyway…' })).not.toBeInTheDocument();
});

test('a new server starts with the check interval and keep-alive set in Settings', async () => {
  const { user, bridge } = await renderApp({
    profiles: [PRODUCTION],
    sessions: [signedOutSession('prod')],
    settings: { defaultPollIntervalSeconds: 1800, defaultKeepAlive: true },
  });
  await waitFor(() => expect(bridge.calls.getSettings.length).toBeGreaterThan(1));
  await user.click(screen.getByRole('button', { name: 'Add server' }));
  expect(field('Check the session every')).toHaveValue('30');
  expect(field('Unit')).toHaveValue('minutes');
  expect(field('Keep the session alive')).toBeChecked();
  expect(field('Check the session every')).toHaveAccessibleDescription(/new servers start at 30 minutes \(Settings\)/);
});
