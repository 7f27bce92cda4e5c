// The time of the last update check, in a small electron-store file of its own (updates.json beside the other
// stores) so the daily limit holds across restarts. A file that cannot be read costs only that time: the next
// automatic check then simply goes out.
import type { LogSink } from '../../core';
import { openElectronStore } from '../electron-store-backend';
import type { LastCheckStore } from './update-controller';

export const UPDATES_FILE_NAME = 'updates';

export function openLastCheckStore(dataDir: string, log?: LogSink): LastCheckStore {
  let remembered: string | undefined;
  try {
    const backend = openElectronStore({
      cwd: dataDir,
      configName: UPDATES_FILE_NAME,
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      schema: { lastCheckAt: { type: 'string', format: 'date-time' } },
    });
    return {
      load: () => {
        const value = backend.store.lastCheckAt;
        return typeof value === 'string' ? value : undefined;
      },
      save: (at) => {
        backend.store = { lastCheckAt: at };
      },
    };
  } catch (error) {
    log?.('warn', 'The time of the last update check could not be read', {
      error: error instanceof Error ? error.name : typeof error,
    });
    return {
      load: () => remembered,
      save: (at) => {
        remembered = at;
      },
    };
  }
}
