// @vitest-environment jsdom
// The dashboard's state loads the session list once and then applies `sessions:delta` events field by field.
import { act, renderHook, waitFor } from '@testing-library/react';
import { useDashboardState } from '../../renderer/src/hooks/use-dashboard-state';
import { FakeBridge } from './fake-bridge';
import { PRODUCTION as prod, STAGING as stage, signedInSession, signedOutSession } from '../support/model-fixtures';

const now = Date.UTC(2026, 11, 2, 12);

function seed() {
  return { profiles: [prod, stage], sessions: [signedInSession(prod, now), signedOutSession('stage')] };
}

async function loaded(bridge: FakeBridge) {
  const view = renderHook(() => useDashboardState(bridge));
  await waitFor(() => expect(view.result.current.phase).toBe('ready'));
  return view;
}

test('a patch sets and clears only the fields it names; the rest of the state stays', async () => {
  const bridge = new FakeBridge(seed());
  const { result } = await loaded(bridge);
  const before = result.current.sessions.get('prod')!;
  act(() => bridge.emitDelta({ changed: [{ profileId: 'prod', set: { activity: 'checking' } }], removed: [] }));
  expect(result.current.sessions.get('prod')).toEqual({ ...before, activity: 'checking' });
  act(() =>
    bridge.emitDelta({
      changed: [{ profileId: 'prod', set: { verifiedAt: '2026-12-02T12:05:00.000Z' }, unset: ['activity'] }],
      removed: [],
    }),
  );
  const after = result.current.sessions.get('prod')!;
  expect(after).toEqual({ ...before, verifiedAt: '2026-12-02T12:05:00.000Z' });
  expect('activity' in after).toBe(false);
  // The user (and its avatar) did not travel again and is the very object loaded first.
  expect(after.user).toBe(before.user);
});

test('a removed id leaves the map and a new server arrives whole', async () => {
  const bridge = new FakeBridge(seed());
  const { result } = await loaded(bridge);
  const fresh = signedOutSession('extra', { status: 'expired' });
  act(() => bridge.emitDelta({ changed: [{ profileId: 'extra', set: fresh }], removed: ['stage'] }));
  expect([...result.current.sessions.keys()]).toEqual(['prod', 'extra']);
  expect(result.current.sessions.get('extra')).toEqual(fresh);
});

test('deltas that arrive while the list loads are replayed onto it, in order', async () => {
  const bridge = new FakeBridge(seed());
  const held = bridge.holdNext('listSessions');
  const { result } = renderHook(() => useDashboardState(bridge));
  const call = await held;
  act(() => {
    bridge.emitDelta({ changed: [{ profileId: 'stage', set: { status: 'expired' } }], removed: [] });
    bridge.emitDelta({ changed: [{ profileId: 'prod', set: { activity: 'signing-out' } }], removed: [] });
    bridge.emitDelta({
      changed: [{ profileId: 'prod', set: { status: 'signed-out' }, unset: ['activity'] }],
      removed: [],
    });
  });
  act(() => call.resolve(seed().sessions));
  await waitFor(() => expect(result.current.phase).toBe('ready'));
  expect(result.current.sessions.get('stage')?.status).toBe('expired');
  expect(result.current.sessions.get('prod')?.status).toBe('signed-out');
  expect(result.current.sessions.get('prod')?.activity).toBeUndefined();
  // Once loaded, deltas apply directly and nothing more is kept for replay.
  act(() => bridge.emitDelta({ changed: [{ profileId: 'stage', set: { status: 'error' } }], removed: [] }));
  expect(result.current.sessions.get('stage')?.status).toBe('error');
  expect(result.current.earlyDeltas).toBeUndefined();
});

test('the fake main sends only what changed, as the core does', async () => {
  const bridge = new FakeBridge(seed());
  const deltas: unknown[] = [];
  bridge.onSessionsDelta((delta) => deltas.push(delta));
  await loaded(bridge);
  bridge.pushSession(signedOutSession('stage', { status: 'expired' }));
  expect(deltas).toEqual([{ changed: [{ profileId: 'stage', set: { status: 'expired' } }], removed: [] }]);
});
