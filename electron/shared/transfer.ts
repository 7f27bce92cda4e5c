// Sharing a server list: the export document (versioned JSON, no secret in it) and what an import answers.
// The zod schema of the document is in transfer-schema.ts; these are the types every layer shares.
import type { Environment, SignInMethod } from './model';

export const EXPORT_FORMAT = 'jira-session-manager/servers';
/** 2 added `group` and `favourite`; a version 1 document still imports (it has neither). */
export const EXPORT_SCHEMA_VERSION = 2;
/** The columns a CSV import reads (a header row names them; `baseUrl` is accepted for `url`); `group` is optional. */
export const CSV_COLUMNS = ['label', 'url', 'username', 'environment', 'group'] as const;

/** One server in an export: everything a teammate needs to add it, nothing that signs anyone in. */
export interface ExportedServer {
  label: string;
  baseUrl: string;
  username: string;
  /** Absent for a server nobody has said the environment of. */
  environment?: Environment;
  signInMethod: SignInMethod;
  pollIntervalSeconds: number;
  keepAlive: boolean;
  caCertificate?: string;
  /** The pinned server certificate's PEM (public data). */
  pinnedCertificatePem?: string;
  proxyUrl?: string;
  proxyUsername?: string;
  /** The list's group; absent when ungrouped. */
  group?: string;
  /** Present (true) only for a starred server. */
  favourite?: true;
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  exportedAt: string;
  servers: ExportedServer[];
}

export type ImportStatus = 'new' | 'changed' | 'duplicate' | 'invalid';

export interface ImportEntry {
  /** Where the entry is: "server 3" in JSON, "line 4" in CSV. */
  position: string;
  status: ImportStatus;
  label: string;
  baseUrl: string;
  username: string;
  /** changed: the fields that differ from the saved server; invalid / duplicate: why. */
  changes?: string[];
  reason?: string;
  /** changed / duplicate: the saved server it matches. */
  profileId?: string;
}

export interface ImportReport {
  /** False for a preview: nothing was changed. */
  applied: boolean;
  format: 'json' | 'csv';
  entries: ImportEntry[];
  counts: Record<ImportStatus, number>;
}

export interface ImportOptions {
  apply: boolean;
}
