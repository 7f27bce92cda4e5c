// Each profile's sealed secrets in sessions/<id>.json: moved out of an older store file without losing anything,
// written atomically and gathered shortly after they change, and a file that cannot be read costs only that one
// session.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentStore, STORE_FILE_NAME, defaultOpenStore } from '../../../electron/core/store/document-store';
import { secretFileName } from '../../../electron/core/store/secret-files';
import { makeProfile } from '../../support/model-fixtures';

const dirs: string[] = [];
const now = () => Date.UTC(2026, 11, 2, 12);
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jsm-secret-files-'));
  dirs.push(dir);
  return dir;
}

const storeFile = (dir: string) => join(dir, `${STORE_FILE_NAME}.json`);
const sessionFiles = (dir: string) =>
  existsSync(join(dir, 'sessions')) ? readdirSync(join(dir, 'sessions')).sort() : [];
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const prod = makeProfile({ id: 'prod' });
const stage = makeProfile({ id: 'stage' });

function storeWith(dir: string, profiles = [prod, stage], extra: Record<string, unknown> = {}): void {
  writeFileSync(storeFile(dir), JSON.stringify({ schemaVersion: 1, profiles, ...extra }));
}

describe('secret files', () => {
  it('moves the jars out of an older store file on first start: nothing lost, the store file holds none', () => {
    const dir = dataDir();
    const secrets = {
      prod: { cookies: 'sealed-jar-prod', signedInAt: '2026-12-01T08:00:00.000Z', password: 'sealed-pw' },
      stage: { token: 'sealed-token-stage' },
    };
    storeWith(dir, [prod, stage], { settings: { notifications: false }, secrets });

    const store = DocumentStore.open(defaultOpenStore, dir, now);
    expect(store.secretFiles.get('prod')).toEqual(secrets.prod);
    expect(store.secretFiles.get('stage')).toEqual(secrets.stage);
    expect(readJson(storeFile(dir))).not.toHaveProperty('secrets');
    expect(readJson(storeFile(dir)).profiles).toEqual([prod, stage]);
    expect(store.read().settings.notifications).toBe(false);
    expect(sessionFiles(dir)).toEqual(['prod.json', 'stage.json']);
    expect(readJson(join(dir, 'sessions', 'prod.json'))).toEqual({ profileId: 'prod', secrets: secrets.prod });
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'sessions', 'prod.json')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'sessions')).mode & 0o777).toBe(0o700);
    }
    // The next start reads them from their files.
    const again = DocumentStore.open(defaultOpenStore, dir, now);
    expect(again.secretFiles.get('prod')).toEqual(secrets.prod);
    expect(again.secretFiles.get('stage')).toEqual(secrets.stage);
    expect(again.secretFiles.wasUnreadable('prod')).toBe(false);
  });

  it('a move cut short (files written, store file not yet) is finished on the next start, the store file winning', () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'sessions'));
    writeFileSync(
      join(dir, 'sessions', 'prod.json'),
      JSON.stringify({ profileId: 'prod', secrets: { cookies: 'old' } }),
    );
    storeWith(dir, [prod, stage], { secrets: { prod: { cookies: 'newer' } } });
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    expect(store.secretFiles.get('prod')).toEqual({ cookies: 'newer' });
    expect(readJson(join(dir, 'sessions', 'prod.json')).secrets).toEqual({ cookies: 'newer' });
    expect(readJson(storeFile(dir))).not.toHaveProperty('secrets');
  });

  it('gathers changes: several of one profile are one write, and a secret never rewrites the store file', async () => {
    const dir = dataDir();
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    store.update((draft) => draft.profiles.push(prod, stage));
    const storeText = readFileSync(storeFile(dir), 'utf8');
    const storeInode = statSync(storeFile(dir)).ino;
    const files = store.secretFiles;
    files.set('prod', { cookies: 'jar-1' });
    files.set('prod', { password: 'pw' });
    files.set('prod', { cookies: 'jar-2', password: 'pw', signedInAt: '2026-12-02T12:00:00.000Z' });
    // Nothing is written on the caller's turn: the write happens off its critical path.
    expect(sessionFiles(dir)).toEqual([]);
    expect(files.writes).toBe(0);
    await store.flush();
    expect(files.writes).toBe(1);
    expect(sessionFiles(dir)).toEqual(['prod.json']);
    expect(readJson(join(dir, 'sessions', 'prod.json')).secrets).toEqual({
      cookies: 'jar-2',
      password: 'pw',
      signedInAt: '2026-12-02T12:00:00.000Z',
    });
    expect(readFileSync(storeFile(dir), 'utf8')).toBe(storeText);
    expect(statSync(storeFile(dir)).ino).toBe(storeInode);

    files.set('prod', undefined);
    await store.flush();
    expect(files.writes).toBe(2);
    expect(sessionFiles(dir)).toEqual([]);
  });

  it('a burst of 1,000 sign-ins is one small write per profile, never a rewrite of the store file', async () => {
    const dir = dataDir();
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    const ids = Array.from({ length: 1000 }, (_, i) => `server-${i}`);
    store.update((draft) => draft.profiles.push(...ids.map((id) => makeProfile({ id }))));
    const storeInode = statSync(storeFile(dir)).ino;
    for (const id of ids) {
      store.secretFiles.set(id, { cookies: `jar-${id}` });
      store.secretFiles.set(id, { cookies: `jar-${id}`, signedInAt: '2026-12-02T12:00:00.000Z' });
    }
    await store.flush();
    expect(store.secretFiles.writes).toBe(1000);
    expect(sessionFiles(dir)).toHaveLength(1000);
    expect(statSync(storeFile(dir)).ino).toBe(storeInode);
    const reopened = DocumentStore.open(defaultOpenStore, dir, now);
    expect(reopened.secretFiles.get('server-999')).toEqual({
      cookies: 'jar-server-999',
      signedInAt: '2026-12-02T12:00:00.000Z',
    });
  });

  it('writes a file atomically: replaced whole by a rename, no temporary file left', async () => {
    const dir = dataDir();
    storeWith(dir);
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    store.secretFiles.set('prod', { cookies: 'jar-1' });
    await store.flush();
    const path = join(dir, 'sessions', 'prod.json');
    const inode = statSync(path).ino;
    store.secretFiles.set('prod', { cookies: 'jar-2' });
    await store.flush();
    expect(statSync(path).ino).not.toBe(inode);
    expect(sessionFiles(dir)).toEqual(['prod.json']);
  });

  it('removeAll deletes every file and the folder, and a change still pending is never written after it', async () => {
    const dir = dataDir();
    storeWith(dir);
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    store.secretFiles.set('prod', { cookies: 'jar' });
    await store.flush();
    store.secretFiles.set('stage', { cookies: 'pending' });
    await store.secretFiles.removeAll();
    await store.flush();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(existsSync(join(dir, 'sessions'))).toBe(false);
    expect(store.secretFiles.get('prod')).toBeUndefined();
    // Usable again afterwards.
    store.secretFiles.set('prod', { cookies: 'after' });
    await store.flush();
    expect(sessionFiles(dir)).toEqual(['prod.json']);
  });

  it('drops a corrupted file and reports it; the other sessions and the profiles stay', async () => {
    const dir = dataDir();
    const logs: string[] = [];
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    store.update((draft) => draft.profiles.push(prod, stage));
    store.secretFiles.set('prod', { cookies: 'jar-prod' });
    store.secretFiles.set('stage', { cookies: 'jar-stage' });
    await store.flush();
    writeFileSync(join(dir, 'sessions', 'prod.json'), '{"profileId":"prod","secrets":{"cookies":');
    // A crash mid-write leaves only a temporary file, which is cleared away.
    writeFileSync(join(dir, 'sessions', 'stage.json.tmp-999-1'), 'half');

    const next = DocumentStore.open(defaultOpenStore, dir, now, (level, message, fields) =>
      logs.push(`${level} ${message} ${JSON.stringify(fields)}`),
    );
    expect(next.read().profiles).toEqual([prod, stage]);
    expect(next.secretFiles.get('prod')).toBeUndefined();
    expect(next.secretFiles.get('stage')).toEqual({ cookies: 'jar-stage' });
    expect(next.secretFiles.wasUnreadable('prod')).toBe(true);
    expect(next.secretFiles.wasUnreadable('stage')).toBe(false);
    expect(logs).toEqual([
      'error A saved session file could not be read; that session was dropped {"file":"prod.json"}',
    ]);
    expect(sessionFiles(dir)).toEqual(['stage.json']);
  });

  it('removes the file of a profile no longer in the store (a removal cut short), keeps them while it is set aside', () => {
    const dir = dataDir();
    mkdirSync(join(dir, 'sessions'));
    writeFileSync(join(dir, 'sessions', 'gone.json'), JSON.stringify({ profileId: 'gone', secrets: { cookies: 'x' } }));
    writeFileSync(storeFile(dir), '{"schemaVersion":1,"profiles":[');
    const setAside = DocumentStore.open(defaultOpenStore, dir, now);
    expect(setAside.problem).toBeDefined();
    expect(sessionFiles(dir)).toEqual(['gone.json']);
    storeWith(dir);
    DocumentStore.open(defaultOpenStore, dir, now);
    expect(sessionFiles(dir)).toEqual([]);
  });

  it('names a file after a plain id, and after a hash of any other, so no id leaves the folder', () => {
    expect(secretFileName('4a1c9a2e-0f7b-4c1e-9d51-1f6f2a7c3b10')).toBe('4a1c9a2e-0f7b-4c1e-9d51-1f6f2a7c3b10.json');
    expect(secretFileName('../../etc/passwd')).toMatch(/^[0-9a-f]{64}\.json$/);
  });

  it('a file whose content names another profile is not taken for it', () => {
    const dir = dataDir();
    storeWith(dir);
    mkdirSync(join(dir, 'sessions'));
    writeFileSync(
      join(dir, 'sessions', 'prod.json'),
      JSON.stringify({ profileId: 'stage', secrets: { cookies: 'x' } }),
    );
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    expect(store.secretFiles.get('prod')).toBeUndefined();
    expect(store.secretFiles.get('stage')).toBeUndefined();
    expect(store.secretFiles.wasUnreadable('prod')).toBe(true);
  });
});
