// Runs scripts/package-smoke.mjs: electron-builder packs the app offline (`--linux --dir`, a stand-in Electron) in
// a scratch copy that also holds decoys (source maps, .ts sources, tests, node_modules). Takes about 5-10 s.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../electron/main/app-identity';

const projectDir = path.resolve(import.meta.dirname, '../..');

interface SmokeReport {
  renderer: 'build' | 'fresh-build' | 'placeholder';
  files: string[];
  fuses: Record<string, boolean>;
  executableName: string;
  updateConfig: string | null;
  asarBytes: number;
  durationMs: number;
}

let report: SmokeReport;

const packageSmoke = (...args: string[]): SmokeReport => {
  const output = execFileSync(
    process.execPath,
    [path.join(projectDir, 'scripts', 'package-smoke.mjs'), '--json', ...args],
    { cwd: projectDir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as SmokeReport;
};

beforeAll(() => {
  report = packageSmoke();
}, 180_000);

describe('packaging (electron-builder --linux --dir, offline)', () => {
  it('packs the built app into app.asar', () => {
    for (const file of ['package.json', 'dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html']) {
      expect(report.files).toContain(file);
    }
  });

  it('packs the renderer’s scripts and styles when the renderer builds', () => {
    if (report.renderer === 'placeholder') return;
    expect(report.files.some((file) => /^dist\/renderer\/assets\/[^/]+\.js$/.test(file))).toBe(true);
    expect(report.files.some((file) => /^dist\/renderer\/assets\/[^/]+\.css$/.test(file))).toBe(true);
  });

  it('packs the icons the app loads at run time', () => {
    expect(report.files).toContain('assets/icon.png');
    for (const state of ['none', 'some', 'attention']) {
      expect(report.files).toContain(`assets/tray/tray-${state}.png`);
      expect(report.files).toContain(`assets/tray/tray-${state}@2x.png`);
      expect(report.files).toContain(`assets/tray/tray-${state}Template.png`);
      expect(report.files).toContain(`assets/tray/tray-${state}Template@2x.png`);
    }
  });

  it('leaves out sources, tests, source maps and node_modules', () => {
    expect(report.files.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file))).toEqual([]);
    expect(report.files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(
      report.files.filter((file) =>
        /(^|\/)(test|tests|node_modules|electron|renderer\/src|scripts|bench)(\/|$)/.test(file),
      ),
    ).toEqual([]);
    expect(report.files.filter((file) => /\.(md|yml|yaml)$/.test(file) || file.startsWith('.'))).toEqual([]);
  });

  it('packs nothing but package.json, dist/ and the icons', () => {
    const unexpected = report.files.filter(
      (file) => !['package.json', 'dist', 'assets'].includes(file.split('/')[0] ?? ''),
    );
    expect(unexpected).toEqual([]);
  });

  it('flips the Electron fuses as configured', () => {
    expect(report.fuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names the Linux executable jira-session-manager', () => {
    expect(report.executableName).toBe('jira-session-manager');
  });

  it('ships no update feed as configured (publish: null), so the app says updates are not configured', () => {
    expect(report.updateConfig).toBeNull();
  });
});

describe('packaging with a generic update feed (-c.publish)', () => {
  it('writes resources/app-update.yml, which electron-updater reads in the packaged app', () => {
    const withFeed = packageSmoke('--publish-url', 'https://downloads.example.com/jira-session-manager/');
    expect(withFeed.updateConfig).toBe(
      [
        'provider: generic',
        'url: https://downloads.example.com/jira-session-manager/',
        'updaterCacheDirName: jira-session-manager-updater',
        '',
      ].join('\n'),
    );
  }, 180_000);
});

describe('electron-builder.yml', () => {
  const config = readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8');
  const value = (key: string) => config.match(new RegExp(`^${key}:\\s*(.+?)\\s*(#.*)?$`, 'm'))?.[1];

  it('uses the app id and product name the app uses at run time', () => {
    expect(value('appId')).toBe(APP_ID);
    expect(value('productName')).toBe(PRODUCT_NAME);
  });

  it('builds AppImage and deb, a hardened-runtime dmg and NSIS', () => {
    expect(config).toMatch(/linux:\s*\n\s+target:\s*\n\s+- AppImage\s*\n\s+- deb/);
    expect(config).toMatch(/mac:\s*\n\s+target:\s*\n\s+- dmg[\s\S]*hardenedRuntime: true/);
    expect(config).toMatch(/win:\s*\n\s+target:\s*\n\s+- nsis/);
  });
});
