// The app's store: one file with the profiles and settings (and a schema version), and each profile's sealed
// secrets in a small file of its own (secret-files.ts), so a sign-in never rewrites the list of servers.
// A store file that cannot be read — corrupted, truncated, or written by a newer version — is set aside under a new
// name, kept, and reported; the app then carries on with an empty store. It is never overwritten silently.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { ENVIRONMENTS, SIGN_IN_METHODS } from '../../shared/model';
import { storedEstateSettingsFields } from '../../shared/schemas-estate';
import type { LogSink, OpenStoreBackend, StoreBackendOptions } from '../ports';
import { writeFileAtomicSync } from './atomic-write';
import { SecretFiles, sealedSecretsSchema, type SealedSecrets } from './secret-files';

export const STORE_SCHEMA_VERSION = 1;
export const STORE_FILE_NAME = 'jira-session-manager';
/** Unreadable store files kept aside are deleted once they are this old. */
export const BACKUP_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

const certificateSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  fingerprint256: z.string(),
  pem: z.string().optional(),
});

const storedProfileSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  baseUrl: z.string(),
  username: z.string(),
  // Absent on servers saved before it was required; it is never filled in with a guess.
  environment: z.enum(ENVIRONMENTS).optional(),
  // Profiles saved before web sign-in existed signed in with a password.
  signInMethod: z.enum(SIGN_IN_METHODS).default('password'),
  caCertificate: z.string().optional(),
  pinnedCertificate: certificateSchema.optional(),
  pollIntervalSeconds: z.number().int().positive(),
  keepAlive: z.boolean(),
  proxyUrl: z.string().optional(),
  proxyUsername: z.string().optional(),
  group: z.string().optional(),
  favourite: z.boolean().optional(),
  // A server from the administrator's policy (core/policy/): written there only, never by an edit.
  locked: z.literal(true).optional(),
});

const settingsSchema = z.object({
  notifications: z.boolean().default(true),
  persistSecretsWithoutKeychain: z.boolean().default(false),
  ...storedEstateSettingsFields,
});

export const storeDocumentSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  profiles: z.array(storedProfileSchema).default([]),
  settings: settingsSchema.prefault({}),
});
/** The file as earlier versions wrote it: the sealed secrets inside, which now move to their own files. */
const storedFileSchema = storeDocumentSchema.extend({
  secrets: z.record(z.string(), sealedSecretsSchema).optional(),
});
export type StoreDocument = z.infer<typeof storeDocumentSchema>;
export type { SealedSecrets };

/** Each step lifts a document from version N to N + 1. Version 0 is the unversioned pre-release layout. */
const MIGRATIONS: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {
  0: (document) => ({
    ...document,
    schemaVersion: 1,
    // The pre-release layout kept profiles under `servers` and had no keep-alive or poll interval.
    profiles: ((document.profiles ?? document.servers ?? []) as Record<string, unknown>[]).map((profile) => ({
      pollIntervalSeconds: 300,
      keepAlive: false,
      ...profile,
    })),
    servers: undefined,
  }),
};

export interface StoreProblem {
  message: string;
  backupPath: string;
}

export const defaultOpenStore: OpenStoreBackend = (options) => new Conf<Record<string, unknown>>(options);

export class DocumentStore {
  private folderReady = false;

  private constructor(
    readonly path: string,
    private document: StoreDocument,
    readonly problem: StoreProblem | undefined,
    /** Each profile's sealed secrets, in their own files. */
    readonly secretFiles: SecretFiles,
  ) {}

