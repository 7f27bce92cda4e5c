// Native dialogs. The renderer reaches them only through contract channels (dialog:chooseCaCertificate); the tray
// uses the sign-out confirmation directly.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { dialog } from 'electron';
import type { BrowserWindow, MessageBoxOptions, OpenDialogOptions } from 'electron';
import type { CertificateSummary, ChosenCertificate } from '../shared/model';
import { appError } from '../core/errors';
import type { RouteChange } from '../core/ports';

/** The same limit the contract's schema puts on a PEM. */
export const MAX_CERTIFICATE_FILE_BYTES = 64 * 1024;

const PEM_BEGIN = '-----BEGIN CERTIFICATE-----';

/** PEM text as is; a binary (DER) certificate, as .cer files often are, wrapped into PEM. */
export function certificateFileToPem(content: Buffer): string {
  const text = content.toString('utf8');
  if (text.includes(PEM_BEGIN)) return text.trim();
  // DER starts with an ASN.1 SEQUENCE tag; anything else is not a certificate at all.
  if (content.length === 0 || content[0] !== 0x30) {
    throw appError('invalid-input', 'The file is not a certificate (expected PEM or DER).', {
      nextStep: 'Choose the CA certificate file, usually ending in .pem, .crt or .cer.',
    });
  }
  const lines = content.toString('base64').match(/.{1,64}/g) ?? [];
  return [PEM_BEGIN, ...lines, '-----END CERTIFICATE-----'].join('\n');
}

export interface ChooseCaCertificateOptions {
  window: BrowserWindow | null;
  /** The core's certificate:inspect, which parses the PEM and rejects anything that is not a certificate. */
  inspect(pem: string): Promise<CertificateSummary>;
}

export async function chooseCaCertificate(options: ChooseCaCertificateOptions): Promise<ChosenCertificate | null> {
  const dialogOptions: OpenDialogOptions = {
    title: 'Choose a CA certificate',
    buttonLabel: 'Use certificate',
    properties: ['openFile'],
    filters: [
      { name: 'Certificates', extensions: ['pem', 'crt', 'cer', 'der'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = options.window
    ? await dialog.showOpenDialog(options.window, dialogOptions)
    : await dialog.showOpenDialog(dialogOptions);
  const file = result.filePaths[0];
  if (result.canceled || file === undefined) return null;
  const { size } = await stat(file);
  if (size > MAX_CERTIFICATE_FILE_BYTES) {
    throw appError('invalid-input', 'The file is too large to be a CA certificate (more than 64 KB).');
  }
  const pem = certificateFileToPem(await readFile(file));
  return { fileName: path.basename(file), pem, certificate: await options.inspect(pem) };
}

/** Asks before the tray signs out of every server; resolves true when the user agreed. */
export async function confirmLogoutAll(window: BrowserWindow | null, signedInCount: number): Promise<boolean> {
  const servers = signedInCount === 1 ? '1 server' : `${signedInCount} servers`;
  const options: MessageBoxOptions = {
    type: 'question',
    title: 'Sign out of all servers',
    message: `Sign out of ${servers}?`,
    detail: 'Each Jira server ends its session. You can sign in again at any time.',
    buttons: ['Sign out of all', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
}

/**
 * Asked by the core before a profile's session and remembered password may travel a new route (proxy, extra CA,
 * pinned certificate). Signing out is the default and the answer to Escape: only an explicit click keeps them.
 */
export async function confirmKeepSecrets(window: BrowserWindow | null, change: RouteChange): Promise<boolean> {
  const parts = change.parts.join(' and ');
  const options: MessageBoxOptions = {
    type: 'warning',
    title: 'Keep the session over the new connection?',
    message: `The ${parts} of ${change.label} changed.`,
    detail: `Your session and any remembered password for ${change.baseUrl} would now travel through the new ${parts}. Keep them only if you set up this change yourself and trust it; otherwise sign out and sign in again.`,
    buttons: ['Sign out', 'Keep signed in'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 1;
}

/** For failures before there is a window to show them in. */
export function showStartupError(message: string): void {
  dialog.showErrorBox('Jira Session Manager could not start', message);
}
