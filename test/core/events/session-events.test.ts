// sessions:delta: a thousand changes in a second become at most ten events, each with only what changed, and the
// list loaded once plus the deltas always ends where the core is.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionAnnouncer } from '../../../electron/core/events/session-events';
import type { SessionState } from '../../../electron/shared/model';
import { replayOnto, type SessionsDelta } from '../../../electron/shared/session-delta';
import { session } from '../../support/model-fixtures';
import { testResources } from '../../support/test-resources';

const { standIn, core, closeAll } = testResources();
afterEach(closeAll);

describe('createSessionAnnouncer', () => {
  afterEach(() => vi.useRealTimers());

  it('gathers a burst of changes into at most one delta per 100 ms, and the last change always goes out', async () => {
    vi.useFakeTimers();
    const states = new Map(Array.from({ length: 1000 }, (_, i) => [`p${i}`, session(`p${i}`, 'signed-in')]));
    const deltas: SessionsDelta[] = [];
    const list = () => [...states.values()];
    const start = list();
    const announcer = createSessionAnnouncer(list, (delta) => deltas.push(delta));
    announcer.sync();
    // A thousand changes spread over one second, one per millisecond.
    for (const [id, state] of states) {
      states.set(id, { ...state, activity: 'checking' });
      announcer.changed();
      await vi.advanceTimersByTimeAsync(1);
    }
    for (const [id, state] of states) {
      const { activity: _done, ...rest } = state;
      states.set(id, { ...rest, verifiedAt: '2026-12-02T14:00:00.000Z' });
    }
    announcer.changed();
    await vi.advanceTimersByTimeAsync(200);
    expect(deltas.length).toBeGreaterThanOrEqual(10);
    expect(deltas.length).toBeLessThanOrEqual(12);
    expect([...replayOnto(start, deltas).values()]).toEqual(list());
    announcer.dispose();
  });

  it('sends only the fields that changed, and the ids that left', async () => {
    vi.useFakeTimers();
    let states: SessionState[] = [session('a', 'signed-in'), session('b', 'signed-in')];
    const deltas: SessionsDelta[] = [];
    const announcer = createSessionAnnouncer(
      () => states,
      (delta) => deltas.push(delta),
    );
    announcer.sync();
    states = [{ ...states[0]!, activity: 'checking', warnings: [...states[0]!.warnings] }];
    announcer.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(deltas).toEqual([{ changed: [{ profileId: 'a', set: { activity: 'checking' } }], removed: ['b'] }]);
    const { activity: _gone, ...checked } = states[0]!;
    states = [checked];
    announcer.changed();
    announcer.flush();
    expect(deltas[1]).toEqual({ changed: [{ profileId: 'a', set: {}, unset: ['activity'] }], removed: [] });
    // Nothing changed: nothing is sent.
    announcer.changed();
    await vi.advanceTimersByTimeAsync(200);
    expect(deltas).toHaveLength(2);
  });
});

describe('createSessionAnnouncer with named states', () => {
  it('compares only the states named since the last delta, and the whole list again once a change names none', () => {
    let states: SessionState[] = Array.from({ length: 1000 }, (_, i) => session(`p${i}`, 'signed-in'));
    let listed = 0;
    const deltas: SessionsDelta[] = [];
    const announcer = createSessionAnnouncer(
      () => {
        listed += 1;
        return states;
      },
      (delta) => deltas.push(delta),
    );
    announcer.sync();
    const signedOut = { ...session('p7', 'signed-out') };
    states = states.map((state) => (state.profileId === 'p7' ? signedOut : state));
    announcer.changed({ ...signedOut, activity: 'checking' });
    announcer.changed(signedOut);
    announcer.flush();
    // One sign-in among a thousand: the list is not read again, and only the newest state of p7 travels.
    expect(listed).toBe(1);
    expect(deltas).toHaveLength(1);
    expect(deltas[0]!.changed.map((patch) => patch.profileId)).toEqual(['p7']);
    expect(deltas[0]!.changed[0]!.unset ?? []).not.toContain('activity');
    expect([
      ...replayOnto(
        Array.from({ length: 1000 }, (_, i) => session(`p${i}`, 'signed-in')),
        deltas,
      ).values(),
    ]).toEqual(states);

    states = states.filter((state) => state.profileId !== 'p3');
    announcer.changed(states[0]);
    announcer.changed();
    announcer.flush();
    expect(listed).toBe(2);
    expect(deltas[1]).toEqual({ changed: [], removed: ['p3'] });
    announcer.dispose();
  });
});

describe('sessions:delta from the core', () => {
  it('a refresh-all of many servers ends, after the list and the deltas, where the core is; no user travels twice', async () => {
    const server = await standIn();
    const h = await core();
    const profiles = [];
    for (let i = 0; i < 12; i++) profiles.push(await h.addProfile({ baseUrl: server.baseUrl, label: `Server ${i}` }));
    await Promise.all(
      profiles.map((profile) => h.core.invoke('session:login', profile.id, { username: 'admin', password: 'admin' })),
    );
    const deltas: SessionsDelta[] = [];
    h.core.on('sessions:delta', (delta) => deltas.push(delta));
    const listed = await h.core.invoke('sessions:list');
    const answered = await h.core.invoke('sessions:refreshAll');

    const mirror = replayOnto(listed, deltas);
    expect([...mirror.values()]).toEqual(answered);
    expect(answered.every((state) => state.activity === undefined)).toBe(true);
    const patches = deltas.flatMap((delta) => delta.changed);
    expect(patches.length).toBeGreaterThanOrEqual(profiles.length);
    // The user, its avatar and the server's details did not change, so they were not sent again.
    expect(patches.some((patch) => 'user' in patch.set || 'serverInfo' in patch.set)).toBe(false);
  });

  it('tells of a removed server by its id', async () => {
    const server = await standIn();
    const h = await core();
    const profile = await h.addProfile({ baseUrl: server.baseUrl });
    const deltas: SessionsDelta[] = [];
    h.core.on('sessions:delta', (delta) => deltas.push(delta));
    await h.core.invoke('profiles:remove', profile.id);
    expect(deltas.at(-1)?.removed).toEqual([profile.id]);
  });
});
