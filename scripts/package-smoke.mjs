// Packaging smoke test that runs offline: packs the app with electron-builder (`--linux --dir`) in a scratch copy of
// the project, against a stand-in Electron, then reports what landed in app.asar and how the fuses were set.
//
//   node scripts/package-smoke.mjs          prints a summary
//   node scripts/package-smoke.mjs --json   prints the report as JSON (test/main/packaging.test.ts reads it)
//   ... --publish-url URL                    packs with a `generic` update feed at URL instead of `publish: null`
//
// - The scratch copy holds exactly what a real build has plus decoys that must NOT be packed: source maps (the
//   bundles are built with them here), sources, tests and fixtures, scripts, a README and a node_modules package.
// - The renderer build (dist/renderer) is used when it exists; otherwise one is made into the scratch copy, and if
//   that fails a placeholder index.html stands in. The report says which.
// - The stand-in Electron is a shell script carrying the fuse sentinel and an unflipped fuse wire, so
//   electron-builder's `electronFuses` step runs for real and the report shows the wire it wrote.
import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { buildMain } from './build-main.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// @electron/fuses' marker and Electron's factory fuse wire (version 1, 8 fuses, '1' on / '0' off), in wire order:
// RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
// EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
// GrantFileProtocolExtraPrivileges.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FACTORY_FUSE_WIRE = '10110001';
/** linux.executableName in electron-builder.yml. */
const LINUX_EXECUTABLE_NAME = 'jira-session-manager';
export const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => (output += data));
    child.stderr.on('data', (data) => (output += data));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} exited ${code}:\n${output}`)),
    );
  });
}

async function prepareProject(project) {
  await mkdir(project, { recursive: true });
  await cp(path.join(projectDir, 'package.json'), path.join(project, 'package.json'));
  await cp(path.join(projectDir, 'electron-builder.yml'), path.join(project, 'electron-builder.yml'));
  await cp(path.join(projectDir, 'assets'), path.join(project, 'assets'), { recursive: true });
  await buildMain({ outDir: project, sourcemap: true });

  const rendererBuild = path.join(projectDir, 'dist', 'renderer');
  const rendererDir = path.join(project, 'dist', 'renderer');
  let renderer = 'placeholder';
  if (await exists(path.join(rendererBuild, 'index.html'))) {
    await cp(rendererBuild, rendererDir, { recursive: true });
    renderer = 'build';
  } else {
    // No renderer build yet: make one into the scratch copy (about a second). If the renderer does not build,
    // a placeholder keeps this test about packaging; the renderer's own tests report the breakage.
    try {
      await run(
        process.execPath,
        [
          path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'),
          'build',
          '--outDir',
          rendererDir,
          '--emptyOutDir',
        ],
        {
          cwd: projectDir,
          env: process.env,
        },
      );
      renderer = 'fresh-build';
    } catch {
      await mkdir(rendererDir, { recursive: true });
      await writeFile(
        path.join(rendererDir, 'index.html'),
        '<!doctype html><html><head><title>Jira Session Manager</title></head><body></body></html>\n',
      );
    }
  }

  const decoys = {
    'electron/main/decoy-source.ts': 'export const decoy = 1;\n',
    'electron/shared/decoy.json': '{}\n',
    'test/decoy.test.ts': 'export {};\n',
    'test/fixtures/decoy.json': '{}\n',
    'scripts/decoy.mjs': 'export {};\n',
    'README.md': '# decoy\n',
    'dist/renderer/assets/decoy.js.map': '{}\n',
    'node_modules/decoy-package/package.json': '{ "name": "decoy-package", "version": "1.0.0" }\n',
    'node_modules/decoy-package/index.js': 'module.exports = 1;\n',
  };
  for (const [file, content] of Object.entries(decoys)) {
    await mkdir(path.dirname(path.join(project, file)), { recursive: true });
    await writeFile(path.join(project, file), content);
  }
  return renderer;
}

async function makeStandInElectron(dir) {
  await mkdir(dir, { recursive: true });
  const script = `#!/bin/sh\n# Stand-in for the Electron binary (packaging smoke test).\n# ${FUSE_SENTINEL}\x01\x08${FACTORY_FUSE_WIRE}\necho "stand-in electron: nothing to run" >&2\nexit 1\n`;
  const file = path.join(dir, 'electron');
  await writeFile(file, script, 'latin1');
  await chmod(file, 0o755);
}

/** Reads the fuse wire out of a (stand-in) binary: `{ runAsNode: false, ... }`. */
async function readFuses(binary) {
  const content = await readFile(binary);
  const at = content.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`No fuse sentinel in ${binary}`);
  const wireStart = at + FUSE_SENTINEL.length + 2;
  const length = content[at + FUSE_SENTINEL.length + 1];
  const fuses = {};
  for (let i = 0; i < length; i += 1) fuses[FUSE_NAMES[i] ?? `fuse${i}`] = content[wireStart + i] === 0x31;
  return fuses;
}

/** resources/app-update.yml, which electron-builder writes only when a publish feed is configured; null without. */
async function readUpdateConfig(unpacked) {
  const file = path.join(unpacked, 'resources', 'app-update.yml');
  return (await exists(file)) ? readFile(file, 'utf8') : null;
}

export async function packageSmoke({ keep = false, publishUrl = undefined } = {}) {
  const started = Date.now();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'jsm-package-'));
  try {
    const project = path.join(workDir, 'project');
    const standIn = path.join(workDir, 'electron-dist');
    const output = path.join(workDir, 'release');
    const renderer = await prepareProject(project);
    await makeStandInElectron(standIn);
    const builtAt = Date.now();
    const log = await run(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--linux',
        '--dir',
        '--projectDir',
        project,
        `-c.electronDist=${standIn}`,
        `-c.directories.output=${output}`,
        ...(publishUrl ? ['-c.publish.provider=generic', `-c.publish.url=${publishUrl}`] : []),
      ],
      { cwd: project, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    const unpacked = path.join(output, 'linux-unpacked');
    const asarPath = path.join(unpacked, 'resources', 'app.asar');
    const files = listPackage(asarPath, { isPack: false })
      .map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''))
      .sort();
    const executable = path.join(unpacked, LINUX_EXECUTABLE_NAME);
    return {
      renderer,
      files,
      fuses: await readFuses(executable),
      executableName: path.basename(executable),
      updateConfig: await readUpdateConfig(unpacked),
      asarBytes: (await stat(asarPath)).size,
      durationMs: Date.now() - started,
      electronBuilderMs: Date.now() - builtAt,
      workDir: keep ? workDir : undefined,
      log,
    };
  } finally {
    if (!keep) await rm(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const publishAt = process.argv.indexOf('--publish-url');
  const report = await packageSmoke({
    keep: process.argv.includes('--keep'),
    publishUrl: publishAt > 0 ? process.argv[publishAt + 1] : undefined,
  });
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ ...report, log: undefined }));
  } else {
    console.log(report.log);
    console.log(`renderer: ${report.renderer}`);
    console.log(`app.asar (${(report.asarBytes / 1024).toFixed(0)} KiB):`);
    for (const file of report.files) console.log(`  ${file}`);
    console.log('fuses:', report.fuses);
    console.log('update feed (resources/app-update.yml):', report.updateConfig ?? 'none');
    console.log(`done in ${report.durationMs} ms (electron-builder ${report.electronBuilderMs} ms)`);
  }
}
