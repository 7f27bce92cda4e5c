// Whether this build can update itself, and the one place electron-updater is loaded. electron-builder writes
// resources/app-update.yml only when electron-builder.yml has a `publish` feed; without it (the shipped
// `publish: null`), or when running from source, updates are off and say so instead of failing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { UpdateFeed, Updater } from './update-controller';

export const UPDATE_CONFIG_FILE = 'app-update.yml';
export const NOT_CONFIGURED = 'Updates are not configured for this build.';

export interface FeedEnvironment {
  isPackaged: boolean;
  /** process.resourcesPath: where electron-builder puts app-update.yml. */
  resourcesPath: string | undefined;
  exists?: (file: string) => boolean;
}

export function detectUpdateFeed(environment: FeedEnvironment): UpdateFeed {
  if (!environment.isPackaged) return { enabled: false, message: `${NOT_CONFIGURED} (It runs from source.)` };
  const exists = environment.exists ?? existsSync;
  if (!environment.resourcesPath || !exists(path.join(environment.resourcesPath, UPDATE_CONFIG_FILE))) {
    return { enabled: false, message: NOT_CONFIGURED };
  }
  return { enabled: true };
}

/**
 * electron-updater's `autoUpdater` for this platform and package type (NSIS, dmg, AppImage, deb). Loaded on the
 * first check only: importing it picks the updater class and reads `process.resourcesPath`.
 */
export async function loadElectronUpdater(): Promise<Updater> {
  const { autoUpdater } = await import('electron-updater');
  return autoUpdater;
}
