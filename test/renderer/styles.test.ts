// jsdom cannot render CSS, so these read the stylesheets and the page as text: the dark theme, the tokens, the CSP.
// The shared stylesheets live in renderer/src/styles, each component's next to it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/content-security-policy';

const sourceDir = join(import.meta.dirname, '../../renderer/src');
const read = (name: string) => readFileSync(join(sourceDir, name), 'utf8');
const stylesheets = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.css'))
  .map((name) => name.split('\\').join('/'));

function customProperties(block: string): Set<string> {
  return new Set(Array.from(block.matchAll(/(--[\w-]+)\s*:/g), (match) => match[1] ?? ''));
}

describe('light and dark', () => {
  const tokens = read('styles/tokens.css');
  const darkAt = tokens.indexOf('@media (prefers-color-scheme: dark)');

  test('the tokens follow the OS colour scheme', () => {
    expect(darkAt).toBeGreaterThan(0);
    expect(tokens).toMatch(/color-scheme:\s*light dark/);
  });

  test('the dark theme redefines every colour and shadow token of the light one', () => {
    const light = customProperties(tokens.slice(0, darkAt));
    const dark = customProperties(tokens.slice(darkAt));
    const themed = [...light].filter((name) => name.startsWith('--color-') || name.startsWith('--shadow-'));
    expect(themed.length).toBeGreaterThan(30);
    expect(themed.filter((name) => !dark.has(name))).toEqual([]);
  });

  test('colours live in the tokens only', () => {
    for (const name of stylesheets.filter((file) => file !== 'styles/tokens.css')) {
      expect({ name, hex: read(name).match(/#[0-9a-f]{3,8}\b/gi) ?? [] }).toEqual({ name, hex: [] });
    }
  });

  test('every var() used is a defined token (or a local one)', () => {
    const defined = new Set(stylesheets.flatMap((name) => [...customProperties(read(name))]));
    const used = new Set(
      stylesheets.flatMap((name) => Array.from(read(name).matchAll(/var\((--[\w-]+)/g), (m) => m[1])),
    );
    expect([...used].filter((name) => name && !defined.has(name))).toEqual([]);
  });
});

test('production is a strong solid tag', () => {
  expect(read('components/environment-tag.css')).toMatch(
    /\.env-tag\.env-production\s*{[^}]*background:\s*var\(--color-production\)/,
  );
  expect(read('components/server-list-item.css')).toMatch(
    /\.server-item\.env-production::before\s*{[^}]*var\(--color-production\)/,
  );
  expect(read('components/server-pane.css')).toMatch(
    /\.pane\.env-production \.pane-header\s*{[^}]*var\(--color-production\)/,
  );
});

test('keyboard focus is always visible and motion can be reduced', () => {
  expect(read('styles/base.css')).toMatch(/:focus-visible\s*{[^}]*outline:\s*2px solid var\(--color-focus\)/);
  expect(read('styles/base.css')).toContain('@media (prefers-reduced-motion: reduce)');
});

test('every stylesheet is found, and each component stylesheet is imported by its component', () => {
  expect(stylesheets).toEqual(expect.arrayContaining(['styles/tokens.css', 'components/notice.css']));
  expect(stylesheets.length).toBeGreaterThan(15);
  for (const name of stylesheets.filter((file) => file.startsWith('components/'))) {
    const component = read(name.replace(/\.css$/, '.tsx'));
    expect({ name, imported: component.includes(`import './${name.split('/').pop()}';`) }).toEqual({
      name,
      imported: true,
    });
  }
});

test('nothing is loaded from outside the app (the CSP would block it anyway)', () => {
  for (const name of stylesheets) expect(read(name)).not.toMatch(/url\(|@import\s+['"]?https?:/);
});

test("the page carries the app's Content-Security-Policy and loads only its own module", () => {
  const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  // The same policy main sends as a header, less frame-ancestors (which a meta tag cannot carry).
  expect(csp).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  expect(html).toContain('<div id="root"></div>');
  expect(html).toContain('<script type="module" src="./src/main.tsx"></script>');
  expect(html).not.toMatch(/https?:\/\//);
});
