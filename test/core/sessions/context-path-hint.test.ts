// A base URL without Jira's `/jira` context path: Test connection and sign-in name the address that answers, over
// real HTTP against stand-ins installed under a context path and at the root.
import { afterEach, describe, expect, it } from 'vitest';
import { contextPathCandidate } from '../../../electron/core/jira/context-path';
import type { AppErrorInfo } from '../../../electron/shared/model';
import { testResources } from '../../support/test-resources';

const { standIn, core, closeAll } = testResources();

afterEach(closeAll);

async function rejectionOf(promise: Promise<unknown>): Promise<AppErrorInfo> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (caught: { info: AppErrorInfo }) => caught.info,
  );
}

describe('the /jira context path hint', () => {
  it('Test connection on the bare host of a Jira under /jira names the address that answers', async () => {
    const server = await standIn({ contextPath: '/jira' });
    const bare = server.origin;
    const h = await core();
    const error = await rejectionOf(
      h.core.invoke('profiles:testConnection', { label: 'x', baseUrl: bare, username: 'admin', environment: 'test' }),
    );
    expect(error.status).toBe(404);
    expect(error.suggestedBaseUrl).toBe(`${bare}/jira`);
    expect(error.message).toBe(`Nothing answers at ${bare}, but Jira does at ${bare}/jira.`);
    expect(error.nextStep).toContain(`Use ${bare}/jira as the base URL`);
  });

  it('a sign-in on the bare host keeps the state and says the same', async () => {
    const server = await standIn({ contextPath: '/jira' });
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.origin });
    const state = await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
    expect(state.status).toBe('signed-out');
    expect(state.error?.suggestedBaseUrl).toBe(server.baseUrl);
    expect(server.activeSessionCount()).toBe(0);
  });

  it('a 404 with no Jira under /jira either stays a plain 404', async () => {
    const server = await standIn({ contextPath: '/elsewhere' });
    const h = await core();
    const error = await rejectionOf(
      h.core.invoke('profiles:testConnection', {
        label: 'x',
        baseUrl: server.origin,
        username: 'admin',
        environment: 'test',
      }),
    );
    expect(error.status).toBe(404);
    expect(error.suggestedBaseUrl).toBeUndefined();
    expect(error.message).not.toContain('/jira');
  });

  it('never suggests /jira twice, whatever the case or trailing slash', () => {
    expect(contextPathCandidate('https://jira.example.com')).toBe('https://jira.example.com/jira');
    expect(contextPathCandidate('https://example.com/tools/')).toBe('https://example.com/tools/jira');
    expect(contextPathCandidate('https://example.com/jira')).toBeUndefined();
    expect(contextPathCandidate('https://example.com/JIRA/')).toBeUndefined();
  });
});
