// @vitest-environment jsdom
// Item 3 of issue 10: leaving the editor with changes always asks (Save, Discard, Keep editing), whichever way the
// user leaves; and item 9: saving a server the list already has asks first.
import { screen, waitFor, within } from '@testing-library/react';
import { FakeBridge } from './fake-bridge';
import { DEV_SANDBOX, PRODUCTION, STAGING, signedOutSession } from '../support/model-fixtures';
import { renderApp } from './render-app';

function seed() {
  return {
    profiles: [PRODUCTION, STAGING, DEV_SANDBOX],
    sessions: [signedOutSession('prod'), signedOutSession('stage'), signedOutSession('dev')],
  };
}

const field = (label: string) => screen.getByLabelText(label);
const option = (name: RegExp) => screen.getByRole('option', { name, hidden: true });
const question = () => screen.getByRole('dialog', { name: /^Save (your changes|the new server)/ });

/** Opens Jira Staging's editor and renames it, leaving the change unsaved. */
async function editStaging(bridge = new FakeBridge(seed())) {
  const view = await renderApp(bridge);
  await view.user.click(option(/Jira Staging/));
  await view.user.click(screen.getByRole('button', { name: 'Edit server' }));
  await view.user.type(field('Server name'), ' EU');
  return view;
}

async function addWithUrl(baseUrl: string, username = 'admin.fred') {
  const view = await renderApp(seed());
  await view.user.click(screen.getByRole('button', { name: 'Add server' }));
  await view.user.type(field('Server name'), 'Acme again');
  await view.user.type(field('Base URL'), baseUrl);
  await view.user.clear(field('Username'));
  await view.user.type(field('Username'), username);
  await view.user.selectOptions(field('Environment'), 'test');
  return view;
}