  /** `openBackend` only reads and parses the file (electron-store in the app); the core writes it itself. */
  static open(
    openBackend: OpenStoreBackend,
    dataDir: string,
    now: () => number,
    log: LogSink = () => undefined,
  ): DocumentStore {
    const options: StoreBackendOptions = {
      cwd: dataDir,
      configName: STORE_FILE_NAME,
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
    };
    const filePath = join(dataDir, `${STORE_FILE_NAME}.json`);
    pruneOldBackups(dataDir, now());
    let loaded: Loaded;
    try {
      loaded = readDocument(openBackend(options).store);
    } catch {
      loaded = { ok: false, reason: 'could not be read (it is corrupted or truncated)' };
    }
    if (!loaded.ok) {
      const problem = setAside(filePath, now, loaded.reason);
      const files = SecretFiles.open(dataDir, log, { profileIds: [], prune: false });
      return new DocumentStore(filePath, emptyDocument(), problem, files);
    }
    const { secrets: moving, ...document } = loaded.document;
    const profileIds = document.profiles.map((profile) => profile.id);
    // The secrets reach their own files before the store file is written without them: a crash between the two
    // leaves them in both, never in neither.
    const files = SecretFiles.open(dataDir, log, { profileIds, moving: moving ?? {}, prune: true });
    const store = new DocumentStore(filePath, document, undefined, files);
    if (loaded.migrated || moving !== undefined) store.write(store.serialize());
    return store;
  }

  read(): StoreDocument {
    return this.document;
  }

  /**
   * Applies a change in place and writes the store file atomically (temporary file, flush, rename). Callers pass
   * values checked at the channel's edge, so the document is neither cloned nor validated again. `accept` sees the
   * size the file would have and may refuse by throwing; then, as when the write fails, nothing changes.
   */
  update(change: (draft: StoreDocument) => void, accept?: (bytes: number) => void): StoreDocument {
    // A shallow copy to put back on failure: changes replace profiles, they never edit one in place.
    const before = { profiles: [...this.document.profiles], settings: { ...this.document.settings } };
    try {
      change(this.document);
      const text = this.serialize();
      accept?.(Buffer.byteLength(text));
      this.write(text);
    } catch (error) {
      Object.assign(this.document, before);
      throw error;
    }
    return this.document;
  }

  /** Resolves once every change made so far is on disk (the secret files are written just after a change). */
  flush(): Promise<void> {
    return this.secretFiles.flush();
  }

  // Tab-indented, as conf and electron-store write it.
  private serialize(): string {
    return JSON.stringify(this.document, undefined, '\t');
  }

  private write(text: string): void {
    if (!this.folderReady) mkdirSync(dirname(this.path), { recursive: true });
    this.folderReady = true;
    writeFileAtomicSync(this.path, text, 0o600);
  }
}

function emptyDocument(): StoreDocument {
  return storeDocumentSchema.parse({ schemaVersion: STORE_SCHEMA_VERSION });
}

type StoredFile = z.infer<typeof storedFileSchema>;
type Loaded = { ok: true; document: StoredFile; migrated: boolean } | { ok: false; reason: string };

function readDocument(raw: Record<string, unknown>): Loaded {
  if (Object.keys(raw).length === 0) return { ok: true, document: emptyDocument(), migrated: false };
  let version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (version > STORE_SCHEMA_VERSION) {
    return { ok: false, reason: `was written by a newer version of the app (store version ${version})` };
  }
  let document = raw;
  const migrated = version < STORE_SCHEMA_VERSION;
  while (version < STORE_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, reason: `has an unknown store version ${version}` };
    document = step(document);
    version += 1;
  }
  const parsed = storedFileSchema.safeParse(document);
  if (!parsed.success) return { ok: false, reason: 'does not have the expected structure' };
  return { ok: true, document: parsed.data, migrated };
}

function setAside(filePath: string, now: () => number, reason: string): StoreProblem {
  const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
  const backupPath = filePath.replace(/\.json$/, `.unreadable-${stamp}.json`);
  if (existsSync(filePath)) renameSync(filePath, backupPath);
  return {
    message: `The saved servers file ${reason}. It was kept as ${backupPath} and the app started with an empty list.`,
    backupPath,
  };
}

/** Deletes `<name>.unreadable-<time>.json` backups older than BACKUP_RETENTION_MS, by the time in their name. */
function pruneOldBackups(dataDir: string, now: number): void {
  const pattern = new RegExp(
    `^${STORE_FILE_NAME}\\.unreadable-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z\\.json$`,
  );
  const names = existsSync(dataDir) ? readdirSync(dataDir) : [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const [, day, hours, minutes, seconds, millis] = match;
    const keptAt = Date.parse(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
    if (Number.isFinite(keptAt) && now - keptAt > BACKUP_RETENTION_MS) rmSync(join(dataDir, name), { force: true });
  }
}
