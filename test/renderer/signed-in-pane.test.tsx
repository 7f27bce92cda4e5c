// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import type { SessionState } from '../../electron/shared/model';
import { formatAbsolute, formatDate } from '../../renderer/src/format/dates';
import { makeProfile, signedInSession, PRODUCTION } from './fixtures';
import { renderApp } from './render-app';

const now = Date.now();
const prod = makeProfile({ ...PRODUCTION, username: 'fred.jones' });

async function show(overrides: Partial<SessionState> = {}) {
  const session = signedInSession(prod, now, overrides);
  const view = await renderApp({ profiles: [prod], sessions: [session] });
  return { ...view, session };
}

function card(name: string) {
  return screen.getByRole('region', { name });
}

function fact(region: HTMLElement, term: string) {
  const dt = within(region).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling as HTMLElement;
}

test('the user card: avatar, display name, username, email, time zone, key and groups', async () => {
  const { session } = await show();
  const userCard = card('Signed in as Fred Jones');
  const avatar = userCard.querySelector('img');
  expect(avatar).toHaveAttribute('src', session.user?.avatarDataUri);
  expect(avatar).toHaveAttribute('alt', '');
  expect(fact(userCard, 'Username')).toHaveTextContent('fred.jones');
  expect(fact(userCard, 'Email')).toHaveTextContent('fred.jones@example.com');
  expect(fact(userCard, 'Time zone')).toHaveTextContent(/^Europe\/Berlin · GMT\+[12]$/);
  expect(fact(userCard, 'User key')).toHaveTextContent('JIRAUSER10100');
  const groups = within(userCard).getByRole('list', { name: 'Groups' });
  expect(
    within(groups)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(['jira-administrators', 'jira-software-users', 'site-admins']);
});

test('without an avatar the initials stand in; missing facts say so', async () => {
  await show({
    user: { name: 'fred.jones', displayName: 'Fred Jones', groups: [] },
  });
  const userCard = card('Signed in as Fred Jones');
  expect(userCard.querySelector('img')).toBeNull();
  expect(userCard.querySelector('.avatar-initials')).toHaveTextContent('FJ');
  expect(fact(userCard, 'Email')).toHaveTextContent('Not reported');
  expect(fact(userCard, 'Time zone')).toHaveTextContent('Not reported');
  expect(fact(userCard, 'Groups')).toHaveTextContent('None reported');
});

test('an avatar that is not a data: image is never loaded', async () => {
  await show({
    user: { name: 'fred', displayName: 'Fred Jones', groups: [], avatarDataUri: 'https://evil.example.com/a.png' },
  });
  expect(card('Signed in as Fred Jones').querySelector('img')).toBeNull();
});

test('long group lists fold and unfold', async () => {
  const groups = Array.from({ length: 20 }, (_, index) => `group-${index + 1}`);
  const { user } = await show({ user: { name: 'fred', displayName: 'Fred Jones', groups } });
  const list = () => screen.getByRole('list', { name: 'Groups' });
  expect(within(list()).getAllByRole('listitem')).toHaveLength(12);
  const toggle = screen.getByRole('button', { name: 'Show all 20 groups' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  expect(within(list()).getAllByRole('listitem')).toHaveLength(20);
  expect(screen.getByRole('button', { name: 'Show fewer groups' })).toHaveAttribute('aria-expanded', 'true');
});

test('login history: counts, and the times relative and absolute', async () => {
  const { session } = await show();
  const history = card('Login history');
  expect(fact(history, 'Logins')).toHaveTextContent('127');
  expect(fact(history, 'Failed logins')).toHaveTextContent('10');
  const previous = fact(history, 'Previous login');
  expect(previous).toHaveTextContent('2 days ago');
  expect(previous).toHaveTextContent(formatAbsolute(Date.parse(session.loginInfo?.previousLoginTime ?? '')));
  const failed = fact(history, 'Last failed login');
  expect(failed).toHaveTextContent('3 days ago');
  expect(failed).toHaveTextContent(formatAbsolute(Date.parse(session.loginInfo?.lastFailedLoginTime ?? '')));
  expect(within(previous).getByText('2 days ago').tagName).toBe('TIME');
  expect(within(previous).getByText('2 days ago')).toHaveAttribute('datetime', session.loginInfo?.previousLoginTime);
});

test("login history accepts Jira's own time format and missing times", async () => {
  await show({
    loginInfo: { loginCount: 3, failedLoginCount: 0, previousLoginTime: '2013-12-04T07:54:59.824+0000' },
  });
  const history = card('Login history');
  expect(fact(history, 'Previous login')).toHaveTextContent(formatAbsolute(Date.UTC(2013, 11, 4, 7, 54, 59, 824)));
  expect(fact(history, 'Previous login')).toHaveTextContent('years ago');
  expect(fact(history, 'Last failed login')).toHaveTextContent('None recorded');
});

test('a loginInfo without failedLoginCount (Jira leaves it out while null) shows no made-up zero', async () => {
  await show({ loginInfo: { loginCount: 3 } });
  const failed = fact(card('Login history'), 'Failed logins');
  expect(failed).toHaveTextContent('Not reported');
  expect(failed).not.toHaveTextContent('0');
});

test('the session: times, node, cookie names (never values) and where it is kept', async () => {
  await show();
  const session = card('Session');
  expect(fact(session, 'Signed in')).toHaveTextContent('1 hour ago');
  expect(fact(session, 'Last verified')).toHaveTextContent('4 minutes ago');
  expect(fact(session, 'Server node')).toHaveTextContent('node3');
  const cookies = within(session).getByRole('list', { name: 'Cookie names' });
  expect(
    within(cookies)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(['JSESSIONID', 'atlassian.xsrf.token', 'AWSALB']);
  expect(fact(session, 'Stored')).toHaveTextContent('Encrypted on this computer');
  expect(fact(session, 'Saved password')).toHaveTextContent('Not saved');
});

test('a session that lives in memory only says so', async () => {
  await show({ persisted: false });
  expect(fact(card('Session'), 'Stored')).toHaveTextContent('In memory only: this session ends when you quit the app');
});

test('a remembered password can be forgotten from the session details', async () => {
  const { user, bridge } = await show({ passwordRemembered: true });
  const saved = fact(card('Session'), 'Saved password');
  expect(saved).toHaveTextContent('Saved');
  await user.click(within(saved).getByRole('button', { name: 'Forget saved password' }));
  expect(bridge.calls.forgetPassword).toEqual([['prod']]);
  expect(await screen.findByText('The saved password was forgotten.')).toBeInTheDocument();
  expect(fact(card('Session'), 'Saved password')).toHaveTextContent('Not saved');
});

test('the server: title, version, build, deployment type and build date', async () => {
  const { session } = await show();
  const server = card('Server');
  expect(fact(server, 'Title')).toHaveTextContent('Acme Jira');
  expect(fact(server, 'Version')).toHaveTextContent('10.3.4');
  expect(fact(server, 'Build')).toHaveTextContent('10030004');
  expect(fact(server, 'Deployment')).toHaveTextContent('Server');
  expect(fact(server, 'Built')).toHaveTextContent(formatDate(Date.UTC(2025, 1, 11)));
  expect(fact(server, 'Base URL reported')).toHaveTextContent(session.serverInfo?.baseUrl ?? 'missing');
});

test('warnings are shown', async () => {
  await show({ warnings: ['2 failed sign-in attempts on this account since the last check.'] });
  const warnings = screen.getByRole('region', { name: 'Worth a look' });
  expect(within(warnings).getByRole('listitem')).toHaveTextContent(
    '2 failed sign-in attempts on this account since the last check.',
  );
});

test('a failed check keeps the details and offers to try again', async () => {
  const { user, bridge } = await show({
    status: 'error',
    error: { kind: 'unreachable', message: 'jira.acme.com did not answer.' },
  });
  const notice = screen.getByRole('group', { name: 'Server unreachable' });
  expect(notice).toHaveTextContent('jira.acme.com did not answer.');
  expect(card('Login history')).toBeInTheDocument();
  expect(screen.getByRole('option', { name: /Jira Production/ })).toHaveTextContent('Error');
  await user.click(within(notice).getByRole('button', { name: 'Try again' }));
  expect(bridge.calls.refresh).toEqual([['prod']]);
});

test('the production pane is marked as such', async () => {
  await show();
  const pane = screen.getByRole('region', { name: 'Jira Production' });
  expect(pane).toHaveClass('env-production');
  expect(within(pane).getByText('Production')).toHaveAttribute('data-environment', 'production');
});
