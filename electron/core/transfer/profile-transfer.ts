// Export and import of the server list. Export writes the versioned document of shared/transfer.ts with no secret
// in it; import judges every entry against the saved servers by the same-server rule (new, changed, duplicate,
// invalid) and, only when asked to apply, saves the new and changed ones. Nothing changes on a preview or when
// the file as a whole is refused.
import type { ProfileInput, ServerProfile } from '../../shared/model';
import { profileInputSchema } from '../../shared/schemas';
import { sameServerKey } from '../../shared/same-server';
import {
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  type ExportDocument,
  type ExportedServer,
  type ImportEntry,
  type ImportReport,
  type ImportStatus,
} from '../../shared/transfer';
import { appError } from '../errors';
import { parseImport } from './import-parse';

export function exportServers(profiles: ServerProfile[], now: number): string {
  const document: ExportDocument = {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    servers: profiles.map(toExported),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function toExported(profile: ServerProfile): ExportedServer {
  return {
    label: profile.label,
    baseUrl: profile.baseUrl,
    username: profile.username,
    ...(profile.environment ? { environment: profile.environment } : {}),
    signInMethod: profile.signInMethod,
    pollIntervalSeconds: profile.pollIntervalSeconds,
    keepAlive: profile.keepAlive,
    ...(profile.caCertificate ? { caCertificate: profile.caCertificate } : {}),
    ...(profile.pinnedCertificate?.pem ? { pinnedCertificatePem: profile.pinnedCertificate.pem } : {}),
    ...(profile.proxyUrl ? { proxyUrl: profile.proxyUrl } : {}),
    ...(profile.proxyUsername ? { proxyUsername: profile.proxyUsername } : {}),
    ...(profile.group ? { group: profile.group } : {}),
    ...(profile.favourite ? { favourite: true } : {}),
  };
}

/** What an import would do (or does, once applied): each entry judged, and the profile input to save for it. */
export interface ImportPlan {
  report: ImportReport;
  /** New entries without id, changed ones with the saved server's id. */
  saves: ProfileInput[];
}

const COMPARED = [
  'label',
  'environment',
  'signInMethod',
  'pollIntervalSeconds',
  'keepAlive',
  'caCertificate',
  'pinnedCertificatePem',
  'proxyUrl',
  'proxyUsername',
  'group',
  'favourite',
] as const satisfies readonly (keyof ExportedServer)[];

/**
 * `isLocked` names saved servers an administrator's policy holds fixed: an entry that would change one is a
 * duplicate with the reason, never a change.
 */
export function planImport(
  text: string,
  saved: ServerProfile[],
  isLocked: (profileId: string) => boolean = () => false,
): ImportPlan {
  const parsed = parseImport(text);
  const byKey = new Map(saved.map((profile) => [sameServerKey(profile.baseUrl, profile.username), profile]));
  const seen = new Map<string, string>();
  const entries: ImportEntry[] = [];
  const saves: ProfileInput[] = [];
  for (const { position, input } of parsed.entries) {
    const shown = {
      position,
      label: typeof input.label === 'string' ? input.label : '',
      baseUrl: typeof input.baseUrl === 'string' ? input.baseUrl : '',
      username: typeof input.username === 'string' ? input.username : '',
    };
    const checked = profileInputSchema.safeParse({ ...input, id: undefined, proxyPassword: undefined });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = issue?.path[0];
      const reason = `${typeof field === 'string' ? `${field}: ` : ''}${issue?.message ?? 'not a valid server'}`;
      entries.push({ ...shown, status: 'invalid', reason });
      continue;
    }
    const value = checked.data;
    const entry = { ...shown, label: value.label, baseUrl: value.baseUrl, username: value.username };
    const key = sameServerKey(value.baseUrl, value.username);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      entries.push({ ...entry, status: 'duplicate', reason: `The same server as ${earlier} of this file.` });
      continue;
    }
    seen.set(key, position);
    const existing = byKey.get(key);
    const next: ExportedServer = { ...toExported({ ...value, id: '' }), ...pinned(value.pinnedCertificatePem) };
    if (!existing) {
      entries.push({ ...entry, status: 'new' });
      saves.push({ ...next });
      continue;
    }
    // Only what the entry says is compared and taken: a CSV row names no interval, proxy or certificate.
    const current = toExported(existing);
    const said = COMPARED.filter((name) => input[name] !== undefined && input[name] !== null);
    const changes = said.filter((name) => (current[name] ?? '') !== (next[name] ?? ''));
    if (changes.length === 0) {
      entries.push({ ...entry, status: 'duplicate', profileId: existing.id, reason: 'Already in the list.' });
    } else if (isLocked(existing.id)) {
      const reason = 'Set by your administrator; it cannot be changed here.';
      entries.push({ ...entry, status: 'duplicate', profileId: existing.id, reason });
    } else {
      entries.push({ ...entry, status: 'changed', profileId: existing.id, changes });
      const merged: ExportedServer = { ...current, ...Object.fromEntries(said.map((name) => [name, next[name]])) };
      // Saving leaves out a group or star it is not given: say "none" outright so an import can also clear them.
      saves.push({ ...merged, group: merged.group ?? '', favourite: merged.favourite ?? false, id: existing.id });
    }
  }
  return { report: { applied: false, format: parsed.format, entries, counts: countOf(entries) }, saves };
}

function pinned(pem: string | undefined): Partial<ExportedServer> {
  return pem ? { pinnedCertificatePem: pem } : {};
}

function countOf(entries: ImportEntry[]): Record<ImportStatus, number> {
  const counts: Record<ImportStatus, number> = { new: 0, changed: 0, duplicate: 0, invalid: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}

/** Refuses an import that would take the list over its limit before anything is saved. */
export function checkRoom(plan: ImportPlan, savedCount: number, maxProfiles: number): void {
  const added = plan.saves.filter((input) => input.id === undefined).length;
  if (savedCount + added <= maxProfiles) return;
  throw appError('invalid-input', `Importing would take the list over ${maxProfiles} servers.`, {
    nextStep: 'Remove servers you no longer use, or import fewer, then try again.',
  });
}
