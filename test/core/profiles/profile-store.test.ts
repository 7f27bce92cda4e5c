// Saved servers on a real store file: validated and normalised by the same rules the forms show, written only
// when valid, and never holding a secret.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core';
import { ProfileStore } from '../../../electron/core/profiles/profile-store';
import { DocumentStore, STORE_FILE_NAME, defaultOpenStore } from '../../../electron/core/store/document-store';
import {
  ENVIRONMENT_REQUIRED,
  REQUIRED_FIELDS,
  proxyUrlProblem,
  pollIntervalProblem,
} from '../../../electron/shared/field-rules';
import type { AppErrorInfo } from '../../../electron/shared/model';
import { makeProfileInput } from '../../support/model-fixtures';

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'jsm-profiles-'));
  dirs.push(dir);
  const store = DocumentStore.open(defaultOpenStore, dir, () => Date.now());
  const onDisk = () =>
    (JSON.parse(readFileSync(join(dir, `${STORE_FILE_NAME}.json`), 'utf8')) as { profiles: unknown[] }).profiles;
  return { store, profiles: new ProfileStore(store), onDisk };
}

function errorOf(run: () => unknown): AppErrorInfo {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).info;
  }
  throw new Error('expected an AppError');
}

describe('ProfileStore', () => {
  it('creates a profile with its own id, normalised, with the defaults filled in', () => {
    const { profiles, onDisk } = setup();
    const saved = profiles.save(
      makeProfileInput({ label: '  Acme  ', baseUrl: 'jira.acme.com/jira/secure/Dashboard.jspa', username: ' fred ' }),
    );
    expect(saved).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      label: 'Acme',
      baseUrl: 'https://jira.acme.com/jira',
      username: 'fred',
      environment: 'production',
      signInMethod: 'password',
      pollIntervalSeconds: 300,
      keepAlive: false,
    });
    expect(onDisk()).toEqual([saved]);
    expect(profiles.get(saved.id)).toEqual(saved);
  });

  it('refuses a new server without an environment, with the words the editor shows', () => {
    const { profiles } = setup();
    const { environment: _none, ...input } = makeProfileInput();
    expect(errorOf(() => profiles.save(input))).toMatchObject({
      kind: 'invalid-input',
      message: ENVIRONMENT_REQUIRED,
      field: 'environment',
    });
    expect(profiles.list()).toEqual([]);
  });

  it('keeps the chosen environment when an update does not name one, and never makes one up', () => {
    const { profiles, store } = setup();
    const saved = profiles.save(makeProfileInput({ environment: 'staging' }));
    const { environment: _none, ...update } = makeProfileInput({ id: saved.id, label: 'Renamed' });
    expect(profiles.save(update)).toMatchObject({ label: 'Renamed', environment: 'staging' });
    store.update((draft) => {
      delete draft.profiles[0]?.environment;
    });
    expect(profiles.save(update)).not.toHaveProperty('environment');
    expect(profiles.save({ ...update, environment: 'test' }).environment).toBe('test');
  });

  it('replaces a known profile in place, keeping the order', () => {
    const { profiles } = setup();
    const first = profiles.save(makeProfileInput({ label: 'First' }));
    const second = profiles.save(makeProfileInput({ label: 'Second' }));
    const renamed = profiles.save(makeProfileInput({ id: first.id, label: 'First, renamed', keepAlive: true }));
    expect(profiles.list().map((profile) => [profile.id, profile.label, profile.keepAlive])).toEqual([
      [first.id, 'First, renamed', true],
      [second.id, 'Second', false],
    ]);
    expect(renamed.id).toBe(first.id);
  });

  it('hands out copies: changing one changes nothing saved', () => {
    const { profiles } = setup();
    const saved = profiles.save(makeProfileInput());
    const listed = profiles.list();
    listed[0]!.label = 'tampered';
    profiles.get(saved.id).label = 'tampered too';
    expect(profiles.get(saved.id).label).toBe('Jira Production');
  });

  it.each([
    [{ label: '   ' }, 'label', REQUIRED_FIELDS.label],
    [
      { baseUrl: 'ftp://jira.example.com' },
      'baseUrl',
      'Only http:// and https:// addresses are supported, not ftp://.',
    ],
    [{ pollIntervalSeconds: 5 }, 'pollIntervalSeconds', pollIntervalProblem(5)],
    [{ proxyUrl: 'http://user:pw@proxy:3128' }, 'proxyUrl', proxyUrlProblem('http://user:pw@proxy:3128')],
  ])('refuses %j, naming the field, and writes nothing', (patch, field, message) => {
    const { profiles, store } = setup();
    const error = errorOf(() => profiles.save(makeProfileInput(patch)));
    expect(error).toMatchObject({ kind: 'invalid-input', field, message, nextStep: 'Correct it and save again.' });
    expect(store.read().profiles).toEqual([]);
  });

  it('refuses a CA certificate that is not a certificate', () => {
    const { profiles, store } = setup();
    const pem = '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n';
    expect(errorOf(() => profiles.save(makeProfileInput({ caCertificate: pem })))).toMatchObject({
      kind: 'invalid-input',
      message: 'That file is not a PEM certificate.',
    });
    expect(store.read().profiles).toEqual([]);
  });

  it('keeps the proxy user only with a proxy, and never the proxy password', () => {
    const { profiles, onDisk } = setup();
    const withProxy = profiles.save(
      makeProfileInput({
        proxyUrl: 'http://proxy.example.com:3128',
        proxyUsername: 'svc',
        proxyPassword: 'pr0xy-s3cret',
      }),
    );
    const withoutProxy = profiles.save(makeProfileInput({ proxyUsername: 'svc', proxyPassword: 'pr0xy-s3cret' }));
    expect(withProxy).toMatchObject({ proxyUrl: 'http://proxy.example.com:3128', proxyUsername: 'svc' });
    expect(withoutProxy).not.toHaveProperty('proxyUsername');
    expect(JSON.stringify(onDisk())).not.toContain('pr0xy-s3cret');
  });

  it('saving or removing an unknown id is not-found, and changes nothing', () => {
    const { profiles, store } = setup();
    const kept = profiles.save(makeProfileInput());
    expect(errorOf(() => profiles.save(makeProfileInput({ id: 'gone' })))).toMatchObject({ kind: 'not-found' });
    expect(errorOf(() => profiles.remove('gone'))).toMatchObject({ kind: 'not-found' });
    expect(store.read().profiles).toEqual([kept]);
  });
});