describe('leaving the editor with changes asks first', () => {
  test('selecting another server with no changes just selects it', async () => {
    const { user } = await renderApp(seed());
    await user.click(option(/Jira Staging/));
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    await user.click(option(/Dev sandbox/));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Dev sandbox' })).toBeInTheDocument();
  });

  test('Keep editing stays in the editor with the change and puts focus back where it was', async () => {
    const { user, bridge } = await editStaging();
    await user.click(option(/Dev sandbox/));
    const dialog = question();
    expect(dialog).toHaveAccessibleName('Save your changes to Jira Staging?');
    expect(within(dialog).getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(field('Server name')).toHaveValue('Jira Staging EU');
    expect(field('Server name')).toHaveFocus();
    expect(option(/Jira Staging/)).toHaveAttribute('aria-selected', 'true');
    expect(bridge.calls.saveProfile).toHaveLength(0);
  });

  test('Escape in the question also keeps editing', async () => {
    const { user } = await editStaging();
    await user.click(option(/Dev sandbox/));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Edit Jira Staging' })).toBeInTheDocument();
  });

  test('Discard drops the change and goes where the user was going', async () => {
    const { user, bridge } = await editStaging();
    await user.click(option(/Dev sandbox/));
    await user.click(within(question()).getByRole('button', { name: 'Discard' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Dev sandbox' })).toBeInTheDocument();
    expect(option(/Dev sandbox/)).toHaveAttribute('aria-selected', 'true');
    expect(bridge.calls.saveProfile).toHaveLength(0);
    expect(option(/Jira Staging/)).not.toHaveTextContent('EU');
  });

  test('Save runs the editor’s save, then goes on', async () => {
    const { user, bridge } = await editStaging();
    await user.click(option(/Dev sandbox/));
    await user.click(within(question()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(option(/Dev sandbox/)).toHaveAttribute('aria-selected', 'true'));
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({ id: 'stage', label: 'Jira Staging EU' });
    expect(option(/Jira Staging EU/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Dev sandbox' })).toBeInTheDocument();
  });

  test('Save that fails validation stays in the editor, on the field in error', async () => {
    const { user, bridge } = await editStaging();
    await user.clear(field('Base URL'));
    await user.click(option(/Dev sandbox/));
    await user.click(within(question()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(field('Base URL')).toHaveFocus());
    expect(field('Base URL')).toHaveAccessibleDescription(/Enter the address of the Jira server/);
    expect(bridge.calls.saveProfile).toHaveLength(0);
    expect(option(/Jira Staging/)).toHaveAttribute('aria-selected', 'true');
  });

  test('Save the core refuses stays in the editor with the error', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('saveProfile', { kind: 'invalid-input', message: 'Keep the name short.', field: 'label' });
    const { user } = await editStaging(bridge);
    await user.click(option(/Dev sandbox/));
    await user.click(within(question()).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(field('Server name')).toHaveAccessibleDescription(/Keep the name short/));
    expect(screen.getByRole('heading', { name: 'Edit Jira Staging' })).toBeInTheDocument();
  });

  test('Ctrl+1…9 asks too', async () => {
    const { user } = await editStaging();
    await user.keyboard('{Control>}3{/Control}');
    await user.click(within(question()).getByRole('button', { name: 'Discard' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Dev sandbox' })).toBeInTheDocument();
  });

  test('the keyboard in the list asks too', async () => {
    const { user } = await editStaging();
    screen.getByRole('listbox', { name: 'Servers' }).focus(); // The list keeps focus itself (aria-activedescendant).
    await user.keyboard('{ArrowDown}');
    expect(question()).toBeInTheDocument();
  });

  test('leaving the Add form with something typed asks, and "Add server" again after Discard starts empty', async () => {
    const { user } = await renderApp(seed());
    await user.click(screen.getByRole('button', { name: 'Add server' }));
    await user.type(field('Base URL'), 'jira.new.example.com');
    await user.click(screen.getByRole('button', { name: 'Add server' }));
    expect(question()).toHaveAccessibleName('Save the new server?');
    await user.click(within(question()).getByRole('button', { name: 'Discard' }));
    expect(field('Base URL')).toHaveValue('');
    await user.type(field('Base URL'), 'jira.new.example.com');
    await user.click(option(/Jira Production/));
    await user.click(within(question()).getByRole('button', { name: 'Keep editing' }));
    expect(field('Base URL')).toHaveValue('jira.new.example.com');
  });

  test('Escape cancels the editor at once when nothing changed', async () => {
    const { user } = await renderApp(seed());
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { level: 2, name: 'Jira Production' })).toBeInTheDocument();
  });

  test('Escape and Cancel ask first when something changed', async () => {
    const { user, bridge } = await editStaging();
    await user.keyboard('{Escape}');
    await user.click(within(question()).getByRole('button', { name: 'Keep editing' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(question()).getByRole('button', { name: 'Discard' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Jira Staging' })).toBeInTheDocument();
    expect(bridge.calls.saveProfile).toHaveLength(0);
  });
});

describe('saving a server the list already has asks first', () => {
  test('"Go to the existing one" shows it and saves nothing', async () => {
    const { user, bridge } = await addWithUrl('JIRA.acme.com/secure/Dashboard.jspa', 'Admin.Fred');
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    const dialog = screen.getByRole('dialog', { name: 'This server is already in the list' });
    expect(dialog).toHaveTextContent('Jira Production');
    expect(dialog).toHaveTextContent('already signs in to jira.acme.com as admin.fred');
    await user.click(within(dialog).getByRole('button', { name: 'Go to the existing one' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Jira Production' })).toBeInTheDocument();
    expect(option(/Jira Production/)).toHaveAttribute('aria-selected', 'true');
    expect(bridge.calls.saveProfile).toHaveLength(0);
  });

  test('"Save anyway" saves the second entry', async () => {
    const { user, bridge } = await addWithUrl('https://jira.acme.com/');
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(bridge.calls.saveProfile).toHaveLength(1));
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({
      baseUrl: 'https://jira.acme.com',
      username: 'admin.fred',
    });
    expect(await screen.findAllByRole('option', { name: /jira\.acme\.com/ })).toHaveLength(2);
  });

  test('"Keep editing" saves nothing and leaves the form as it was', async () => {
    const { user, bridge } = await addWithUrl('https://jira.acme.com');
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(field('Base URL')).toHaveValue('https://jira.acme.com');
    expect(bridge.calls.saveProfile).toHaveLength(0);
  });

  test('another user on the same server, or a server edited in place, is not a duplicate', async () => {
    const { user, bridge } = await addWithUrl('https://jira.acme.com', 'svc-backup');
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    await waitFor(() => expect(bridge.calls.saveProfile).toHaveLength(1));
    await user.click(option(/Jira Staging/));
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(bridge.calls.saveProfile).toHaveLength(2));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
