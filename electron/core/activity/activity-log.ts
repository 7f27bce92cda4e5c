// The activity log's file: one JSON entry a line (activity.jsonl, mode 0600) next to the store, not in it, so an
// entry is an append rather than a rewrite of the store document. Entries that arrive in one burst (a refresh of
// every server) are written together. Bounded: at most MAX_ACTIVITY_ENTRIES, none older than the retention; the
// file is rewritten (atomically) only when it is trimmed.
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  ACTIVITY_RETENTION_DAYS,
  MAX_ACTIVITY_ENTRIES,
  SIGN_IN_WAYS,
  type ActivityEntry,
  type ActivityQuery,
} from '../../shared/activity';
import { ERROR_KINDS } from '../../shared/model';
import type { LogSink } from '../ports';

export const ACTIVITY_FILE_NAME = 'activity.jsonl';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Trimmed once it is this far over the limit, so the file is not rewritten on every entry. */
const TRIM_SLACK = 1_000;

const entrySchema = z.object({
  at: z.string(),
  profileId: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  label: z.string(),
  baseUrl: z.string(),
  username: z.string(),
  via: z.enum(SIGN_IN_WAYS).optional(),
  serverConfirmed: z.boolean().optional(),
  errorKind: z.enum(ERROR_KINDS).optional(),
  detail: z.string().max(500).optional(),
});

export class ActivityLog {
  private entries: ActivityEntry[] = [];
  private pending: ActivityEntry[] = [];
  private flushScheduled = false;
  private readonly path: string;

  constructor(
    dataDir: string,
    private readonly now: () => number,
    private readonly log: LogSink,
  ) {
    this.path = join(dataDir, ACTIVITY_FILE_NAME);
    this.load();
  }

  append(entry: ActivityEntry): void {
    this.entries.push(entry);
    this.pending.push(entry);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Newest first; one server's with `profileId`. */
  list(query: ActivityQuery = {}): ActivityEntry[] {
    const limit = query.limit ?? MAX_ACTIVITY_ENTRIES;
    const found: ActivityEntry[] = [];
    for (let at = this.entries.length - 1; at >= 0 && found.length < limit; at -= 1) {
      const entry = this.entries[at];
      if (entry && (query.profileId === undefined || entry.profileId === query.profileId)) found.push(entry);
    }
    return found;
  }

  /** Writes what is waiting; the core calls it on shutdown, a burst's timer otherwise. */
  flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const lines = this.pending.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    this.pending = [];
    try {
      if (this.trim()) this.rewrite();
      else appendFileSync(this.path, lines, { encoding: 'utf8', mode: 0o600 });
    } catch (error) {
      this.log('warn', 'The activity log could not be written', { error: (error as Error).name });
    }
  }

  /** Deletes every entry and the file (Reset the app). */
  clear(): void {
    this.entries = [];
    this.pending = [];
    rmSync(this.path, { force: true });
  }

  private load(): void {
    if (!existsSync(this.path)) return;
    let dropped = 0;
    try {
      for (const line of readFileSync(this.path, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const parsed = entrySchema.safeParse(safeJson(line));
        if (parsed.success) this.entries.push(parsed.data);
        else dropped += 1;
      }
    } catch (error) {
      this.log('warn', 'The activity log could not be read', { error: (error as Error).name });
      return;
    }
    if (this.trim(0) || dropped > 0) this.rewrite();
  }

  /** Drops entries past the retention or the limit; true when it dropped any. */
  private trim(slack = TRIM_SLACK): boolean {
    const oldest = this.now() - ACTIVITY_RETENTION_DAYS * DAY_MS;
    const before = this.entries.length;
    const firstKept = this.entries.findIndex((entry) => Date.parse(entry.at) >= oldest);
    if (firstKept !== 0) this.entries = firstKept < 0 ? [] : this.entries.slice(firstKept);
    if (this.entries.length > MAX_ACTIVITY_ENTRIES + slack) this.entries = this.entries.slice(-MAX_ACTIVITY_ENTRIES);
    return this.entries.length !== before;
  }

  private rewrite(): void {
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, this.entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), {
      encoding: 'utf8',
      mode: 0o600,
    });
    renameSync(temporary, this.path);
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
