// Reads an import file — the app's JSON export or a CSV of label, URL, username, environment — into raw entries.
// A file that is neither is refused whole (invalid-input); entries are judged one by one later (profile-transfer.ts).
import { z } from 'zod';
import { parseCsv } from '../../shared/csv';
import type { ProfileInput } from '../../shared/model';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION } from '../../shared/transfer';
import { appError } from '../errors';

export interface RawEntry {
  position: string;
  /** What the entry asks for; fields not checked yet. */
  input: Record<string, unknown>;
}

export interface ParsedImport {
  format: 'json' | 'csv';
  entries: RawEntry[];
}

/** Generous for hundreds of servers with certificates, small enough never to stall the app. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
export const MAX_IMPORT_ENTRIES = 10_000;

const headSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.number().int().positive(),
  servers: z.array(z.unknown()),
});

const NEXT_STEP =
  'Choose a file exported by Jira Session Manager, or a CSV with the columns label, url, username and environment.';

function refuse(message: string): never {
  throw appError('invalid-input', message, { nextStep: NEXT_STEP });
}

export function parseImport(text: string): ParsedImport {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') refuse('The file is empty.');
  const parsed = trimmed.startsWith('{') || trimmed.startsWith('[') ? parseJson(trimmed) : parseCsvFile(trimmed);
  if (parsed.entries.length > MAX_IMPORT_ENTRIES) refuse(`The file holds more than ${MAX_IMPORT_ENTRIES} servers.`);
  return parsed;
}

function parseJson(text: string): ParsedImport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    refuse('The file is not valid JSON.');
  }
  const head = headSchema.safeParse(value);
  if (!head.success) refuse('The file is not a server list exported by Jira Session Manager.');
  if (head.data.schemaVersion > EXPORT_SCHEMA_VERSION) {
    refuse(`The file was exported by a newer version of the app (schema version ${head.data.schemaVersion}).`);
  }
  return {
    format: 'json',
    entries: head.data.servers.map((server, index) => ({
      position: `server ${index + 1}`,
      input: server !== null && typeof server === 'object' && !Array.isArray(server) ? { ...server } : {},
    })),
  };
}

const COLUMN_NAMES: Record<string, keyof ProfileInput> = {
  label: 'label',
  name: 'label',
  url: 'baseUrl',
  baseurl: 'baseUrl',
  username: 'username',
  user: 'username',
  environment: 'environment',
  group: 'group',
};

function parseCsvFile(text: string): ParsedImport {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    refuse(`The CSV cannot be read: ${error instanceof Error ? error.message : 'malformed'}`);
  }
  const [header = [], ...body] = rows;
  const columns = header.map(
    (name) =>
      COLUMN_NAMES[
        name
          .trim()
          .toLowerCase()
          .replace(/[\s_-]/g, '')
      ],
  );
  if (!columns.includes('label') || !columns.includes('baseUrl')) {
    refuse('The CSV needs a header row naming at least the columns label and url.');
  }
  return {
    format: 'csv',
    entries: body.map((fields, index) => {
      const input: Record<string, unknown> = {};
      columns.forEach((column, at) => {
        if (column) input[column] = (fields[at] ?? '').trim();
      });
      // A row without an environment imports without one ("No environment" in the list, chosen later): never a
      // guess, least of all production.
      if (input.environment === undefined || input.environment === '') delete input.environment;
      else input.environment = String(input.environment).toLowerCase();
      input.username ??= '';
      return { position: `row ${index + 1}`, input };
    }),
  };
}
