// Settings: how the app starts and closes, the defaults for new servers, the theme and which notifications it
// sends. Each change is saved at once (settings:update); the core checks every value.
import { useEffect, useState } from 'react';
import type { AppErrorInfo, AppSettings } from '../../../../electron/shared/model';
import { THEMES, type Theme } from '../../../../electron/shared/settings';
import { readAppError, type JiraSessionsBridge } from '../../bridge';
import { ErrorNotice } from '../error-notice';
import { ScreenHeader } from '../estate/screen-header';
import { UpdatesSection } from '../updates/updates-section';
import './settings-screen.css';

type Flag = {
  [K in keyof AppSettings]: AppSettings[K] extends boolean ? K : never;
}[keyof AppSettings];

const THEME_LABELS: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };
const INTERVALS = [60, 120, 300, 600, 900, 1800, 3600];

export function SettingsScreen({ bridge, onBack }: { bridge: JiraSessionsBridge; onBack(): void }) {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [error, setError] = useState<AppErrorInfo | null>(null);

  useEffect(() => {
    bridge.getSettings().then(setSettings, (caught: unknown) => setError(readAppError(caught)));
  }, [bridge]);

  const change = (patch: Partial<AppSettings>) => {
    setError(null);
    bridge.updateSettings(patch).then(setSettings, (caught: unknown) => setError(readAppError(caught)));
  };

  const check = (key: Flag, label: string, hint?: string) => (
    <div className="field-check">
      <input
        id={`setting-${key}`}
        type="checkbox"
        checked={settings?.[key] ?? false}
        disabled={!settings}
        onChange={(event) => change({ [key]: event.target.checked })}
      />
      <label htmlFor={`setting-${key}`}>{label}</label>
      {hint ? <p className="field-hint">{hint}</p> : null}
    </div>
  );

  return (
    <main className="estate-screen" aria-labelledby="settings-title">
      <ScreenHeader titleId="settings-title" title="Settings" onBack={onBack} />
      <div className="estate-screen-body settings">
        {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
        <section className="card" aria-labelledby="settings-start">
          <h2 className="card-title" id="settings-start">
            Starting and closing
          </h2>
          {check('startAtLogin', 'Start when I log in to this computer')}
          {check('startHidden', 'Start hidden in the tray', 'Open the window from the tray icon.')}
          {check('closeToTray', 'Keep running in the tray when the window is closed', 'Off: closing the window quits.')}
        </section>
        <section className="card" aria-labelledby="settings-servers">
          <h2 className="card-title" id="settings-servers">
            New servers
          </h2>
          <div className="field">
            <label htmlFor="setting-interval">Check a session every</label>
            <select
              id="setting-interval"
              disabled={!settings}
              value={settings?.defaultPollIntervalSeconds ?? 300}
              onChange={(event) => change({ defaultPollIntervalSeconds: Number(event.target.value) })}
            >
              {[...new Set([...INTERVALS, settings?.defaultPollIntervalSeconds ?? 300])]
                .sort((a, b) => a - b)
                .map((seconds) => (
                  <option key={seconds} value={seconds}>
                    {seconds < 3600
                      ? `${seconds / 60} minutes`
                      : `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`}
                  </option>
                ))}
            </select>
          </div>
          {check(
            'defaultKeepAlive',
            'Keep sessions alive',
            'Each check also counts as activity, so idle sessions do not time out.',
          )}
        </section>
        <section className="card" aria-labelledby="settings-look">
          <h2 className="card-title" id="settings-look">
            Appearance
          </h2>
          <div className="field">
            <label htmlFor="setting-theme">Theme</label>
            <select
              id="setting-theme"
              disabled={!settings}
              value={settings?.theme ?? 'system'}
              onChange={(event) => change({ theme: event.target.value as Theme })}
            >
              {THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {THEME_LABELS[theme]}
                </option>
              ))}
            </select>
          </div>
        </section>
        <section className="card" aria-labelledby="settings-notify">
          <h2 className="card-title" id="settings-notify">
            Notifications
          </h2>
          {check('notifications', 'Show desktop notifications')}
          <div className="settings-nested" aria-disabled={!settings?.notifications || undefined}>
            {check('notifyExpiry', 'When a session expires')}
            {check('notifySignOutProblems', 'When a server cannot confirm a sign-out or the end of admin access')}
            {check('notifyTokenExpiry', 'When a personal access token expires within 14 days')}
          </div>
        </section>
        <UpdatesSection bridge={bridge} />
      </div>
    </main>
  );
}
