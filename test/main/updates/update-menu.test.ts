import { describe, expect, it, vi } from 'vitest';
import { updateMenuItems, updateMenuKey } from '../../../electron/main/updates/update-menu';
import type { UpdateState } from '../../../electron/shared/updates';
import { clickMenuItem } from '../electron-mock';

const base = { currentVersion: '1.0.0' };

describe('updateMenuItems', () => {
  it.each([
    [{ ...base, status: 'idle' }, 'Check for Updates…', true],
    [{ ...base, status: 'up-to-date' }, 'Check for Updates…', true],
    [{ ...base, status: 'error', message: 'Down.' }, 'Check for Updates…', true],
    [{ ...base, status: 'disabled', message: 'Not configured.' }, 'Check for Updates…', true],
    [{ ...base, status: 'checking' }, 'Checking for Updates…', false],
    [{ ...base, status: 'downloading', version: '1.1.0', percent: 42 }, 'Downloading Update 1.1.0… 42%', false],
    [{ ...base, status: 'downloaded', version: '1.1.0' }, 'Restart to Update (1.1.0)', true],
  ] as [UpdateState, string, boolean][])('%o: %s', (state, label, enabled) => {
    const [item] = updateMenuItems(state, { check: vi.fn(), install: vi.fn() });
    expect(item?.label).toBe(label);
    expect(item?.enabled ?? true).toBe(enabled);
  });

  it('routes the clicks', () => {
    const actions = { check: vi.fn(), install: vi.fn() };
    clickMenuItem(updateMenuItems({ ...base, status: 'up-to-date' }, actions), 'check-updates');
    clickMenuItem(updateMenuItems({ ...base, status: 'downloaded', version: '1.1.0' }, actions), 'install-update');
    expect(actions.check).toHaveBeenCalledTimes(1);
    expect(actions.install).toHaveBeenCalledTimes(1);
  });

  it('changes its key each 10% of a download, not each byte', () => {
    const at = (percent: number) => updateMenuKey({ ...base, status: 'downloading', version: '1.1.0', percent });
    expect(at(41)).toBe(at(49));
    expect(at(49)).not.toBe(at(50));
  });
});
