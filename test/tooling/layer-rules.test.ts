// The layer rules (README, Architecture) are ESLint rules; these tests prove each one bites.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layer rules', () => {
  it.each([
    ['electron/core/sessions/example.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'electron/core/sessions/example.ts',
      "import { registerIpc } from '../../main/ipc';\nexport const x = registerIpc;\n",
    ],
    ['electron/shared/example.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['electron/shared/example.ts', "import { AppError } from '../core/errors';\nexport const x = AppError;\n"],
    ['renderer/src/example.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/example.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    [
      'renderer/src/example.ts',
      "import { createAppCore } from '../../electron/core/app-core';\nexport const x = createAppCore;\n",
    ],
  ])('%s may not import what its layer forbids (%#)', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toHaveLength(1);
  });

  it.each([
    [
      'electron/core/sessions/example.ts',
      "import { normalizeBaseUrl } from '../../shared/base-url';\nexport const x = normalizeBaseUrl;\n",
    ],
    ['electron/main/example.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'renderer/src/example.ts',
      "import { normalizeBaseUrl } from '../../electron/shared/base-url';\nexport const x = normalizeBaseUrl;\n",
    ],
  ])('%s may import what its layer allows (%#)', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
