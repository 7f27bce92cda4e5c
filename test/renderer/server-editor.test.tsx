// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import type { ChosenCertificate } from '../../electron/shared/model';
import { DEFAULT_POLL_INTERVAL_SECONDS } from '../../renderer/src/format/poll-interval';
import { fieldOfInvalidInput } from '../../renderer/src/components/server-editor/use-server-form';
import { FakeBridge } from './fake-bridge';
import {
  SAMPLE_CERTIFICATE,
  sampleError,
  signedOutSession,
  PRODUCTION as prod,
  STAGING as stage,
  DEV_SANDBOX as dev,
} from '../support/model-fixtures';
import { keyboardRow, renderApp } from './render-app';

const CHOSEN: ChosenCertificate = {
  fileName: 'acme-root.pem',
  pem: SAMPLE_CERTIFICATE.pem ?? '',
  certificate: SAMPLE_CERTIFICATE,
};

function seed() {
  return {
    profiles: [prod, stage, dev],
    sessions: [signedOutSession('prod'), signedOutSession('stage'), signedOutSession('dev')],
  };
}

async function openAdd(bridge = new FakeBridge(seed())) {
  const view = await renderApp(bridge);
  await view.user.click(screen.getByRole('button', { name: 'Add server' }));
  return view;
}

const field = (label: string) => screen.getByLabelText(label);
const editor = () => screen.getByRole('form', { name: /^(Add server|Edit )/ });

test('has a labelled control for every setting', async () => {
  await openAdd();
  expect(screen.getByRole('heading', { name: 'Add server' })).toBeInTheDocument();
  for (const label of [
    'Server name',
    'Environment',
    'Base URL',
    'Username',
    'Check the session every',
    'Unit',
    'Proxy',
    'Proxy user name',
    'Proxy password',
  ]) {
    expect(field(label)).toBeInTheDocument();
  }
  expect(screen.getByRole('checkbox', { name: 'Keep the session alive' })).not.toBeChecked();
  // No environment until one is chosen: a new server is never production by default.
  expect(field('Environment')).toHaveValue('');
  expect(field('Environment')).toHaveAttribute('aria-required', 'true');
  expect(
    within(field('Environment'))
      .getAllByRole('option')
      .map((option) => option.textContent),
  ).toEqual(['Choose…', 'Production', 'Staging', 'Test', 'Development']);
  expect(field('Check the session every')).toHaveValue('5');
  expect(field('Unit')).toHaveValue('minutes');
  expect(screen.getByRole('button', { name: 'Choose CA certificate…' })).toBeInTheDocument();
});

describe('the base URL is checked as you type', () => {
  test('a page address is cut back to the base URL and the session URL is shown', async () => {
    const { user } = await openAdd();
    await user.type(field('Base URL'), 'jira.acme.com/jira/secure/Dashboard.jspa');
    const baseUrl = field('Base URL');
    expect(baseUrl).not.toHaveAttribute('aria-invalid');
    expect(baseUrl).toHaveAccessibleDescription(
      'Base URL https://jira.acme.com/jira Signs in at https://jira.acme.com/jira/rest/auth/1/session',
    );
  });

  test('a wrong scheme is reported at once', async () => {
    const { user } = await openAdd();
    await user.type(field('Base URL'), 'ftp://files.acme.com');
    expect(field('Base URL')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Base URL')).toHaveAccessibleDescription(
      'Only http:// and https:// addresses are supported, not ftp://.',
    );
  });

  test('credentials in the address are refused', async () => {
    const { user } = await openAdd();
    await user.type(field('Base URL'), 'https://fred:secret@jira.acme.com');
    expect(field('Base URL')).toHaveAccessibleDescription(
      expect.stringContaining('Leave credentials out of the address'),
    );
  });

  test('an empty field shows an example, not an error', async () => {
    await openAdd();
    expect(field('Base URL')).not.toHaveAttribute('aria-invalid');
    expect(field('Base URL')).toHaveAccessibleDescription(expect.stringContaining('https://jira.example.com'));
  });
});

