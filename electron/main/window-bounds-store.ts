// Window sizes and positions, in small electron-store files of their own (window-state.json for the main window,
// web-window-state.json for the web windows, one entry per profile) so a problem with them can never touch the
// profiles store. A file that cannot be read only costs the remembered positions.
import type { Schema } from 'electron-store';
import type { LogSink } from '../core';
import { openElectronStore } from './electron-store-backend';
import type { WindowBoundsStore } from './window-state';

export const WINDOW_STATE_FILE_NAME = 'window-state';
export const WEB_WINDOW_STATE_FILE_NAME = 'web-window-state';

const boundsProperties = {
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
} as const;

type BoundsDocument = Record<string, unknown>;

/** The file's whole document, read and replaced; in memory only when the file cannot be read. */
function openBoundsDocument(
  dataDir: string,
  configName: string,
  schema: Schema<BoundsDocument>,
  log?: LogSink,
): { read(): BoundsDocument; write(document: BoundsDocument): void } {
  try {
    const backend = openElectronStore({
      cwd: dataDir,
      configName,
      configFileMode: 0o600,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      schema,
    });
    return {
      read: () => backend.store,
      write: (document) => {
        backend.store = document;
      },
    };
  } catch (error) {
    log?.('warn', 'Window position not restored: its file could not be read', {
      error: error instanceof Error ? error.message : String(error),
    });
    let remembered: BoundsDocument = {};
    return {
      read: () => remembered,
      write: (document) => {
        remembered = document;
      },
    };
  }
}

export function openWindowBoundsStore(dataDir: string, log?: LogSink): WindowBoundsStore {
  const file = openBoundsDocument(dataDir, WINDOW_STATE_FILE_NAME, { bounds: boundsProperties }, log);
  return {
    load: () => file.read().bounds,
    save: (bounds) => file.write({ bounds }),
  };
}

/** One file, one remembered position per key (a profile's id for the web windows). */
export function openKeyedWindowBoundsStore(
  dataDir: string,
  log?: LogSink,
  configName: string = WEB_WINDOW_STATE_FILE_NAME,
): (key: string) => WindowBoundsStore {
  const schema = { windows: { type: 'object', additionalProperties: boundsProperties } };
  const file = openBoundsDocument(dataDir, configName, schema, log);
  const windows = (): BoundsDocument => (file.read().windows as BoundsDocument | undefined) ?? {};
  return (key) => ({
    load: () => (Object.hasOwn(windows(), key) ? windows()[key] : undefined),
    save: (bounds) => file.write({ windows: { ...windows(), [key]: bounds } }),
  });
}
