// What the Settings screen changes outside the window: starting at login, the theme Chromium reports to the page
// (prefers-color-scheme), and whether closing the window keeps the app in the tray. Applied at start and after
// every settings:update that crosses IPC.
import type { AppCore } from '../core';
import type { AppSettings } from '../shared/model';

export interface SettingsTargets {
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden: boolean }): void;
  setThemeSource(theme: AppSettings['theme']): void;
}

export function applySettings(settings: AppSettings, targets: SettingsTargets): void {
  targets.setLoginItemSettings({ openAtLogin: settings.startAtLogin, openAsHidden: settings.startHidden });
  targets.setThemeSource(settings.theme);
}

/** The core as IPC serves it, calling `apply` with the new settings after each successful update. */
export function withSettingsEffects(core: AppCore, apply: (settings: AppSettings) => void): AppCore {
  return {
    web: core.web,
    on: (event, listener) => core.on(event, listener),
    suspend: () => core.suspend(),
    resume: () => core.resume(),
    dispose: () => core.dispose(),
    flushStore: () => core.flushStore(),
    invoke: (async (channel: Parameters<AppCore['invoke']>[0], ...args: unknown[]) => {
      const result: unknown = await (core.invoke as (c: string, ...a: unknown[]) => Promise<unknown>)(channel, ...args);
      if (channel === 'settings:update') apply(result as AppSettings);
      return result;
    }) as AppCore['invoke'],
  };
}
