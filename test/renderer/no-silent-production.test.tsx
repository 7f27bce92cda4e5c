// @vitest-environment jsdom
// Item 5 of issue 10: a new server has no environment until one is chosen, and red means production only because
// someone said so — a server saved without one shows a neutral tag, never production's.
import { screen, waitFor, within } from '@testing-library/react';
import { ENVIRONMENT_REQUIRED } from '../../electron/shared/field-rules';
import { PRODUCTION, makeProfile, signedOutSession } from '../support/model-fixtures';
import { renderApp } from './render-app';

const { environment: _none, ...unsetFields } = makeProfile({
  id: 'old',
  label: 'Old Jira',
  baseUrl: 'https://old.acme.com',
});
const UNSET = unsetFields;
const field = (label: string) => screen.getByLabelText(label);

test('saving a new server without an environment says so at the field and sends nothing', async () => {
  const { user, bridge } = await renderApp({ profiles: [PRODUCTION], sessions: [signedOutSession('prod')] });
  await user.click(screen.getByRole('button', { name: 'Add server' }));
  await user.type(field('Server name'), 'Archive');
  await user.type(field('Base URL'), 'archive.acme.com');
  await user.click(screen.getByRole('button', { name: 'Save server' }));
  expect(field('Environment')).toHaveFocus();
  expect(field('Environment')).toHaveAttribute('aria-invalid', 'true');
  expect(field('Environment')).toHaveAccessibleDescription(expect.stringContaining(ENVIRONMENT_REQUIRED));
  expect(bridge.calls.saveProfile).toHaveLength(0);
});

test('choosing the environment clears the error and it is sent', async () => {
  const { user, bridge } = await renderApp({ profiles: [PRODUCTION], sessions: [signedOutSession('prod')] });
  await user.click(screen.getByRole('button', { name: 'Add server' }));
  await user.type(field('Server name'), 'Archive');
  await user.type(field('Base URL'), 'archive.acme.com');
  await user.click(screen.getByRole('button', { name: 'Save server' }));
  await user.selectOptions(field('Environment'), 'staging');
  expect(field('Environment')).not.toHaveAttribute('aria-invalid');
  expect(within(field('Environment')).queryByRole('option', { name: 'Choose…' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Save server' }));
  await waitFor(() => expect(bridge.calls.saveProfile).toHaveLength(1));
  expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({ label: 'Archive', environment: 'staging' });
});

test('a server saved without an environment is shown neutral, not as production', async () => {
  const { container } = await renderApp({ profiles: [UNSET], sessions: [signedOutSession('old')] });
  const row = screen.getByRole('option', { name: /Old Jira/ });
  expect(row).toHaveTextContent('No environment');
  expect(row).not.toHaveTextContent(/Production/);
  const pane = container.querySelector('.pane');
  expect(pane).toHaveClass('env-unset');
  expect(within(pane as HTMLElement).getByText('No environment')).toHaveAttribute('data-environment', 'unset');
  expect(container.querySelector('[data-environment="production"], .env-production')).toBeNull();
});

test('editing such a server asks for the environment before it saves', async () => {
  const { user, bridge } = await renderApp({ profiles: [UNSET], sessions: [signedOutSession('old')] });
  await user.click(screen.getByRole('button', { name: 'Edit server' }));
  expect(field('Environment')).toHaveValue('');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  expect(field('Environment')).toHaveAccessibleDescription(expect.stringContaining(ENVIRONMENT_REQUIRED));
  expect(bridge.calls.saveProfile).toHaveLength(0);
  await user.selectOptions(field('Environment'), 'development');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await waitFor(() =>
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({ id: 'old', environment: 'development' }),
  );
});

test('the Add form does not claim that no password is stored (a proxy password is, sealed)', async () => {
  const { user } = await renderApp({ profiles: [PRODUCTION], sessions: [signedOutSession('prod')] });
  await user.click(screen.getByRole('button', { name: 'Add server' }));
  expect(screen.getByText(/you type it when you sign in/)).toBeInTheDocument();
  expect(screen.queryByText(/no password is stored/i)).not.toBeInTheDocument();
});
