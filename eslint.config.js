// Lint rules, including the rules that keep the layers and the desktop shell's boundaries whole (see
// docs/ARCHITECTURE.md): what each folder may import, and the few Electron calls only one file may make.
// test/tooling/ proves that each of these rules bites.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImport = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };

/** One `no-restricted-imports` rule from the named paths and the patterns a folder may not import. */
const restrictedImports = (paths, patterns) => ['error', { paths, patterns }];

const CORE_LAYER = restrictedImports(
  [electronImport],
  [
    {
      group: ['**/main/**', '**/preload/**', '../main', '../preload'],
      message: 'core may not depend on main or preload.',
    },
  ],
);
const SHARED_LAYER = restrictedImports(
  [electronImport],
  [
    {
      group: ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**', 'node:*'],
      message: 'shared imports nothing of ours but shared.',
    },
  ],
);
const MAIN_LAYER = restrictedImports(
  [],
  [
    {
      // `../core` (its index.ts) is the core's public entry; anything behind it may move without main noticing.
      regex: '^(\\.\\./)+core/(?!index$)',
      message: 'main imports the core only through its public entry, electron/core (index.ts).',
    },
    { group: ['**/renderer/**', '**/preload/**'], message: 'main may not depend on the renderer or the preload.' },
  ],
);
const RENDERER_LAYER = restrictedImports(
  [electronImport],
  [
    { group: ['node:*'], message: 'The renderer is sandboxed: no Node modules.' },
    {
      group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**'],
      message: 'The renderer talks to main only through window.jiraSessions.',
    },
  ],
);

// The calls that open the app to the outside, each allowed in exactly one file (see docs/ARCHITECTURE.md, "The
// desktop shell"). Written as AST selectors, so spacing, optional chaining or a destructured method do not hide one.
const shellCall = (object, methods) =>
  `CallExpression[callee.object.name='${object}'][callee.property.name=${methods}]`;
const RESTRICTED = {
  ipcHandle: [
    {
      selector: `MemberExpression[object.name='ipcMain'][property.name=/^handle(Once)?$/]`,
      message: 'Only electron/main/ipc.ts answers IPC (ipcMain.handle), for the contract’s channels.',
    },
    {
      selector: `MemberExpression[object.name='ipcMain'][property.value=/^handle(Once)?$/]`,
      message: 'Only electron/main/ipc.ts answers IPC (ipcMain.handle), for the contract’s channels.',
    },
    {
      selector: `VariableDeclarator[init.name='ipcMain'] > ObjectPattern > Property[key.name=/^handle(Once)?$/]`,
      message: 'Only electron/main/ipc.ts answers IPC (ipcMain.handle), for the contract’s channels.',
    },
  ],
  ipcListen: [
    {
      selector: `MemberExpression[object.name='ipcMain'][property.name=/^(on|once|addListener|prependListener)$/]`,
      message: 'No ipcMain listeners: every message from the page is a contract channel served by ipcMain.handle.',
    },
  ],
  newWindow: [
    {
      selector: `NewExpression[callee.name='BrowserWindow']`,
      message: 'Create windows only in the window factory (electron/main/window.ts), which sets the secure defaults.',
    },
  ],
  newWebWindow: [
    {
      selector: `NewExpression[callee.name=/^(BaseWindow|WebContentsView)$/]`,
      message: "Create Jira's web windows only in electron/main/web/web-window.ts, which sets their guards.",
    },
  ],
  // Jira's web sessions live in memory: only the core's sealed jar outlives the app.
  persistentPartition: [
    {
      selector: `Literal[value=/^persist:/]`,
      message: 'No persistent partition: a web session must end with the app (the sealed jar is what persists).',
    },
    {
      selector: `TemplateElement[value.raw=/^persist:/]`,
      message: 'No persistent partition: a web session must end with the app (the sealed jar is what persists).',
    },
  ],
  openExternal: [
    {
      selector: shellCall('shell', "'openExternal'"),
      message: 'Reach the system browser only through createExternalLinkOpener (wired once, in main.ts).',
    },
  ],
  // In main.ts, the one call is the `openExternal` that createExternalLinkOpener is given: its allow-list decides.
  openExternalUnwired: [
    {
      selector: `${shellCall('shell', "'openExternal'")}:not(CallExpression[callee.name='createExternalLinkOpener'] > ObjectExpression > Property[key.name='openExternal'] > ArrowFunctionExpression > CallExpression)`,
      message: 'shell.openExternal may only be the openExternal handed to createExternalLinkOpener.',
    },
  ],
  expose: [
    {
      selector: shellCall('contextBridge', '/^exposeIn(Main|Isolated)World$/'),
      message: 'Only electron/preload/preload.ts exposes anything to the page.',
    },
  ],
  // In preload.ts, the page gets the wrapped bridge under its one name, never ipcRenderer itself.
  exposeOtherThanBridge: [
    {
      selector: `${shellCall('contextBridge', '/^exposeIn(Main|Isolated)World$/')}:not([arguments.length=2][arguments.0.name='BRIDGE_GLOBAL_NAME'][arguments.1.callee.name='buildBridge'][arguments.1.arguments.length=1][arguments.1.arguments.0.name='ipcRenderer'])`,
      message: 'Expose only buildBridge(ipcRenderer), as BRIDGE_GLOBAL_NAME.',
    },
  ],
  ipcRenderer: [
    {
      selector: `Identifier[name='ipcRenderer']`,
      message: 'ipcRenderer stays inside electron/preload: the page talks through window.jiraSessions.',
    },
  ],
};

