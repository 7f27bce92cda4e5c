import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import {
  MAX_CERTIFICATE_FILE_BYTES,
  certificateFileToPem,
  chooseCaCertificate,
  confirmLogoutAll,
  showStartupError,
} from '../../electron/main/dialogs';
import { FakeBrowserWindow, dialog, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----';
const SUMMARY = {
  subject: 'CN=Example Root CA',
  issuer: 'CN=Example Root CA',
  validFrom: '2024-01-01T00:00:00.000Z',
  validTo: '2034-01-01T00:00:00.000Z',
  fingerprint256: 'AA:BB',
};

let dir: string;

beforeEach(async () => {
  resetElectronMock();
  dir = await mkdtemp(path.join(os.tmpdir(), 'jsm-dialogs-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const choose = (file: string) => {
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
};

describe('certificateFileToPem', () => {
  it('keeps PEM text, trimmed', () => {
    expect(certificateFileToPem(Buffer.from(`\n${PEM}\n\n`))).toBe(PEM);
  });

  it('wraps DER into PEM with 64-character lines', () => {
    const der = Buffer.concat([Buffer.from([0x30, 0x82]), Buffer.alloc(100, 7)]);
    const pem = certificateFileToPem(der);
    const lines = pem.split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
    expect(lines.slice(1, -1).every((line) => line.length <= 64)).toBe(true);
    expect(Buffer.from(lines.slice(1, -1).join(''), 'base64')).toEqual(der);
  });

  it('refuses a file that is neither', () => {
    expect(() => certificateFileToPem(Buffer.from('hello'))).toThrow(
      expect.objectContaining({ info: expect.objectContaining({ kind: 'invalid-input' }) }),
    );
    expect(() => certificateFileToPem(Buffer.alloc(0))).toThrow(/not a certificate/);
  });
});

describe('chooseCaCertificate', () => {
  it('returns null when the user cancels', async () => {
    const inspect = vi.fn();
    await expect(chooseCaCertificate({ window: null, inspect })).resolves.toBeNull();
    expect(inspect).not.toHaveBeenCalled();
  });

  it('reads the chosen PEM and returns it with the core’s summary', async () => {
    const file = path.join(dir, 'corp-root.pem');
    await writeFile(file, PEM);
    choose(file);
    const inspect = vi.fn(async () => SUMMARY);
    const window = new FakeBrowserWindow();
    await expect(chooseCaCertificate({ window: window as unknown as BrowserWindow, inspect })).resolves.toEqual({
      fileName: 'corp-root.pem',
      pem: PEM,
      certificate: SUMMARY,
    });
    expect(inspect).toHaveBeenCalledWith(PEM);
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, Electron.OpenDialogOptions];
    expect(parent).toBe(window);
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters?.[0]?.extensions).toEqual(['pem', 'crt', 'cer', 'der']);
  });

  it('refuses a file larger than a certificate can be, without reading it into the core', async () => {
    const file = path.join(dir, 'huge.pem');
    await writeFile(file, Buffer.alloc(MAX_CERTIFICATE_FILE_BYTES + 1, 0x41));
    choose(file);
    const inspect = vi.fn();
    await expect(chooseCaCertificate({ window: null, inspect })).rejects.toMatchObject({
      info: { kind: 'invalid-input' },
    });
    expect(inspect).not.toHaveBeenCalled();
  });

  it('passes the core’s refusal of a broken certificate on', async () => {
    const file = path.join(dir, 'broken.pem');
    await writeFile(file, PEM);
    choose(file);
    const refusal = Object.assign(new Error('Not a certificate'), { info: { kind: 'invalid-input' } });
    await expect(
      chooseCaCertificate({ window: null, inspect: vi.fn(async () => Promise.reject(refusal)) }),
    ).rejects.toBe(refusal);
  });
});

describe('confirmLogoutAll', () => {
  it('resolves true only for the sign-out button', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await expect(confirmLogoutAll(null, 3)).resolves.toBe(true);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await expect(confirmLogoutAll(null, 3)).resolves.toBe(false);
    const options = dialog.showMessageBox.mock.calls[0]?.[0] as Electron.MessageBoxOptions;
    expect(options.message).toBe('Sign out of 3 servers?');
    expect(options.buttons).toEqual(['Sign out of all', 'Cancel']);
    expect(options.cancelId).toBe(1);
  });

  it('says "1 server" for one and attaches to the window when there is one', async () => {
    const window = new FakeBrowserWindow();
    await confirmLogoutAll(window as unknown as BrowserWindow, 1);
    const [parent, options] = dialog.showMessageBox.mock.calls[0] as [unknown, Electron.MessageBoxOptions];
    expect(parent).toBe(window);
    expect(options.message).toBe('Sign out of 1 server?');
  });
});

describe('showStartupError', () => {
  it('shows an error box', () => {
    showStartupError('The store could not be opened.');
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Jira Session Manager could not start',
      'The store could not be opened.',
    );
  });
});
