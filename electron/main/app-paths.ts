// Where the built app's files are, relative to app.getAppPath(): the project folder under `npm start`, the
// app.asar in a packaged build. The bundles are CommonJS, so nothing here may rely on import.meta.url.
import path from 'node:path';

export interface AppPaths {
  rendererDir: string;
  preloadFile: string;
  appIconFile: string;
  trayIconDir: string;
}

export function resolveAppPaths(appPath: string): AppPaths {
  return {
    rendererDir: path.join(appPath, 'dist', 'renderer'),
    preloadFile: path.join(appPath, 'dist', 'preload', 'preload.cjs'),
    appIconFile: path.join(appPath, 'assets', 'icon.png'),
    trayIconDir: path.join(appPath, 'assets', 'tray'),
  };
}