describe('the poll interval', () => {
  test('below 15 seconds is refused, in seconds or minutes', async () => {
    const { user } = await openAdd();
    const value = field('Check the session every');
    await user.clear(value);
    await user.type(value, '10');
    await user.selectOptions(field('Unit'), 'seconds');
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveAccessibleDescription(expect.stringContaining('Check at most every 15 seconds.'));
    await user.selectOptions(field('Unit'), 'minutes');
    expect(value).not.toHaveAttribute('aria-invalid');
  });

  test('is sent in seconds', async () => {
    const { user, bridge } = await openAdd();
    await user.type(field('Server name'), 'Archive');
    await user.selectOptions(field('Environment'), 'test');
    await user.type(field('Base URL'), 'archive.acme.com');
    await user.clear(field('Check the session every'));
    await user.type(field('Check the session every'), '45');
    await user.selectOptions(field('Unit'), 'seconds');
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({ pollIntervalSeconds: 45 });
  });
});

describe('Test connection', () => {
  test('shows the server title, version, build and session URL', async () => {
    const { user, bridge } = await openAdd();
    await user.type(field('Base URL'), 'https://jira.acme.com/');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const result = await screen.findByText('Connected to Acme Jira');
    const notice = result.closest('.notice') as HTMLElement;
    expect(notice).toHaveTextContent('Jira 10.3.4 · build 10030004 · Server');
    expect(notice).toHaveTextContent('Signs in at https://jira.acme.com/rest/auth/1/session');
    expect(bridge.calls.testConnection[0]?.[0]).toEqual({
      label: 'jira.acme.com',
      baseUrl: 'https://jira.acme.com',
      username: '',
      signInMethod: 'password',
      pollIntervalSeconds: DEFAULT_POLL_INTERVAL_SECONDS,
      keepAlive: false,
    });
  });

  test('shows its warnings', async () => {
    const bridge = new FakeBridge(seed());
    bridge.resolveNext('testConnection', {
      serverInfo: { ...SAMPLE_SERVER, baseUrl: 'https://other.acme.com' },
      sessionUrl: 'https://jira.acme.com/rest/auth/1/session',
      warnings: ['The server calls itself https://other.acme.com.'],
    });
    const { user } = await openAdd(bridge);
    await user.type(field('Base URL'), 'jira.acme.com');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('The server calls itself https://other.acme.com.')).toBeInTheDocument();
  });

  test('an untrusted certificate is shown with its fingerprint and can be pinned for saving', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('testConnection', sampleError('tls-untrusted'));
    const { user } = await openAdd(bridge);
    await user.type(field('Server name'), 'Internal');
    await user.selectOptions(field('Environment'), 'test');
    await user.type(field('Base URL'), 'jira.internal.example.com');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await within(editor()).findByRole('alert');
    expect(alert).toHaveTextContent('Certificate not trusted');
    expect(within(alert).getByText(SAMPLE_CERTIFICATE.subject)).toBeInTheDocument();
    expect(within(alert).getByText(SAMPLE_CERTIFICATE.fingerprint256)).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Trust this certificate for this server' }));
    expect(screen.getByText('Pinned server certificate')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({ pinnedCertificatePem: SAMPLE_CERTIFICATE.pem });
  });

  test('any error kind is shown with the shared notice, with a retry for network trouble', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('testConnection', sampleError('unreachable'));
    const { user } = await openAdd(bridge);
    await user.type(field('Base URL'), 'jira.acme.com');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await within(editor()).findByRole('alert');
    expect(alert).toHaveTextContent('Server unreachable');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Connected to Acme Jira')).toBeInTheDocument();
    expect(bridge.calls.testConnection).toHaveLength(2);
  });

  test('a 404 at the bare host offers the /jira address in one click, and tests there', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('testConnection', {
      kind: 'unexpected-response',
      message: 'Nothing answers at https://jira.acme.com, but Jira does at https://jira.acme.com/jira.',
      nextStep: 'Use https://jira.acme.com/jira as the base URL: this Jira is installed under the context path /jira.',
      status: 404,
      suggestedBaseUrl: 'https://jira.acme.com/jira',
    });
    const { user } = await openAdd(bridge);
    await user.type(field('Base URL'), 'jira.acme.com');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await within(editor()).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Nothing answers at https://jira.acme.com, but Jira does at https://jira.acme.com/jira.',
    );
    await user.click(within(alert).getByRole('button', { name: 'Use https://jira.acme.com/jira' }));
    expect(field('Base URL')).toHaveValue('https://jira.acme.com/jira');
    expect(await screen.findByText('Connected to Acme Jira')).toBeInTheDocument();
    expect(bridge.calls.testConnection[1]?.[0]).toMatchObject({ baseUrl: 'https://jira.acme.com/jira' });
  });

  test('shows progress while it runs', async () => {
    const bridge = new FakeBridge(seed());
    const { user } = await openAdd(bridge);
    await user.type(field('Base URL'), 'jira.acme.com');
    const held = bridge.holdNext('testConnection');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const call = await held;
    expect(screen.getByRole('button', { name: 'Cancel test' })).toBeEnabled();
    expect(screen.getByText('Testing the connection…')).toBeInTheDocument();
    await act(async () => call.resolveDefault());
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeEnabled();
  });

  test('an invalid address is not sent', async () => {
    const { user, bridge } = await openAdd();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(field('Base URL')).toHaveFocus();
    expect(field('Base URL')).toHaveAccessibleDescription(
      expect.stringContaining('Enter the address of the Jira server.'),
    );
    expect(bridge.calls.testConnection).toHaveLength(0);
  });
});