/** The restricted syntax for a file: every rule, less the ones this file is the home of, plus any of its own. */
function restrictedSyntax({ except = [], extra = [] } = {}) {
  const rules = Object.entries(RESTRICTED)
    .filter(([name]) => !except.includes(name) && name !== 'openExternalUnwired' && name !== 'exposeOtherThanBridge')
    .flatMap(([, entries]) => entries);
  return ['error', ...rules, ...extra.flatMap((name) => RESTRICTED[name])];
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/**', 'renderer/**'],
    rules: { 'no-restricted-syntax': restrictedSyntax() },
  },
  {
    // Type-aware rules for the app's sources: a promise nobody awaits, a promise where a callback returns nothing,
    // a switch that misses a member of its union, and a condition the types say is always the same.
    files: ['electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unnecessary-condition': 'error',
    },
  },
  {
    files: ['electron/core/**'],
    rules: { 'no-restricted-imports': CORE_LAYER },
  },
  {
    files: ['electron/shared/**'],
    rules: { 'no-restricted-imports': SHARED_LAYER },
  },
  {
    files: ['electron/main/**'],
    rules: { 'no-restricted-imports': MAIN_LAYER },
  },
  {
    files: ['electron/main/ipc.ts'],
    rules: { 'no-restricted-syntax': restrictedSyntax({ except: ['ipcHandle'] }) },
  },
  {
    files: ['electron/main/window.ts'],
    rules: { 'no-restricted-syntax': restrictedSyntax({ except: ['newWindow'] }) },
  },
  {
    files: ['electron/main/web/web-window.ts'],
    rules: { 'no-restricted-syntax': restrictedSyntax({ except: ['newWebWindow'] }) },
  },
  {
    files: ['electron/main/main.ts'],
    rules: {
      'no-restricted-syntax': restrictedSyntax({ except: ['openExternal'], extra: ['openExternalUnwired'] }),
    },
  },
  {
    files: ['electron/preload/**'],
    rules: { 'no-restricted-syntax': restrictedSyntax({ except: ['ipcRenderer'] }) },
  },
  {
    files: ['electron/preload/preload.ts'],
    rules: {
      'no-restricted-syntax': restrictedSyntax({ except: ['ipcRenderer', 'expose'], extra: ['exposeOtherThanBridge'] }),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': RENDERER_LAYER,
    },
  },
  {
    files: ['test/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
