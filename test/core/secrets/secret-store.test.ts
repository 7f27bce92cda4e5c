// The secret store on a real store file and a real AES-GCM cipher: what is sealed, what stays in memory, and what
// happens to a seal that cannot be opened.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogSink } from '../../../electron/core';
import { SecretStore } from '../../../electron/core/secrets/secret-store';
import { DocumentStore, STORE_FILE_NAME, defaultOpenStore } from '../../../electron/core/store/document-store';
import type { SecretStorageLevel } from '../../../electron/shared/model';
import { savedFilesText } from '../../support/core-harness';
import { makeProfile } from '../../support/model-fixtures';
import { createTestCipher, type TestCipher } from '../../support/test-cipher';

type SecretFile = { profileId: string; secrets: object };

const PASSWORD = 'correct-horse-battery-staple';
const COOKIES = 'JSESSIONID=3F2A9C41B7E0D5A8; atlassian.xsrf.token=BWP3-NZB2';
const SIGNED_IN_AT = '2026-03-01T09:00:00.000Z';
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(level: SecretStorageLevel = 'os-keychain', cipher: TestCipher = createTestCipher(level)) {
  const dir = mkdtempSync(join(tmpdir(), 'jsm-secrets-'));
  dirs.push(dir);
  const store = DocumentStore.open(defaultOpenStore, dir, () => Date.now());
  // The profiles the secrets belong to: a file of a profile not in the store is removed when it is next opened.
  store.update((draft) => draft.profiles.push(makeProfile({ id: 'prod' }), makeProfile({ id: 'stage' })));
  const secrets = new SecretStore(store, cipher, level, () => undefined);
  // Every store opened on the folder (restarts included): each writes its secret files shortly after a change.
  const opened = [store];
  const flushAll = () => Promise.all(opened.map((each) => each.flush()));
  /** The store file and the secret files as text, once written; empty while nothing was ever written. */
  const fileText = async () => {
    await flushAll();
    return savedFilesText(dir);
  };
  /** The sealed secrets on disk, by profile: the secret files (the store file holds none). */
  const onDisk = async (): Promise<Record<string, object>> => {
    await flushAll();
    const storeFile = join(dir, `${STORE_FILE_NAME}.json`);
    if (existsSync(storeFile)) expect(JSON.parse(readFileSync(storeFile, 'utf8'))).not.toHaveProperty('secrets');
    const folder = join(dir, 'sessions');
    const files = existsSync(folder) ? readdirSync(folder) : [];
    const entries = files.map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as SecretFile);
    return Object.fromEntries(entries.map((entry) => [entry.profileId, entry.secrets]));
  };
  /** Another run of the app on the same files (nothing in memory), with this cipher and log. */
  const restart = async (withCipher: TestCipher = cipher, log: LogSink = () => undefined) => {
    await flushAll();
    const next = DocumentStore.open(defaultOpenStore, dir, () => Date.now());
    opened.push(next);
    return new SecretStore(next, withCipher, level, log);
  };
  return { store, cipher, secrets, fileText, onDisk, restart };
}

