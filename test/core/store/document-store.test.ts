// The store file: atomic, private, versioned, and never silently reset.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DocumentStore,
  STORE_FILE_NAME,
  STORE_SCHEMA_VERSION,
  defaultOpenStore,
} from '../../../electron/core/store/document-store';
import { makeProfile } from '../../support/model-fixtures';

const dirs: string[] = [];
const now = () => Date.UTC(2026, 10, 30, 12, 0, 0);

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jsm-store-'));
  dirs.push(dir);
  return dir;
}

const profile = makeProfile({
  id: 'p1',
  label: 'Prod',
  baseUrl: 'https://jira.example.com',
  username: 'admin',
  environment: 'production',
});

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('DocumentStore', () => {
  it('writes a versioned document readable only by its owner', () => {
    const dir = dataDir();
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    store.update((draft) => draft.profiles.push(profile));
    const file = join(dir, `${STORE_FILE_NAME}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number; profiles: unknown[] };
    expect(written.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(written.profiles).toEqual([profile]);
    expect(DocumentStore.open(defaultOpenStore, dir, now).read().profiles).toEqual([profile]);
  });

  it.each([
    ['corrupted', '{"schemaVersion":1,"profiles":[{"id":"p1"', /could not be read/],
    ['truncated', '', /could not be read|expected structure/],
    [
      'from a newer version',
      JSON.stringify({ schemaVersion: STORE_SCHEMA_VERSION + 1, profiles: [] }),
      /newer version/,
    ],
    ['of the wrong shape', JSON.stringify({ schemaVersion: 1, profiles: [{ id: 5 }] }), /expected structure/],
  ])('sets a %s file aside, keeps it byte for byte, and starts empty', (_name, content, reason) => {
    const dir = dataDir();
    const file = join(dir, `${STORE_FILE_NAME}.json`);
    writeFileSync(file, content);
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    expect(store.problem?.message).toMatch(reason);
    expect(readFileSync(store.problem!.backupPath, 'utf8')).toBe(content);
    expect(store.problem!.backupPath).toContain('unreadable-2026-11-30T12-00-00-000Z');
    expect(store.read().profiles).toEqual([]);
    store.update((draft) => draft.profiles.push(profile));
    expect(readdirSync(dir).sort()).toEqual([
      `${STORE_FILE_NAME}.json`,
      `${STORE_FILE_NAME}.unreadable-2026-11-30T12-00-00-000Z.json`,
    ]);
  });

  it('migrates the unversioned pre-release layout and writes it back', () => {
    const dir = dataDir();
    const file = join(dir, `${STORE_FILE_NAME}.json`);
    writeFileSync(
      file,
      JSON.stringify({ servers: [{ id: 'old', label: 'Old', baseUrl: 'https://old.example.com', username: 'a' }] }),
    );
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    expect(store.problem).toBeUndefined();
    // No environment is made up: the server stays without one until the user chooses (never silently production).
    expect(store.read().profiles).toEqual([
      {
        id: 'old',
        label: 'Old',
        baseUrl: 'https://old.example.com',
        username: 'a',
        signInMethod: 'password',
        pollIntervalSeconds: 300,
        keepAlive: false,
      },
    ]);
    const written = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(written.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(written.servers).toBeUndefined();
  });

  it('loads a saved server that has no environment, keeping the others as they were', () => {
    const dir = dataDir();
    const { environment: _none, ...without } = makeProfile({ id: 'p2', label: 'Old one' });
    writeFileSync(
      join(dir, `${STORE_FILE_NAME}.json`),
      JSON.stringify({ schemaVersion: STORE_SCHEMA_VERSION, profiles: [profile, without] }),
    );
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    expect(store.problem).toBeUndefined();
    expect(store.read().profiles).toEqual([profile, without]);
    expect(store.read().profiles[1]).not.toHaveProperty('environment');
  });

  it('applies a change in place, without a copy, and the next open reads it back', () => {
    const dir = dataDir();
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    const document = store.read();
    store.update((draft) => draft.profiles.push(profile));
    // Internal changes are trusted (checked at the channel's edge): the same document, no clone to re-validate.
    expect(store.read()).toBe(document);
    expect(DocumentStore.open(defaultOpenStore, dir, now).read().profiles).toEqual([profile]);
  });

  it('writes the file atomically: a temporary file beside it, renamed over it, none left behind', () => {
    const dir = dataDir();
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    store.update((draft) => draft.profiles.push(profile));
    const file = join(dir, `${STORE_FILE_NAME}.json`);
    const before = statSync(file).ino;
    store.update((draft) => (draft.profiles[0] = { ...profile, label: 'Renamed' }));
    // A new inode: the old file was replaced whole by a rename, never rewritten where it lay.
    expect(statSync(file).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual([`${STORE_FILE_NAME}.json`]);
    expect(JSON.parse(readFileSync(file, 'utf8')).profiles[0].label).toBe('Renamed');
  });

  it('refused by its size check or by the disk, a change leaves the document and the file as they were', () => {
    const dir = dataDir();
    const store = DocumentStore.open(defaultOpenStore, dir, now);
    store.update((draft) => draft.profiles.push(profile));
    const file = join(dir, `${STORE_FILE_NAME}.json`);
    const text = readFileSync(file, 'utf8');
    const tooLarge = () => {
      throw new Error('too large');
    };
    const sizes: number[] = [];
    expect(() =>
      store.update(
        (draft) => {
          draft.profiles.push({ ...profile, id: 'p2' });
          draft.settings.notifications = false;
        },
        (bytes) => {
          sizes.push(bytes);
          tooLarge();
        },
      ),
    ).toThrow('too large');
    expect(sizes[0]).toBeGreaterThan(text.length);
    expect(store.read().profiles).toEqual([profile]);
    expect(store.read().settings.notifications).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(text);

    // The folder is gone and cannot be made again (a file stands where it was): the write fails, nothing changes.
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'not a folder');
    expect(() => store.update((draft) => draft.profiles.push({ ...profile, id: 'p3' }))).toThrow();
    expect(store.read().profiles).toEqual([profile]);
  });
});
