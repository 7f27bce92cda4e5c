// The window's size and position, in a small electron-store file of its own (window-state.json) so a problem
// with it can never touch the profiles store. A file that cannot be read only costs the remembered position.
import type { LogSink } from '../core';
import { openElectronStore } from './electron-store-backend';
import type { WindowBoundsStore } from './window-state';

export const WINDOW_STATE_FILE_NAME = 'window-state';

const boundsSchema = {
  bounds: {
    type: 'object',
    properties: {
      x: { type: 'number' },
      y: { type: 'number' },
      width: { type: 'number', minimum: 1 },
      height: { type: 'number', minimum: 1 },
      maximized: { type: 'boolean' },
    },
    required: ['width', 'height'],
    additionalProperties: false,
  },
} as const;

export function openWindowBoundsStore(dataDir: string, log?: LogSink): WindowBoundsStore {
  try {
    const backend = openElectronStore({
      cwd: dataDir,
      configName: WINDOW_STATE_FILE_NAME,
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      schema: boundsSchema,
    });
    return {
      load: () => backend.store.bounds,
      save: (bounds) => {
        backend.store = { bounds };
      },
    };
  } catch (error) {
    log?.('warn', 'Window position not restored: its file could not be read', {
      error: error instanceof Error ? error.message : String(error),
    });
    let remembered: unknown;
    return {
      load: () => remembered,
      save: (bounds) => {
        remembered = bounds;
      },
    };
  }
}
