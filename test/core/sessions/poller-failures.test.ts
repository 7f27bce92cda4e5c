// The poller runs checks nobody awaits: one that fails for a reason other than the server's answer (here the
// notifier throws) is logged by name and stack, never swallowed and never with its message.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { KeyedLimiter } from '../../../electron/core/concurrency';
import type { LogLevel } from '../../../electron/core/ports';
import { SecretStore } from '../../../electron/core/secrets/secret-store';
import { SessionService } from '../../../electron/core/sessions/session-service';
import { DocumentStore, defaultOpenStore } from '../../../electron/core/store/document-store';
import type { ServerProfile } from '../../../electron/shared/model';
import { createTestCipher } from '../../support/test-cipher';
import { testResources } from '../../support/test-resources';

const { standIn, closeAll } = testResources();
const dir = mkdtempSync(join(tmpdir(), 'jsm-poller-'));
let service: SessionService | undefined;

afterEach(async () => {
  service?.dispose();
  await closeAll();
  rmSync(dir, { recursive: true, force: true });
});

it('logs an unexpected failure of a scheduled check', async () => {
  const server = await standIn();
  let failNotices = false;
  const store = DocumentStore.open(defaultOpenStore, dir, Date.now);
  const logs: { level: LogLevel; message: string; fields?: Record<string, unknown> }[] = [];
  const log = (level: LogLevel, message: string, fields?: Record<string, unknown>) =>
    logs.push({ level, message, ...(fields ? { fields } : {}) });
  const secrets = new SecretStore(store, createTestCipher(), 'os-keychain', log);
  service = new SessionService({
    secrets,
    now: Date.now,
    log,
    // Telling the user the session expired fails: a plain Error, not a server's answer.
    notify: () => {
      if (failNotices) throw new RangeError('notifier refused secret-detail-456');
    },
    http: { timeoutMs: 3000, maxResponseBytes: 256 * 1024 },
    limiter: new KeyedLimiter({ perKey: 4, total: 4 }),
    polling: true,
    onChange: () => undefined,
  });
  // Below the schema's 15 s minimum on purpose: the service takes the profile as given.
  const profile: ServerProfile = {
    id: 'p1',
    label: 'Polled',
    baseUrl: server.baseUrl,
    username: 'admin',
    environment: 'test',
    signInMethod: 'password',
    pollIntervalSeconds: 0.05,
    keepAlive: false,
  };
  await service.restore([profile]);
  expect((await service.login('p1', { username: 'admin', password: 'admin' })).status).toBe('signed-in');
  server.expireAllSessions();
  failNotices = true;
  await vi.waitFor(() => expect(logs.some((line) => line.level === 'error')).toBe(true), { timeout: 3000 });
  const line = logs.find((entry) => entry.level === 'error');
  expect(line).toMatchObject({ message: 'A session check failed unexpectedly', fields: { error: 'RangeError' } });
  expect(JSON.stringify(logs)).not.toContain('secret-detail-456');
});
