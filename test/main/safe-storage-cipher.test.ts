import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageCipher, safeStorageAvailability } from '../../electron/main/safe-storage-cipher';
import { resetElectronMock, safeStorage } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

beforeEach(() => resetElectronMock());

describe('availability', () => {
  it.each([
    ['gnome_libsecret', 'os-keychain'],
    ['kwallet', 'os-keychain'],
    ['kwallet5', 'os-keychain'],
    ['kwallet6', 'os-keychain'],
    ['basic_text', 'weak'],
    ['unknown', 'weak'],
  ] as const)('Linux backend %s → %s', async (backend, expected) => {
    safeStorage.backend = backend;
    await expect(createSafeStorageCipher(safeStorage, 'linux').availability()).resolves.toBe(expected);
  });

  it.each(['linux', 'darwin', 'win32'] as const)('%s without encryption → none', async (platform) => {
    safeStorage.available = false;
    await expect(createSafeStorageCipher(safeStorage, platform).availability()).resolves.toBe('none');
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it.each(['darwin', 'win32'] as const)(
    '%s with encryption → os-keychain, without asking for a Linux backend',
    (platform) => {
      expect(safeStorageAvailability(safeStorage, platform)).toBe('os-keychain');
      expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
    },
  );

  it('asks again each time (the keychain can become available after start-up)', async () => {
    const cipher = createSafeStorageCipher(safeStorage, 'linux');
    safeStorage.available = false;
    await expect(cipher.availability()).resolves.toBe('none');
    safeStorage.available = true;
    await expect(cipher.availability()).resolves.toBe('os-keychain');
  });
});

describe('seal and open', () => {
  it('seals to base64 of encryptString and opens it again', async () => {
    const cipher = createSafeStorageCipher(safeStorage, 'linux');
    const sealed = await cipher.seal('JSESSIONID=abc123');
    expect(sealed).toBe(safeStorage.encryptString('JSESSIONID=abc123').toString('base64'));
    expect(Buffer.from(sealed, 'base64').toString('utf8')).not.toContain('abc123');
    await expect(cipher.open(sealed)).resolves.toBe('JSESSIONID=abc123');
    expect(safeStorage.decryptString).toHaveBeenCalledWith(Buffer.from(sealed, 'base64'));
  });

  it('refuses to seal when encryption is not available', async () => {
    safeStorage.available = false;
    await expect(createSafeStorageCipher(safeStorage, 'linux').seal('secret')).rejects.toMatchObject({
      info: { kind: 'storage-error' },
    });
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('throws a clear error, never plaintext, when the sealed text cannot be decrypted', async () => {
    const cipher = createSafeStorageCipher(safeStorage, 'linux');
    const garbage = Buffer.from('JSESSIONID=plain').toString('base64');
    const failure = await cipher.open(garbage).catch((error: unknown) => error);
    expect(failure).toMatchObject({ info: { kind: 'storage-error', nextStep: 'Sign in again.' } });
    expect((failure as Error).message).toMatch(/could not be decrypted/);
    expect((failure as Error).message).not.toContain('JSESSIONID');
  });
});
