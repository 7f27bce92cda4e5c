// scripts/build-main.mjs: both bundles build, are CommonJS that Node can load, leave only `electron` external,
// and run: with a stand-in `electron` module, main starts (and quits as a second instance) and the preload
// exposes the bridge.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_EVENTS, BRIDGE_METHODS } from '../../electron/shared/contract';

const projectDir = path.resolve(import.meta.dirname, '../..');
let outDir: string;

// Records every call on any property path, e.g. "app.requestSingleInstanceLock", and prints them on exit.
const STAND_IN_ELECTRON = `
const calls = [];
const answers = { 'app.requestSingleInstanceLock': false };
const make = (name) => new Proxy(function () {}, {
  get: (_target, key) => (key === 'then' ? undefined : make(name + '.' + String(key))),
  apply: (_target, _this, args) => {
    calls.push({ name, args: args.map((arg) => (typeof arg === 'function' ? 'fn' : typeof arg === 'object' && arg ? Object.keys(arg) : arg)) });
    return name in answers ? answers[name] : undefined;
  },
});
process.on('exit', () => process.stdout.write(JSON.stringify(calls)));
module.exports = new Proxy({}, { get: (_target, key) => (key === '__esModule' ? false : make(String(key))) });
`;

beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'jsm-build-'));
  execFileSync(process.execPath, [path.join(projectDir, 'scripts', 'build-main.mjs'), '--outdir', outDir], {
    cwd: projectDir,
  });
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const bundle = (file: string) => readFileSync(path.join(outDir, file), 'utf8');
const requires = (source: string) =>
  new Set([...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? ''));

describe('scripts/build-main.mjs', () => {
  it('writes dist/main/main.cjs and dist/preload/preload.cjs, without source maps', () => {
    expect(existsSync(path.join(outDir, 'dist/main/main.cjs'))).toBe(true);
    expect(existsSync(path.join(outDir, 'dist/preload/preload.cjs'))).toBe(true);
    expect(existsSync(path.join(outDir, 'dist/main/main.cjs.map'))).toBe(false);
    expect(bundle('dist/main/main.cjs')).not.toContain('sourceMappingURL');
  });

  it('bundles every library: main requires only electron and Node built-ins', () => {
    const builtins = new Set(builtinModules);
    // ajv keeps require("ajv/dist/runtime/...") inside strings of code it generates; those never run as requires.
    const external = [...requires(bundle('dist/main/main.cjs'))].filter(
      (name) => name !== 'electron' && !builtins.has(name.replace(/^node:/, '')) && !name.startsWith('ajv'),
    );
    expect(external).toEqual([]);
    expect(bundle('dist/main/main.cjs')).not.toMatch(/\bimport\.meta\b/);
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    expect([...requires(bundle('dist/preload/preload.cjs'))]).toEqual(['electron']);
  });

  it('fails to load without electron only because electron is missing', () => {
    const result = spawnSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(path.join(outDir, 'dist/main/main.cjs'))})`],
      {
        cwd: os.tmpdir(),
        encoding: 'utf8',
      },
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Cannot find module 'electron'");
    expect(result.stderr).not.toMatch(/SyntaxError|ReferenceError|TypeError/);
  });

  describe('with a stand-in electron module', () => {
    const run = (file: string) => {
      mkdirSync(path.join(outDir, 'node_modules', 'electron'), { recursive: true });
      writeFileSync(path.join(outDir, 'node_modules', 'electron', 'index.js'), STAND_IN_ELECTRON);
      const output = execFileSync(process.execPath, [path.join(outDir, file)], { cwd: outDir, encoding: 'utf8' });
      return JSON.parse(output) as { name: string; args: unknown[] }[];
    };

    it('main registers the app scheme, enables the sandbox and quits as a second instance', () => {
      const names = run('dist/main/main.cjs').map((call) => call.name);
      expect(names).toEqual([
        'protocol.registerSchemesAsPrivileged',
        'app.enableSandbox',
        'app.requestSingleInstanceLock',
        'app.quit',
      ]);
    });

    it('the preload exposes jiraSessions with the contract’s methods', () => {
      const calls = run('dist/preload/preload.cjs');
      expect(calls).toHaveLength(1);
      expect(calls[0]?.name).toBe('contextBridge.exposeInMainWorld');
      const [global, keys] = calls[0]?.args as [string, string[]];
      expect(global).toBe('jiraSessions');
      expect([...keys].sort()).toEqual([...Object.keys(BRIDGE_METHODS), ...Object.keys(BRIDGE_EVENTS)].sort());
    });
  });
});
