import { describe, expect, it, vi } from 'vitest';
import { applySettings, withSettingsEffects } from '../../electron/main/settings-effects';
import { ESTATE_SETTINGS_DEFAULTS } from '../../electron/shared/settings';
import { FakeCore } from './fake-core';

describe('settings effects', () => {
  it('sets the login item and the theme from the settings', () => {
    const targets = { setLoginItemSettings: vi.fn(), setThemeSource: vi.fn() };
    applySettings(
      {
        notifications: true,
        persistSecretsWithoutKeychain: false,
        ...ESTATE_SETTINGS_DEFAULTS,
        startAtLogin: true,
        startHidden: true,
        theme: 'dark',
      },
      targets,
    );
    expect(targets.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, openAsHidden: true });
    expect(targets.setThemeSource).toHaveBeenCalledWith('dark');
  });

  it('applies the new settings after settings:update and passes every other channel through', async () => {
    const core = new FakeCore();
    const apply = vi.fn();
    const wrapped = withSettingsEffects(core, apply);
    await wrapped.invoke('profiles:list');
    expect(apply).not.toHaveBeenCalled();
    const result = await wrapped.invoke('settings:update', { theme: 'light' });
    expect(result.theme).toBe('light');
    expect(apply).toHaveBeenCalledWith(expect.objectContaining({ theme: 'light' }));
    expect(core.callsOf('settings:update')).toEqual([[{ theme: 'light' }]]);
  });
});
