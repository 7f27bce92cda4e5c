// Said plainly when secrets cannot be kept safely: sessions then live in memory, passwords are not remembered,
// unless the user opts in knowingly.
import { useState } from 'react';
import type { AppSettings, SecretStorageLevel } from '../../../electron/shared/model';
import { ConfirmDialog } from './confirm-dialog';
import { AlertTriangleIcon, LockIcon } from './icons';
import { Notice } from './notice';

/** Whether "Remember password" can be offered, why not when it cannot, and how a kept secret is kept. */
export interface RememberAvailability {
  available: boolean;
  reason?: string;
  /** How a secret the app keeps is kept here, said without promising a keychain the system does not have. */
  keeping: string;
}

export function rememberPasswordAvailability(
  secretStorage: SecretStorageLevel | undefined,
  settings: AppSettings | undefined,
): RememberAvailability {
  if (secretStorage === 'os-keychain') return { available: true, keeping: 'Kept encrypted by your system’s keychain' };
  // Only a weak keyring can store anyway; with none at all nothing can be sealed, so nothing is written.
  if (secretStorage === 'weak' && settings?.persistSecretsWithoutKeychain) {
    return { available: true, keeping: 'Kept on this computer without a keychain’s protection, as you chose' };
  }
  const keeping = 'Kept in memory only, until you quit: this computer has no usable keychain';
  if (secretStorage === 'weak') {
    return {
      available: false,
      keeping,
      reason:
        'Unavailable: this system’s keyring only offers basic text storage, so a password could not be kept safely.',
    };
  }
  return {
    available: false,
    keeping,
    reason: 'Unavailable: no system keychain is available, so a password could not be kept safely.',
  };
}

export interface KeychainNoticeProps {
  secretStorage: SecretStorageLevel;
  persistAnyway: boolean;
  onChangePersistAnyway(persist: boolean): Promise<void>;
}

export function KeychainNotice({ secretStorage, persistAnyway: chosen, onChangePersistAnyway }: KeychainNoticeProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (secretStorage === 'os-keychain') return null;
  // The choice counts only where it can be carried out: a weak keyring. With no keychain nothing is written.
  const persistAnyway = secretStorage === 'weak' && chosen;

  const change = async (persist: boolean) => {
    setBusy(true);
    try {
      await onChangePersistAnyway(persist);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const cause =
    secretStorage === 'weak'
      ? 'This system’s keyring only offers basic text storage'
      : 'No system keychain is available to the app';

  return (
    <>
      <Notice
        tone="warning"
        banner
        heading="h2"
        icon={persistAnyway ? <AlertTriangleIcon size={18} /> : <LockIcon size={18} />}
        title={
          persistAnyway ? 'Secrets are stored without encryption' : 'Secrets can’t be stored securely on this computer'
        }
        side={
          secretStorage === 'weak' ? (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => (persistAnyway ? void change(false) : setConfirming(true))}
            >
              {persistAnyway ? 'Stop storing secrets' : 'Store them anyway…'}
            </button>
          ) : undefined
        }
      >
        <p className="notice-message">
          {persistAnyway
            ? `${cause}. You chose to keep sessions and remembered passwords on disk anyway: anyone who can read your files could use them.`
            : `${cause}, so sessions stay in memory and end when you quit, and passwords can’t be remembered.`}
        </p>
      </Notice>
      {confirming ? (
        <ConfirmDialog
          title="Store secrets without encryption?"
          tone="danger"
          confirmLabel="Store anyway"
          busy={busy}
          busyLabel="Saving…"
          onConfirm={() => void change(true)}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {cause}. Sessions and any password you ask to remember would be written to disk without the keychain’s
            protection, and anyone who can read your user files could sign in as you.
          </p>
          <p>Only do this on a computer that nobody else uses.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