describe('the CA certificate', () => {
  test('is chosen through the bridge, shown, sent, and can be removed', async () => {
    const bridge = new FakeBridge(seed());
    bridge.resolveNext('chooseCaCertificate', CHOSEN);
    const { user } = await openAdd(bridge);
    await user.click(screen.getByRole('button', { name: 'Choose CA certificate…' }));
    expect(await screen.findByText('acme-root.pem')).toBeInTheDocument();
    expect(screen.getByText(SAMPLE_CERTIFICATE.subject)).toBeInTheDocument();
    expect(screen.getByText(SAMPLE_CERTIFICATE.issuer)).toBeInTheDocument();
    expect(screen.getByText(SAMPLE_CERTIFICATE.fingerprint256)).toBeInTheDocument();
    await user.type(field('Server name'), 'Internal');
    await user.selectOptions(field('Environment'), 'test');
    await user.type(field('Base URL'), 'jira.internal.example.com');
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({ caCertificate: CHOSEN.pem });
  });

  test('Remove takes it away again; cancelling the file dialog changes nothing', async () => {
    const bridge = new FakeBridge(seed());
    bridge.resolveNext('chooseCaCertificate', CHOSEN);
    const { user } = await openAdd(bridge);
    await user.click(screen.getByRole('button', { name: 'Choose CA certificate…' }));
    await user.click(await screen.findByRole('button', { name: 'Remove CA certificate' }));
    expect(screen.queryByText('acme-root.pem')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Choose CA certificate…' }));
    expect(bridge.calls.chooseCaCertificate).toHaveLength(2);
    expect(screen.queryByText('acme-root.pem')).not.toBeInTheDocument();
  });

  test('a file that is not a certificate is reported', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('chooseCaCertificate', { kind: 'invalid-input', message: 'That file holds no PEM certificate.' });
    const { user } = await openAdd(bridge);
    await user.click(screen.getByRole('button', { name: 'Choose CA certificate…' }));
    expect(await within(editor()).findByRole('alert')).toHaveTextContent('That file holds no PEM certificate.');
  });
});

