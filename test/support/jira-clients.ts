// Jira clients a test file makes, each disposed after the test, and the AppError a call rejects with.
import { expect } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { JiraClient, type JiraClientOptions } from '../../electron/core/jira/jira-client';

export function jiraClients() {
  const clients: JiraClient[] = [];
  return {
    clientFor(baseUrl: string, options: Partial<JiraClientOptions> = {}): JiraClient {
      const client = new JiraClient({
        baseUrl,
        timeoutMs: 3000,
        maxResponseBytes: 256 * 1024,
        now: Date.now,
        ...options,
      });
      clients.push(client);
      return client;
    },
    disposeClients(): void {
      for (const client of clients.splice(0)) client.dispose();
    },
  };
}

/** The AppError the promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
