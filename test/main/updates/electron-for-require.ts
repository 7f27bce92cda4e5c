// electron-updater is CommonJS from node_modules: it calls require('electron') itself, which vi.mock does not reach.
// This puts the electron mock into Node's require cache under the path that require would load, for the length of
// a test file, so electron-updater runs unchanged against the mocked app, net and session.
import { createRequire } from 'node:module';

export function provideElectronToRequire(electron: object): () => void {
  const requireHere = createRequire(import.meta.url);
  const requireFromUpdater = createRequire(requireHere.resolve('electron-updater'));
  const id = requireFromUpdater.resolve('electron');
  const previous = requireFromUpdater.cache[id];
  requireFromUpdater.cache[id] = { id, filename: id, loaded: true, exports: electron } as NodeJS.Module;
  return () => {
    if (previous) requireFromUpdater.cache[id] = previous;
    else delete requireFromUpdater.cache[id];
  };
}