describe('with the OS keychain', () => {
  it('seals what it writes: the file holds no plain secret, and another run opens it', async () => {
    const { secrets, fileText, restart, cipher } = setup();
    await secrets.put('prod', 'cookies', COOKIES, { signedInAt: SIGNED_IN_AT });
    await secrets.put('prod', 'password', PASSWORD);
    expect(cipher.sealed).toBe(2);
    expect(await fileText()).not.toContain(PASSWORD);
    expect(await fileText()).not.toContain('3F2A9C41B7E0D5A8');
    expect(secrets.isPersisted('prod', 'cookies')).toBe(true);
    expect(secrets.signedInAt('prod')).toBe(SIGNED_IN_AT);

    const next = await restart();
    await expect(next.get('prod', 'password')).resolves.toBe(PASSWORD);
    await expect(next.get('prod', 'cookies')).resolves.toBe(COOKIES);
    await expect(next.get('prod', 'proxyPassword')).resolves.toBeUndefined();
  });

  it('drops a seal that cannot be opened, says so without the secret, and never falls back to plain text', async () => {
    const { secrets, restart, onDisk } = setup();
    await secrets.put('prod', 'password', PASSWORD);
    const logs: string[] = [];
    // A reset keychain, or the file copied to another machine: another key.
    const otherMachine = await restart(createTestCipher('os-keychain'), (level, message, fields) =>
      logs.push(`${level} ${message} ${JSON.stringify(fields)}`),
    );
    await expect(otherMachine.get('prod', 'password')).resolves.toBeUndefined();
    expect(logs).toEqual([
      'warn A sealed secret could not be opened and was dropped {"profileId":"prod","which":"password"}',
    ]);
    expect(otherMachine.has('prod', 'password')).toBe(false);
    expect(await onDisk()).toEqual({});
    // The original key cannot bring back what was dropped.
    await expect((await restart()).get('prod', 'password')).resolves.toBeUndefined();
  });

  it('deleting the cookies forgets when the session began; the entry goes once nothing is left', async () => {
    const { secrets, onDisk } = setup();
    await secrets.put('prod', 'cookies', COOKIES, { signedInAt: SIGNED_IN_AT });
    await secrets.put('prod', 'password', PASSWORD);
    secrets.delete('prod', 'cookies');
    expect(secrets.has('prod', 'cookies')).toBe(false);
    expect(secrets.signedInAt('prod')).toBeUndefined();
    expect(Object.keys((await onDisk()).prod!)).toEqual(['password']);
    await expect(secrets.get('prod', 'password')).resolves.toBe(PASSWORD);
    secrets.delete('prod', 'password');
    expect(await onDisk()).toEqual({});
  });

  it('forgetting a profile clears what it held in memory', async () => {
    const { secrets } = setup('none');
    await secrets.put('prod', 'password', PASSWORD);
    secrets.forgetProfile('prod');
    await expect(secrets.get('prod', 'password')).resolves.toBeUndefined();
  });

  it('forgetting a removed profile deletes its file; the other profiles keep theirs', async () => {
    const { secrets, onDisk, restart } = setup();
    await secrets.put('prod', 'cookies', COOKIES, { signedInAt: SIGNED_IN_AT });
    await secrets.put('stage', 'password', PASSWORD);
    expect(Object.keys(await onDisk()).sort()).toEqual(['prod', 'stage']);
    secrets.forgetProfile('prod');
    expect(Object.keys(await onDisk())).toEqual(['stage']);
    await expect((await restart()).get('prod', 'cookies')).resolves.toBeUndefined();
  });

  it('forgetting everything (a reset of the app) deletes every secret file, in memory and on disk', async () => {
    const { secrets, onDisk, restart } = setup();
    await secrets.put('prod', 'cookies', COOKIES);
    await secrets.put('stage', 'password', PASSWORD);
    expect(Object.keys(await onDisk())).toHaveLength(2);
    await secrets.forgetAll();
    expect(await onDisk()).toEqual({});
    expect(secrets.has('prod', 'cookies')).toBe(false);
    expect(secrets.has('stage', 'password')).toBe(false);
    const next = await restart();
    await expect(next.get('stage', 'password')).resolves.toBeUndefined();
  });
});

describe('without a trustworthy keychain', () => {
  it.each(['weak', 'none'] as const)('%s: keeps secrets in memory only, and writes nothing', async (level) => {
    const { secrets, fileText, cipher } = setup(level);
    expect(secrets.persists()).toBe(false);
    await secrets.put('prod', 'password', PASSWORD);
    await expect(secrets.get('prod', 'password')).resolves.toBe(PASSWORD);
    expect(secrets.has('prod', 'password')).toBe(true);
    expect(secrets.isPersisted('prod', 'password')).toBe(false);
    expect(cipher.sealed).toBe(0);
    expect(await fileText()).not.toContain(PASSWORD);
  });

  it('weak, after the user opts in: seals what memory holds; opting out removes it from disk again', async () => {
    const { store, secrets, fileText, onDisk } = setup('weak');
    await secrets.put('prod', 'cookies', COOKIES);
    await secrets.put('stage', 'password', PASSWORD);

    store.update((draft) => {
      draft.settings.persistSecretsWithoutKeychain = true;
    });
    expect(secrets.persists()).toBe(true);
    await secrets.syncPersistence((profileId) => (profileId === 'prod' ? SIGNED_IN_AT : undefined));
    expect(secrets.isPersisted('prod', 'cookies')).toBe(true);
    expect(secrets.isPersisted('stage', 'password')).toBe(true);
    expect(secrets.signedInAt('prod')).toBe(SIGNED_IN_AT);
    expect(await fileText()).not.toContain(PASSWORD);

    store.update((draft) => {
      draft.settings.persistSecretsWithoutKeychain = false;
    });
    await secrets.syncPersistence(() => undefined);
    expect(await onDisk()).toEqual({});
    // Still there for this run.
    await expect(secrets.get('stage', 'password')).resolves.toBe(PASSWORD);
  });

  it('none: an opt-in changes nothing, since there is nothing to seal with', async () => {
    const { store, secrets } = setup('none');
    store.update((draft) => {
      draft.settings.persistSecretsWithoutKeychain = true;
    });
    expect(secrets.persists()).toBe(false);
  });
});
