// A SecretCipher with real AES-256-GCM encryption under a key held in memory: it stands in for Electron's
// safeStorage (the OS keychain cannot run in tests). A cipher with another key cannot open its seals, like a
// keychain that was reset or a store copied to another machine.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from '../../electron/core';
import type { SecretStorageLevel } from '../../electron/shared/model';

export interface TestCipher extends SecretCipher {
  readonly key: Buffer;
  sealed: number;
}

export function createTestCipher(level: SecretStorageLevel = 'os-keychain', key: Buffer = randomBytes(32)): TestCipher {
  const cipher: TestCipher = {
    key,
    sealed: 0,
    availability: async () => level,
    async seal(plain) {
      if (level === 'none') throw new Error('Encryption is not available.');
      cipher.sealed += 1;
      const iv = randomBytes(12);
      const aes = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([aes.update(plain, 'utf8'), aes.final()]);
      return Buffer.concat([iv, aes.getAuthTag(), body]).toString('base64');
    },
    async open(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      const aes = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      aes.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([aes.update(bytes.subarray(28)), aes.final()]).toString('utf8');
    },
  };
  return cipher;
}
