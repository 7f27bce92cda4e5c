// The core's store factory backed by electron-store (conf underneath: atomic writes, JSON, a file mode of our
// choosing). The core passes configFileMode 0o600; a file left with looser permissions by an older build or by
// hand is tightened as soon as it is opened, not only on its next write.
import { chmodSync, existsSync } from 'node:fs';
import ElectronStore from 'electron-store';
import type { Schema } from 'electron-store';
import type { OpenStoreBackend, StoreBackend, StoreBackendOptions } from '../core';

export interface ElectronStoreBackendOptions extends StoreBackendOptions {
  /** JSON schema checked on open and on every write (the window-state file uses one). */
  schema?: Schema<Record<string, unknown>>;
}

export function openElectronStore(options: ElectronStoreBackendOptions): StoreBackend {
  const store = new ElectronStore<Record<string, unknown>>({
    cwd: options.cwd,
    name: options.configName,
    configFileMode: options.configFileMode,
    clearInvalidConfig: options.clearInvalidConfig,
    accessPropertiesByDotNotation: options.accessPropertiesByDotNotation,
    watch: options.watch,
    ...(options.schema ? { schema: options.schema } : {}),
  });
  if (process.platform !== 'win32' && existsSync(store.path)) chmodSync(store.path, options.configFileMode);
  return store;
}

export const electronStoreBackend: OpenStoreBackend = (options) => openElectronStore(options);
