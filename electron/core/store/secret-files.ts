// Each profile's sealed secrets (its cookie jar or token, a remembered password) in a small file of its own,
// `sessions/<id>.json` beside the store, so a sign-in or a sign-out writes a few hundred bytes instead of the
// whole list of servers. The entries live here in memory; a change marks the profile and one writer, off the
// critical path, writes each marked file with whatever is newest by then (temporary file, flush, rename): changes
// made close together cost one write per profile. A file that cannot be read costs that one session, never the
// others and never the app.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { LogSink } from '../ports';
import { TEMPORARY_FILE, writeFileAtomic, writeFileAtomicSync } from './atomic-write';

export const SESSIONS_DIR = 'sessions';
const FILE_MODE = 0o600;
/** Changes within this time of the first are written together. */
export const SECRET_WRITE_DELAY_MS = 10;

export const sealedSecretsSchema = z.object({
  cookies: z.string().optional(),
  token: z.string().optional(),
  password: z.string().optional(),
  proxyPassword: z.string().optional(),
  unconfirmedSession: z.string().optional(),
  signedInAt: z.string().optional(),
});
export type SealedSecrets = z.infer<typeof sealedSecretsSchema>;

const secretFileSchema = z.object({ profileId: z.string().min(1), secrets: sealedSecretsSchema });

/** A profile's file name: its id when that is a plain name (ours are UUIDs), otherwise a hash of it. */
export function secretFileName(profileId: string): string {
  const safe = /^[A-Za-z0-9_-]{1,100}$/.test(profileId);
  return `${safe ? profileId : createHash('sha256').update(profileId).digest('hex')}.json`;
}

export interface SecretFilesOpening {
  /** The profiles the store holds: a file of any other is left over (a crash during a removal) and goes. */
  profileIds: readonly string[];
  /** Entries still inside a store file written by an earlier version: written to their files before anything else. */
  moving?: Record<string, SealedSecrets>;
  /** False while the store file was set aside: the files are kept for it, untouched. */
  prune: boolean;
}

export class SecretFiles {
  private readonly entries = new Map<string, SealedSecrets>();
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private draining: Promise<void> | undefined;
  private readonly unreadableIds = new Set<string>();
  private dirReady = false;
  /** Files written or removed since opening (how well changes are gathered shows here). */
  writes = 0;

  private constructor(
    readonly dir: string,
    private readonly log: LogSink,
  ) {}

  /** Reads `<dataDir>/sessions`; an unreadable file is logged, removed, and its profile named in `unreadable`. */
  static open(dataDir: string, log: LogSink, opening: SecretFilesOpening): SecretFiles {
    const files = new SecretFiles(join(dataDir, SESSIONS_DIR), log);
    const known = new Map(opening.profileIds.map((profileId) => [secretFileName(profileId), profileId]));
    const names = existsSync(files.dir) ? readdirSync(files.dir) : [];
    for (const name of names) {
      const path = join(files.dir, name);
      const profileId = known.get(name);
      if (profileId === undefined) {
        // A temporary file is all a crash mid-write leaves; a file of no profile, all a crash mid-removal leaves.
        if (opening.prune || TEMPORARY_FILE.test(name)) rmSync(path, { force: true });
        continue;
      }
      const parsed = readSecretFile(path);
      if (parsed?.profileId === profileId) {
        files.entries.set(profileId, parsed.secrets);
        continue;
      }
      files.unreadableIds.add(profileId);
      log('error', 'A saved session file could not be read; that session was dropped', { file: name });
      rmSync(path, { force: true });
    }
    const moving = Object.entries(opening.moving ?? {});
    if (moving.length > 0) files.ensureDirSync();
    for (const [profileId, secrets] of moving) {
      // What is still in the store file was written last (by an earlier version): it wins over a file.
      writeFileAtomicSync(files.pathOf(profileId), serialize(profileId, secrets), FILE_MODE);
      files.entries.set(profileId, secrets);
      files.unreadableIds.delete(profileId);
    }
    return files;
  }

  get(profileId: string): SealedSecrets | undefined {
    return this.entries.get(profileId);
  }

  /** Profiles whose file could not be read at start-up: their sessions were dropped. */
  wasUnreadable(profileId: string): boolean {
    return this.unreadableIds.has(profileId);
  }

  /** Replaces the profile's entry (undefined removes it and its file); written shortly, off the critical path. */
  set(profileId: string, secrets: SealedSecrets | undefined): void {
    if (secrets === undefined) this.entries.delete(profileId);
    else this.entries.set(profileId, secrets);
    this.dirty.add(profileId);
    this.schedule();
  }

  /** Removes every entry (a change of the opt-in to keep secrets without a keychain). */
  clear(): void {
    for (const profileId of this.entries.keys()) this.set(profileId, undefined);
  }

  /** Resolves once every change made so far is on disk. */
  async flush(): Promise<void> {
    while (this.dirty.size > 0 || this.draining) {
      if (!this.draining) this.drainNow();
      await this.draining;
    }
  }

  /**
   * Deletes every secret file and the folder, now (a reset of the app): what was pending is dropped, a write
   * under way finishes first so nothing lands after the folder went.
   */
  async removeAll(): Promise<void> {
    this.entries.clear();
    this.dirty.clear();
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining;
    this.dirReady = false;
    await rm(this.dir, { recursive: true, force: true });
  }

  private schedule(): void {
    if (this.timer !== undefined || this.draining) return;
    this.timer = setTimeout(() => this.drainNow(), SECRET_WRITE_DELAY_MS);
  }

  private drainNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.dirty.size > 0) this.schedule();
    });
  }

  /** One file at a time, so a burst of sign-ins never holds the whole I/O pool. */
  private async drain(): Promise<void> {
    for (const profileId of this.dirty) {
      this.dirty.delete(profileId);
      try {
        await this.writeOne(profileId);
      } catch (error) {
        // It stays in memory for this run; the next change of this profile writes it again.
        this.log('error', 'A session file could not be written', {
          profileId,
          code: (error as { code?: unknown } | null)?.code,
        });
      }
    }
  }

  private async writeOne(profileId: string): Promise<void> {
    const secrets = this.entries.get(profileId);
    this.writes += 1;
    if (!secrets) {
      await rm(this.pathOf(profileId), { force: true });
      return;
    }
    if (!this.dirReady) await mkdir(this.dir, { recursive: true, mode: 0o700 });
    this.dirReady = true;
    await writeFileAtomic(this.pathOf(profileId), serialize(profileId, secrets), FILE_MODE);
  }

  private pathOf(profileId: string): string {
    return join(this.dir, secretFileName(profileId));
  }

  private ensureDirSync(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }
}

const serialize = (profileId: string, secrets: SealedSecrets): string => JSON.stringify({ profileId, secrets });

function readSecretFile(path: string): z.infer<typeof secretFileSchema> | undefined {
  try {
    const parsed = secretFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
