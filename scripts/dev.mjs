// The development loop: `npm run dev`. Rebuilds the renderer (Vite, in watch mode) and main and the preload
// (esbuild, watching) into dist/ as you save, then starts Electron and restarts it after each rebuild. The app runs
// exactly as packaged — served from app://, under the same strict Content-Security-Policy — only unminified and
// with source maps. Building needs no Electron binary; it is looked up only when Electron starts, at the end.
//
//   npm run dev                  build, watch, and run the app
//   npm run dev -- --no-electron build and watch only (e.g. where Electron is not installed)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { context } from 'esbuild';
import { build as viteBuild } from 'vite';
import { BUNDLES, bundleOptions } from './build-main.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const withElectron = !process.argv.includes('--no-electron');
const RESTART_DELAY_MS = 300;

let electron = null;
let restartTimer = null;
let ready = false;

function log(message) {
  console.log(`[dev] ${message}`);
}

/** The Electron binary, from the electron package; null (with the reason) when it was never downloaded. */
function electronBinary() {
  try {
    return createRequire(import.meta.url)('electron');
  } catch (error) {
    log(`Electron is not installed (${error.message.split('\n')[0]}); run npm install without`);
    log('ELECTRON_SKIP_BINARY_DOWNLOAD to get it. The builds keep watching.');
    return null;
  }
}

function startElectron() {
  const binary = electronBinary();
  if (!binary) return;
  electron = spawn(binary, ['.'], { cwd: projectDir, stdio: 'inherit', env: { ...process.env } });
  electron.on('exit', (code, signal) => {
    if (signal === null) {
      // The app was quit (not restarted by us): the loop ends with it.
      log(`Electron exited (${code}); stopping.`);
      void stop(code ?? 0);
    }
  });
}

/** After a rebuild: restart Electron once the burst of rebuilds has settled. */
function scheduleRestart(what) {
  if (!ready || !withElectron) {
    if (ready) log(`${what} rebuilt`);
    return;
  }
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    log(`${what} rebuilt: restarting Electron`);
    if (electron && electron.exitCode === null) {
      const old = electron;
      old.removeAllListeners('exit');
      old.once('exit', startElectron);
      old.kill();
    } else {
      startElectron();
    }
  }, RESTART_DELAY_MS);
}

/** Resolves after the watch's first build; restarts Electron after each later one that succeeded. */
function watchBundle(bundle) {
  return new Promise((resolve, reject) => {
    let first = true;
    const notice = {
      name: 'restart-electron',
      setup(build) {
        build.onEnd((result) => {
          if (first) {
            first = false;
            if (result.errors.length > 0) reject(new Error(`${bundle.entry} did not build`));
            else resolve(ctx);
          } else if (result.errors.length === 0) {
            scheduleRestart(bundle.entry);
          }
        });
      },
    };
    let ctx;
    context({ ...bundleOptions(bundle, { sourcemap: true }), plugins: [notice] }).then((created) => {
      ctx = created;
      return created.watch();
    }, reject);
  });
}

const mainContexts = await Promise.all(BUNDLES.map(watchBundle));
log('main and preload built; watching electron/');

// Vite's watch mode rebuilds on change; each build ends in closeBundle, the first one lets Electron start.
let firstRendererBuild;
const rendererBuilt = new Promise((resolve) => (firstRendererBuild = resolve));
const rendererWatcher = await viteBuild({
  configFile: path.join(projectDir, 'vite.config.ts'),
  mode: 'development',
  logLevel: 'warn',
  build: { watch: {}, minify: false, sourcemap: true },
  plugins: [
    { name: 'restart-electron', closeBundle: () => (ready ? scheduleRestart('the renderer') : firstRendererBuild()) },
  ],
});
await rendererBuilt;
log('renderer built; watching renderer/');

ready = true;
if (withElectron) startElectron();
else log('--no-electron: watching without starting the app. Ctrl+C stops.');

async function stop(code) {
  clearTimeout(restartTimer);
  if (electron && electron.exitCode === null) electron.kill();
  await Promise.all(mainContexts.map((ctx) => ctx.dispose()));
  await rendererWatcher.close();
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
