// Builds a real createAppCore on a temporary data folder, with a real cipher and a log that tests can read.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createAppCore,
  STORE_FILE_NAME,
  type AppCore,
  type AppCoreOptions,
  type LogLevel,
  type Notice,
} from '../../electron/core';
import type { ProfileInput, ServerProfile } from '../../electron/shared/model';
import { createTestCipher, type TestCipher } from './test-cipher';
import { makeProfileInput } from './model-fixtures';

export interface LogLine {
  level: LogLevel;
  message: string;
  fields?: Record<string, unknown>;
}

export interface CoreHarness {
  core: AppCore;
  dataDir: string;
  cipher: TestCipher;
  logs: LogLine[];
  notices: Notice[];
  /** Starts a second core on the same data folder and key, as after an app restart. */
  restart(overrides?: Partial<AppCoreOptions>): Promise<CoreHarness>;
  addProfile(input: Partial<ProfileInput> & Pick<ProfileInput, 'baseUrl'>): Promise<ServerProfile>;
  dispose(): Promise<void>;
}

const temporaryDirs: string[] = [];

export async function startCore(overrides: Partial<AppCoreOptions> = {}, dataDir?: string): Promise<CoreHarness> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'jsm-core-'));
  if (!dataDir) temporaryDirs.push(dir);
  const cipher = (overrides.cipher as TestCipher | undefined) ?? createTestCipher();
  const logs: LogLine[] = [];
  const notices: Notice[] = [];
  const core = await createAppCore({
    dataDir: dir,
    cipher,
    log: (level, message, fields) => logs.push({ level, message, ...(fields ? { fields } : {}) }),
    notify: (notice) => notices.push(notice),
    http: { timeoutMs: 3000 },
    ...overrides,
  });
  const harness: CoreHarness = {
    core,
    dataDir: dir,
    cipher,
    logs,
    notices,
    restart: async (more = {}) => {
      await core.dispose();
      return startCore({ ...overrides, cipher, ...more }, dir);
    },
    addProfile: (input) =>
      core.invoke('profiles:save', makeProfileInput({ label: `Jira ${input.baseUrl}`, environment: 'test', ...input })),
    dispose: () => core.dispose(),
  };
  return harness;
}

/** What is on disk in a data folder as text: the store file, then each profile's secret file (sessions/). */
export function savedFilesText(dataDir: string): string {
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  const sessions = join(dataDir, 'sessions');
  const files = existsSync(sessions) ? readdirSync(sessions).sort() : [];
  return [read(join(dataDir, `${STORE_FILE_NAME}.json`)), ...files.map((name) => read(join(sessions, name)))].join(
    '\n',
  );
}

/** The same for a running core, once everything it changed so far is written. */
export async function savedText(harness: CoreHarness): Promise<string> {
  await harness.core.flushStore();
  return savedFilesText(harness.dataDir);
}

export function removeTemporaryDirs(): void {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
