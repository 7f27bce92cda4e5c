// Bundles the main process and the preload into CommonJS with esbuild. Every library (electron-store, conf, zod,
// axios, electron-updater, ...) is bundled in, so they stay devDependencies and out of the asar; only `electron` is
// left external.
// Sandboxed preloads must be CommonJS, and main is CommonJS too so both load the same way.
//
//   node scripts/build-main.mjs               production build, no source maps
//   node scripts/build-main.mjs --sourcemap   with linked source maps (electron-builder.yml keeps *.map out)
//   node scripts/build-main.mjs --outdir DIR  into DIR/dist/... instead of the project's dist/ (tests)
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 41 ships Node 22. */
export const ELECTRON_NODE_TARGET = 'node22';

export const BUNDLES = [
  { entry: 'electron/main/main.ts', output: 'dist/main/main.cjs' },
  { entry: 'electron/preload/preload.ts', output: 'dist/preload/preload.cjs' },
];

/** esbuild's options for one bundle; the dev loop (scripts/dev.mjs) watches with the same ones. */
export function bundleOptions(bundle, { outDir = projectDir, sourcemap = false } = {}) {
  return {
    absWorkingDir: projectDir,
    entryPoints: [path.join(projectDir, bundle.entry)],
    outfile: path.join(outDir, bundle.output),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ELECTRON_NODE_TARGET,
    external: ['electron'],
    sourcemap: sourcemap ? 'linked' : false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    define: { 'process.env.NODE_ENV': JSON.stringify(sourcemap ? 'development' : 'production') },
  };
}

/** Builds both bundles into `outDir` (the project folder by default); returns esbuild's metafiles. */
export async function buildMain({ outDir = projectDir, sourcemap = false } = {}) {
  const results = [];
  for (const bundle of BUNDLES) {
    const result = await build(bundleOptions(bundle, { outDir, sourcemap }));
    results.push({ ...bundle, metafile: result.metafile, warnings: result.warnings });
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const outDirAt = process.argv.indexOf('--outdir');
  const outDir = outDirAt > 0 && process.argv[outDirAt + 1] ? path.resolve(process.argv[outDirAt + 1]) : projectDir;
  const results = await buildMain({ outDir, sourcemap: process.argv.includes('--sourcemap') });
  for (const { output, metafile } of results) {
    const [, bundleInfo] = Object.entries(metafile.outputs).find(([file]) => file.endsWith('.cjs')) ?? [];
    const bytes = bundleInfo?.bytes ?? 0;
    console.log(`${path.join(outDir, output)}  ${(bytes / 1024).toFixed(0)} KiB`);
  }
  console.log(`built in ${Date.now() - started} ms`);
}