describe('saving', () => {
  test('a new server is added, selected and its sign-in form focused on the password', async () => {
    const { user, bridge } = await openAdd();
    await user.type(field('Server name'), 'Jira Archive');
    await user.type(field('Base URL'), 'archive.acme.com/');
    await user.type(field('Username'), 'fred');
    await user.selectOptions(field('Environment'), 'test');
    await user.click(screen.getByRole('checkbox', { name: 'Keep the session alive' }));
    await user.type(field('Proxy'), 'http://proxy.acme.com:3128');
    await user.keyboard('{Enter}');
    expect(bridge.calls.saveProfile[0]?.[0]).toEqual({
      label: 'Jira Archive',
      baseUrl: 'https://archive.acme.com',
      username: 'fred',
      environment: 'test',
      signInMethod: 'password',
      pollIntervalSeconds: 300,
      keepAlive: true,
      proxyUrl: 'http://proxy.acme.com:3128',
    });
    expect(await screen.findByRole('form', { name: 'Sign in to Jira Archive' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Password', { selector: 'input' })).toHaveFocus());
    expect(screen.getByRole('option', { name: /Jira Archive/ })).toHaveAttribute('aria-selected', 'true');
  });

  test('without a username, focus goes to the username', async () => {
    const { user } = await openAdd();
    await user.type(field('Server name'), 'Jira Archive');
    await user.selectOptions(field('Environment'), 'test');
    await user.type(field('Base URL'), 'archive.acme.com{Enter}');
    expect(await screen.findByRole('form', { name: 'Sign in to Jira Archive' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Username')).toHaveFocus());
  });

  test('a missing name is caught before saving', async () => {
    const { user, bridge } = await openAdd();
    await user.type(field('Base URL'), 'archive.acme.com{Enter}');
    expect(field('Server name')).toHaveFocus();
    expect(field('Server name')).toHaveAccessibleDescription(expect.stringContaining('Give the server a name.'));
    expect(bridge.calls.saveProfile).toHaveLength(0);
  });

  test('proxy credentials go in their own fields; the password is sent once and never shown', async () => {
    const { user, bridge } = await openAdd();
    await user.type(field('Server name'), 'Archive');
    await user.selectOptions(field('Environment'), 'test');
    await user.type(field('Base URL'), 'archive.acme.com');
    expect(field('Proxy user name')).toBeDisabled();
    await user.type(field('Proxy'), 'http://proxy.acme.com:3128');
    expect(field('Proxy password')).toBeDisabled();
    await user.type(field('Proxy user name'), 'svc-jira');
    expect(field('Proxy password')).toHaveAttribute('type', 'password');
    await user.type(field('Proxy password'), 'pr0xy{Enter}');
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({
      proxyUrl: 'http://proxy.acme.com:3128',
      proxyUsername: 'svc-jira',
      proxyPassword: 'pr0xy',
    });
    await screen.findByRole('form', { name: 'Sign in to Archive' });
    expect(document.body.innerHTML).not.toContain('pr0xy');
  });

  test('editing keeps the saved proxy password unless a new one is typed', async () => {
    const withProxy = { ...stage, proxyUrl: 'http://proxy.acme.com:3128', proxyUsername: 'svc-jira' };
    const { user, bridge } = await renderApp({ ...seed(), profiles: [withProxy] });
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    expect(field('Proxy user name')).toHaveValue('svc-jira');
    expect(field('Proxy password')).toHaveValue('');
    expect(field('Proxy password')).toHaveAccessibleDescription('Leave empty to keep the saved one.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({ proxyUsername: 'svc-jira' });
    expect(bridge.calls.saveProfile[0]?.[0]).not.toHaveProperty('proxyPassword');
  });

  test('a proxy with credentials in its address is refused', async () => {
    const { user, bridge } = await openAdd();
    await user.type(field('Server name'), 'Archive');
    await user.selectOptions(field('Environment'), 'test');
    await user.type(field('Base URL'), 'archive.acme.com');
    await user.type(field('Proxy'), 'http://me:pw@proxy.acme.com{Enter}');
    expect(field('Proxy')).toHaveFocus();
    expect(field('Proxy')).toHaveAccessibleDescription(
      expect.stringContaining('Leave credentials out of the proxy address.'),
    );
    expect(bridge.calls.saveProfile).toHaveLength(0);
  });

  test('invalid-input from main lands on the field it names', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('saveProfile', {
      kind: 'invalid-input',
      message: 'Expected a PEM certificate.',
      field: 'caCertificate',
    });
    bridge.rejectNext('saveProfile', {
      kind: 'invalid-input',
      message: 'Give the server a name.',
      nextStep: 'Correct it and save again.',
      field: 'label',
    });
    const { user } = await openAdd(bridge);
    await user.type(field('Server name'), ' x ');
    await user.selectOptions(field('Environment'), 'test');
    await user.type(field('Base URL'), 'archive.acme.com{Enter}');
    expect(await screen.findByText('Expected a PEM certificate.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save server' }));
    expect(await screen.findByText('Give the server a name.')).toBeInTheDocument();
    expect(field('Server name')).toHaveFocus();
    expect(field('Server name')).toHaveAttribute('aria-invalid', 'true');
  });

  test('other errors are shown on the form', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('saveProfile', sampleError('storage-error'));
    const { user } = await openAdd(bridge);
    await user.type(field('Server name'), 'Archive');
    await user.selectOptions(field('Environment'), 'test');
    await user.type(field('Base URL'), 'archive.acme.com{Enter}');
    expect(await within(editor()).findByRole('alert')).toHaveTextContent("Couldn't read or write the app's data");
  });

  test('Cancel goes back to the selected server', async () => {
    const { user } = await openAdd();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Jira Production' })).toHaveFocus();
  });
});

describe('editing', () => {
  test('starts from the saved values, inspects the saved CA certificate and saves changes', async () => {
    const withCa = { ...stage, caCertificate: SAMPLE_CERTIFICATE.pem, pollIntervalSeconds: 45, keepAlive: true };
    const bridge = new FakeBridge({ ...seed(), profiles: [prod, withCa, dev] });
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('option', { name: /Jira Staging/ }));
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    expect(screen.getByRole('heading', { name: 'Edit Jira Staging' })).toBeInTheDocument();
    expect(field('Server name')).toHaveFocus();
    expect(field('Server name')).toHaveValue('Jira Staging');
    expect(field('Base URL')).toHaveValue('https://staging.acme.com');
    expect(field('Environment')).toHaveValue('staging');
    expect(field('Check the session every')).toHaveValue('45');
    expect(field('Unit')).toHaveValue('seconds');
    expect(screen.getByRole('checkbox', { name: 'Keep the session alive' })).toBeChecked();
    expect(await screen.findByText(SAMPLE_CERTIFICATE.subject)).toBeInTheDocument();
    expect(bridge.calls.inspectCertificate).toEqual([[SAMPLE_CERTIFICATE.pem]]);
    await user.clear(field('Server name'));
    await user.type(field('Server name'), 'Jira Staging (EU)');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(bridge.calls.saveProfile[0]?.[0]).toMatchObject({
      id: 'stage',
      label: 'Jira Staging (EU)',
      caCertificate: SAMPLE_CERTIFICATE.pem,
    });
    const heading = await screen.findByRole('heading', { level: 2, name: 'Jira Staging (EU)' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole('option', { name: /Jira Staging \(EU\)/ })).toBeInTheDocument();
  });

  test('deleting asks first, then removes the server and moves focus to the list', async () => {
    const { user, bridge } = await renderApp(seed());
    await user.click(screen.getByRole('option', { name: /Jira Staging/ }));
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    await user.click(screen.getByRole('button', { name: 'Delete server…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Jira Staging?' });
    expect(dialog).toHaveTextContent('This signs you out on staging.acme.com (ending the session there too)');
    await user.click(within(dialog).getByRole('button', { name: 'Delete server' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bridge.calls.removeProfile).toEqual([['stage']]);
    expect(screen.queryByRole('option', { name: /Jira Staging/ })).not.toBeInTheDocument();
    const neighbour = screen.getByRole('option', { name: /Dev sandbox/ });
    await waitFor(() => expect(keyboardRow()).toBe(neighbour));
    expect(neighbour).toHaveAttribute('aria-selected', 'true');
  });

  test('cancelling the deletion keeps everything', async () => {
    const { user, bridge } = await renderApp(seed());
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    const deleteButton = screen.getByRole('button', { name: 'Delete server…' });
    await user.click(deleteButton);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(bridge.calls.removeProfile).toHaveLength(0);
    expect(deleteButton).toHaveFocus();
  });

  test('a failed deletion is shown in the dialog', async () => {
    const bridge = new FakeBridge(seed());
    bridge.rejectNext('removeProfile', sampleError('storage-error'));
    const { user } = await renderApp(bridge);
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    await user.click(screen.getByRole('button', { name: 'Delete server…' }));
    await user.click(screen.getByRole('button', { name: 'Delete server' }));
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent(
      "Couldn't read or write the app's data",
    );
    expect(screen.getByRole('option', { name: /Jira Production/, hidden: true })).toBeInTheDocument();
  });

  test('deleting the last server leads to the first-run screen', async () => {
    const { user } = await renderApp({ profiles: [dev], sessions: [] });
    await user.click(screen.getByRole('button', { name: 'Edit server' }));
    await user.click(screen.getByRole('button', { name: 'Delete server…' }));
    await user.click(screen.getByRole('button', { name: 'Delete server' }));
    expect(await screen.findByRole('heading', { name: 'Add your first Jira server' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Add server' })[1]).toHaveFocus());
  });
});

test('invalid-input errors are mapped to the field the core names, and only to a known one', () => {
  expect(fieldOfInvalidInput({ kind: 'invalid-input', message: 'Bad URL.', field: 'baseUrl' })).toEqual({
    field: 'baseUrl',
    text: 'Bad URL.',
  });
  expect(fieldOfInvalidInput({ kind: 'invalid-input', message: 'Something else.', field: 'nonsense' })).toEqual({
    text: 'Something else.',
  });
  expect(fieldOfInvalidInput({ kind: 'invalid-input', message: 'No field.' })).toEqual({ text: 'No field.' });
});

const SAMPLE_SERVER = {
  baseUrl: 'https://jira.acme.com',
  version: '10.3.4',
  versionNumbers: [10, 3, 4],
  deploymentType: 'Server',
  buildNumber: 10030004,
  serverTitle: 'Acme Jira',
};
