// Bursts over every server (refresh-all, sign-out-all, ending admin access everywhere) are limited per host, not
// globally: profiles on one host get at most `perKey` calls at once, measured on the stand-in itself.
import { afterEach, expect, it } from 'vitest';
import type { JiraStandIn, RecordedRequest } from '../../support/jira-stand-in';
import type { CoreHarness } from '../../support/core-harness';
import { testResources } from '../../support/test-resources';

const { standIn, core, closeAll } = testResources();
afterEach(closeAll);

/** The most requests the server had in flight at once among `requests` (the peak is always at an arrival). */
const peak = (requests: RecordedRequest[]) => Math.max(...requests.map((request) => request.inFlight));

/** Four profiles on one host and one on another, all signed in; answers then take long enough to overlap. */
async function signedIn(h: CoreHarness, shared: JiraStandIn, other: JiraStandIn): Promise<void> {
  const profiles = [
    ...(await Promise.all([0, 1, 2, 3].map((i) => h.addProfile({ baseUrl: shared.baseUrl, label: `Shared ${i}` })))),
    await h.addProfile({ baseUrl: other.baseUrl, label: 'Other host' }),
  ];
  for (const profile of profiles)
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
  for (const server of [shared, other]) {
    server.setOptions({ latencyMs: 400 });
    server.requests.length = 0;
  }
}

it('refresh-all and sign-out-all send at most perKey calls to one host at once', async () => {
  const [shared, other] = (await Promise.all([standIn(), standIn()])) as [JiraStandIn, JiraStandIn];
  const h = await core({ concurrency: { perKey: 2 } });
  await signedIn(h, shared, other);

  const states = await h.core.invoke('sessions:refreshAll');
  expect(states.map((state) => state.status)).toEqual(Array(5).fill('signed-in'));
  const checks = shared.requests.filter((r) => r.method === 'GET' && r.path === '/rest/auth/1/session');
  expect(checks).toHaveLength(4);
  expect(peak(checks)).toBe(2);
  expect(other.requests).toHaveLength(1);

  shared.requests.length = 0;
  const results = await h.core.invoke('session:logoutAll');
  expect(results.filter((result) => result.serverConfirmed)).toHaveLength(5);
  expect(shared.requests.filter((r) => r.method === 'DELETE' && r.path === '/rest/auth/1/session')).toHaveLength(4);
  expect(peak(shared.requests)).toBe(2);
});

it('ends admin access everywhere with the same per-host limit', async () => {
  const [shared, other] = (await Promise.all([standIn(), standIn()])) as [JiraStandIn, JiraStandIn];
  const h = await core({ concurrency: { perKey: 2 } });
  await signedIn(h, shared, other);

  const results = await h.core.invoke('websudo:releaseAll');
  expect(results.filter((result) => result.released)).toHaveLength(5);
  const releases = shared.requests.filter((r) => r.method === 'DELETE' && r.path === '/rest/auth/1/websudo');
  expect(releases).toHaveLength(4);
  expect(peak(releases)).toBe(2);
});

it('by default lets a few calls, not a whole burst, reach one host at once', async () => {
  const shared = await standIn();
  const h = await core();
  const profiles = await Promise.all(
    [0, 1, 2, 3, 4, 5, 6].map((i) => h.addProfile({ baseUrl: shared.baseUrl, label: `Shared ${i}` })),
  );
  for (const profile of profiles)
    await h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' });
  shared.setOptions({ latencyMs: 400 });
  shared.requests.length = 0;

  await h.core.invoke('sessions:refreshAll');
  expect(shared.requests).toHaveLength(7);
  expect(peak(shared.requests)).toBe(4);
});
