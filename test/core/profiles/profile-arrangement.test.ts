// The list's arrangement through the core's channel: groups, stars and order are saved with the profiles, survive a
// restart, reach the window as profiles:changed, and a bad request changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { removeTemporaryDirs, startCore } from '../../support/core-harness';
import { makeProfileInput } from '../../support/model-fixtures';

afterEach(removeTemporaryDirs);

async function coreWithFour() {
  const harness = await startCore();
  const ids: string[] = [];
  for (const label of ['A', 'B', 'C', 'D']) {
    const saved = await harness.core.invoke(
      'profiles:save',
      makeProfileInput({ label, baseUrl: `https://${label.toLowerCase()}.example.com` }),
    );
    ids.push(saved.id);
  }
  const labels = async () => (await harness.core.invoke('profiles:list')).map((profile) => profile.label);
  return { ...harness, ids, labels };
}

describe('profiles:arrange', () => {
  it('moves profiles as a block in front of another, or to the end, and saves the order', async () => {
    const { core, ids, labels, dataDir } = await coreWithFour();
    const [a, b, c, d] = ids as [string, string, string, string];
    await core.invoke('profiles:arrange', [d, c], { before: b });
    expect(await labels()).toEqual(['A', 'D', 'C', 'B']);
    await core.invoke('profiles:arrange', [a], { before: null });
    expect(await labels()).toEqual(['D', 'C', 'B', 'A']);
    // In front of itself: it stays where it is.
    await core.invoke('profiles:arrange', [c], { before: c });
    expect(await labels()).toEqual(['D', 'C', 'B', 'A']);
    await core.dispose();
    const again = await startCore({}, dataDir);
    expect((await again.core.invoke('profiles:list')).map((profile) => profile.label)).toEqual(['D', 'C', 'B', 'A']);
  });

  it('sets and clears a group and a star, and an edit keeps them', async () => {
    const { core, ids } = await coreWithFour();
    const [a, b] = ids as [string, string];
    const changes: string[][] = [];
    core.on('profiles:changed', (list) => changes.push(list.map((profile) => profile.group ?? '-')));
    const arranged = await core.invoke('profiles:arrange', [a, b], { group: '  EU production ', favourite: true });
    expect(arranged.slice(0, 2).map(({ group, favourite }) => ({ group, favourite }))).toEqual([
      { group: 'EU production', favourite: true },
      { group: 'EU production', favourite: true },
    ]);
    expect(changes).toEqual([['EU production', 'EU production', '-', '-']]);

    const edited = await core.invoke('profiles:save', makeProfileInput({ id: a, label: 'A renamed' }));
    expect(edited).toMatchObject({ label: 'A renamed', group: 'EU production', favourite: true });

    const cleared = await core.invoke('profiles:arrange', [a], { group: '', favourite: false });
    expect(cleared[0]).not.toHaveProperty('group');
    expect(cleared[0]).not.toHaveProperty('favourite');
    const regrouped = await core.invoke('profiles:save', makeProfileInput({ id: b, label: 'B', group: 'Staging' }));
    expect(regrouped.group).toBe('Staging');
  });

  it('refuses an unknown profile or a bad group with a clear error and changes nothing', async () => {
    const { core, ids, labels } = await coreWithFour();
    await expect(core.invoke('profiles:arrange', [ids[0]!, 'nope'], { before: null })).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(core.invoke('profiles:arrange', [ids[0]!], { before: 'gone' })).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(core.invoke('profiles:arrange', [ids[0]!], { group: 'x'.repeat(81) })).rejects.toMatchObject({
      kind: 'invalid-input',
      message: 'Keep the group name to 80 characters.',
    });
    await expect(core.invoke('profiles:arrange', [], { group: 'x' })).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(await labels()).toEqual(['A', 'B', 'C', 'D']);
    expect((await core.invoke('profiles:list')).some((profile) => profile.group !== undefined)).toBe(false);
  });
});
