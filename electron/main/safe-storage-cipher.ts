// The core's SecretCipher backed by Electron safeStorage (Keychain on macOS, DPAPI on Windows, libsecret or
// KWallet on Linux). Only usable once the app is ready: before that, Linux reports encryption as unavailable.
import type { SafeStorage } from 'electron';
import { appError, type SecretCipher } from '../core';
import type { SecretStorageLevel } from '../shared/model';

export type SafeStorageApi = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
>;

// Linux's basic_text backend encrypts with a hard-coded password: no better than plain text. "unknown" means
// the backend could not be determined, so it is not trusted either.
const LINUX_KEYCHAIN_BACKENDS: ReadonlySet<string> = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

export function safeStorageAvailability(safeStorage: SafeStorageApi, platform: NodeJS.Platform): SecretStorageLevel {
  if (!safeStorage.isEncryptionAvailable()) return 'none';
  if (platform !== 'linux') return 'os-keychain';
  return LINUX_KEYCHAIN_BACKENDS.has(safeStorage.getSelectedStorageBackend()) ? 'os-keychain' : 'weak';
}

export function createSafeStorageCipher(
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  return {
    async availability() {
      return safeStorageAvailability(safeStorage, platform);
    },
    async seal(plain) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw appError('storage-error', 'The system keychain is not available, so the secret cannot be encrypted.');
      }
      return safeStorage.encryptString(plain).toString('base64');
    },
    async open(sealed) {
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Never a plaintext fallback: the caller drops the secret and the user signs in again.
        throw appError(
          'storage-error',
          'A saved secret could not be decrypted: it was sealed by another user, another machine or a keychain that has since been reset.',
          { nextStep: 'Sign in again.' },
        );
      }
    },
  };
}
