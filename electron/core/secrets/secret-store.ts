// Session cookie jars and personal access tokens (and passwords, only when the user asks) sealed with the OS keychain before they touch
// disk. Without a trustworthy keychain nothing secret is written unless the user opted in; secrets then live in
// memory for this run only. A seal that fails to open is dropped: never a plaintext fallback.
import type { SecretStorageLevel } from '../../shared/model';
import type { LogSink, SecretCipher } from '../ports';
import type { DocumentStore } from '../store/document-store';
import type { SealedSecrets, SecretFiles } from '../store/secret-files';

/** `unconfirmedSession`: the cookies of a session whose sign-out the server did not confirm, for trying again. */
export type SecretName = 'cookies' | 'token' | 'password' | 'proxyPassword' | 'unconfirmedSession';
/** The secrets that are a session: a profile holds one of them, stamped with when it signed in. */
const SESSION_SECRETS: readonly SecretName[] = ['cookies', 'token'];

export class SecretStore {
  private readonly memory = new Map<string, Partial<Record<SecretName, string>>>();
  private readonly files: SecretFiles;

  constructor(
    private readonly store: DocumentStore,
    private readonly cipher: SecretCipher,
    readonly level: SecretStorageLevel,
    private readonly log: LogSink,
  ) {
    this.files = store.secretFiles;
  }

  /** Whether secrets are written to disk now: always with a real keychain, with a weak one only by opt-in. */
  persists(): boolean {
    if (this.level === 'os-keychain') return true;
    return this.level === 'weak' && this.store.read().settings.persistSecretsWithoutKeychain;
  }

  async put(
    profileId: string,
    name: SecretName,
    plain: string,
    extra: Pick<SealedSecrets, 'signedInAt'> = {},
  ): Promise<void> {
    this.memory.set(profileId, { ...this.memory.get(profileId), [name]: plain });
    if (!this.persists()) return;
    const sealed = await this.cipher.seal(plain);
    this.files.set(profileId, { ...this.files.get(profileId), [name]: sealed, ...extra });
  }

  /** The secret, from memory or unsealed from disk; undefined (and dropped) when it cannot be opened. */
  async get(profileId: string, name: SecretName): Promise<string | undefined> {
    const inMemory = this.memory.get(profileId)?.[name];
    if (inMemory !== undefined) return inMemory;
    const sealed = this.files.get(profileId)?.[name];
    if (sealed === undefined) return undefined;
    try {
      const plain = await this.cipher.open(sealed);
      this.memory.set(profileId, { ...this.memory.get(profileId), [name]: plain });
      return plain;
    } catch {
      this.log('warn', 'A sealed secret could not be opened and was dropped', { profileId, which: name });
      this.delete(profileId, name);
      return undefined;
    }
  }

  has(profileId: string, name: SecretName): boolean {
    return this.memory.get(profileId)?.[name] !== undefined || this.files.get(profileId)?.[name] !== undefined;
  }

  signedInAt(profileId: string): string | undefined {
    return this.files.get(profileId)?.signedInAt;
  }

  isPersisted(profileId: string, name: SecretName): boolean {
    return this.files.get(profileId)?.[name] !== undefined;
  }

  delete(profileId: string, name: SecretName): void {
    const kept = { ...this.memory.get(profileId) };
    delete kept[name];
    this.memory.set(profileId, kept);
    const current = this.files.get(profileId);
    if (current?.[name] === undefined) return;
    const entry = { ...current };
    delete entry[name];
    if (SESSION_SECRETS.includes(name)) delete entry.signedInAt;
    this.files.set(profileId, Object.keys(entry).every((key) => key === 'signedInAt') ? undefined : entry);
  }

  /** The profile was removed: everything it held goes, in memory and its file. */
  forgetProfile(profileId: string): void {
    this.memory.delete(profileId);
    if (this.files.get(profileId) !== undefined) this.files.set(profileId, undefined);
  }

  /** Whether the profile's saved session was dropped at start-up because its file could not be read. */
  wasUnreadable(profileId: string): boolean {
    return this.files.wasUnreadable(profileId);
  }

  /** Forgets every secret of every profile, in memory and on disk (a reset of the app). */
  async forgetAll(): Promise<void> {
    this.memory.clear();
    await this.files.removeAll();
  }

  /** Applies a change of the opt-in: writes what is held in memory, or removes everything written. */
  async syncPersistence(signedInAt: (profileId: string) => string | undefined): Promise<void> {
    if (!this.persists()) {
      this.files.clear();
      return;
    }
    for (const [profileId, secrets] of this.memory) {
      for (const name of ['cookies', 'token', 'password', 'proxyPassword', 'unconfirmedSession'] as const) {
        const plain = secrets[name];
        const at = signedInAt(profileId);
        if (plain !== undefined)
          await this.put(profileId, name, plain, SESSION_SECRETS.includes(name) && at ? { signedInAt: at } : {});
      }
    }
  }
}
