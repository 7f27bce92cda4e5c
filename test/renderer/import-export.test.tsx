// @vitest-environment jsdom
// Import and export from the toolbar's More menu: a preview before anything changes, then the result; an export of
// all or some servers saved through the save dialog.
import { screen, waitFor, within } from '@testing-library/react';
import type { ExportDocument } from '../../electron/shared/transfer';
import { FakeBridge } from './fake-bridge';
import { PRODUCTION, STAGING, DEV_SANDBOX } from '../support/model-fixtures';
import { renderApp } from './render-app';

async function openFromMore(user: Awaited<ReturnType<typeof renderApp>>['user'], item: string) {
  await user.click(screen.getByRole('button', { name: 'More' }));
  await user.click(screen.getByRole('menuitem', { name: item }));
  return screen.getByRole('dialog', { name: item.replace('…', '') });
}

const CSV = [
  'label,url,username,environment',
  'Jira Production,https://jira.acme.com,admin.fred,production',
  '"Jira, Berlin",https://berlin.acme.com,fred,test',
  'Broken,ftp://x.acme.com,fred,test',
].join('\n');

test('a pasted CSV is previewed with each entry judged, and nothing changes until Import', async () => {
  const bridge = new FakeBridge({ profiles: [PRODUCTION] });
  const { user } = await renderApp(bridge);
  const dialog = await openFromMore(user, 'Import servers…');
  await user.click(within(dialog).getByLabelText('Or paste its text'));
  await user.paste(CSV);
  await user.click(within(dialog).getByRole('button', { name: 'Preview' }));

  expect(await within(dialog).findByText(/Nothing has changed yet/)).toBeVisible();
  expect(within(within(dialog).getByRole('region', { name: 'New' })).getByText('Jira, Berlin')).toBeVisible();
  expect(within(dialog).getByRole('region', { name: 'Already in the list' })).toHaveTextContent('Jira Production');
  expect(within(dialog).getByRole('region', { name: 'Invalid' })).toHaveTextContent(/baseUrl: Only http/);
  expect(bridge.profiles).toHaveLength(1);
  expect(bridge.calls.importProfiles).toEqual([[CSV, { apply: false }]]);

  await user.click(within(dialog).getByRole('button', { name: 'Import 1 server' }));
  expect(await within(dialog).findByRole('status')).toHaveTextContent('Imported: 1 added, 0 updated.');
  expect(bridge.profiles.map((profile) => profile.label)).toEqual(['Jira Production', 'Jira, Berlin']);
  // The dashboard follows the change event: the new server is in the list.
  await user.click(within(dialog).getByRole('button', { name: 'Done' }));
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(await screen.findByRole('option', { name: /Jira, Berlin/ })).toBeVisible();
});

test('a file chosen in the open dialog goes straight to its preview; a malformed one shows why', async () => {
  const bridge = new FakeBridge({ profiles: [] });
  bridge.resolveNext('openTextFile', { fileName: 'broken.json', text: '{ nope' });
  const { user } = await renderApp(bridge);
  const dialog = await openFromMore(user, 'Import servers…');
  await user.click(within(dialog).getByRole('button', { name: 'Choose file…' }));
  expect(await within(dialog).findByText('The file is not valid JSON.')).toBeVisible();
  expect(within(dialog).queryByText(/Nothing has changed yet/)).toBeNull();
});

test('export saves all servers, or only those left ticked, as the JSON document', async () => {
  const bridge = new FakeBridge({ profiles: [PRODUCTION, STAGING, DEV_SANDBOX] });
  const { user } = await renderApp(bridge);
  let dialog = await openFromMore(user, 'Export servers…');
  await user.click(await within(dialog).findByRole('button', { name: 'Export all…' }));
  await waitFor(() => expect(bridge.savedFiles).toHaveLength(1));
  expect(bridge.calls.exportProfiles).toEqual([[]]);
  expect(bridge.savedFiles[0]?.name).toMatch(/^jira-servers-\d{4}-\d{2}-\d{2}\.json$/);
  expect((JSON.parse(bridge.savedFiles[0]?.text ?? '') as ExportDocument).servers).toHaveLength(3);
  expect(screen.queryByRole('dialog')).toBeNull();

  dialog = await openFromMore(user, 'Export servers…');
  await user.click(await within(dialog).findByLabelText('Dev sandbox'));
  await user.click(within(dialog).getByRole('button', { name: 'Export 2 servers…' }));
  await waitFor(() => expect(bridge.savedFiles).toHaveLength(2));
  expect(bridge.calls.exportProfiles[1]).toEqual([['prod', 'stage']]);
  const labels = (JSON.parse(bridge.savedFiles[1]?.text ?? '') as ExportDocument).servers.map((s) => s.label);
  expect(labels).toEqual(['Jira Production', 'Jira Staging']);
});
