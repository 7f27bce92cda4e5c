import { describe, expect, it } from 'vitest';
import {
  ENVIRONMENT_COLOURS,
  UNSET_ENVIRONMENT_COLOURS,
  barCommand,
  barDataUrl,
  escapeHtml,
  renderBar,
  shortcutCommand,
} from '../../../electron/main/web/web-bar';
import type { BarState } from '../../../electron/main/web/web-bar';
import { ENVIRONMENTS } from '../../../electron/shared/model';

const state = (overrides: Partial<BarState> = {}): BarState => ({
  label: 'Prod',
  environment: 'production',
  host: 'jira.example.com',
  canGoBack: false,
  canGoForward: false,
  signingIn: false,
  ...overrides,
});

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe('the bar', () => {
  it.each(ENVIRONMENTS)('%s: its colours are readable (at least 4.5:1)', (environment) => {
    const { background, text } = ENVIRONMENT_COLOURS[environment];
    expect(contrast(background, text)).toBeGreaterThanOrEqual(4.5);
    expect(renderBar(state({ environment }))).toContain(`background: ${background}; color: ${text};`);
  });

  it('shows a server without an environment in a neutral, readable bar, never red', () => {
    const { background, text } = UNSET_ENVIRONMENT_COLOURS;
    expect(contrast(background, text)).toBeGreaterThanOrEqual(4.5);
    const html = renderBar(state({ environment: undefined }));
    expect(html).toContain(`background: ${background}; color: ${text};`);
    expect(html).toContain('<span class="environment">environment not set</span>');
    expect(html).not.toContain(ENVIRONMENT_COLOURS.production.background);
  });

  it('marks production red and staging amber', () => {
    expect(ENVIRONMENT_COLOURS.production.background).toBe('#b42318');
    expect(ENVIRONMENT_COLOURS.staging.background).toBe('#f5b400');
  });

  it('escapes whatever the label and host hold', () => {
    const html = renderBar(state({ label: `</title><img src=x onerror='alert(1)'>`, host: 'a"<b>' }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/title&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;');
    expect(html).toContain('a&quot;&lt;b&gt;');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('says when the window is signing in', () => {
    expect(renderBar(state({ signingIn: true }))).toContain('Signing in');
    expect(renderBar(state())).not.toContain('Signing in');
  });

  it('is a data: URL of its HTML', () => {
    const url = barDataUrl(state());
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(renderBar(state()));
  });
});

describe('barCommand', () => {
  it.each([
    ['https://web-bar.invalid/back', 'back'],
    ['https://web-bar.invalid/forward', 'forward'],
    ['https://web-bar.invalid/reload', 'reload'],
    ['https://web-bar.invalid/copy-address', 'copy-address'],
    ['https://web-bar.invalid/format-disk', null],
    ['http://web-bar.invalid/back', null],
    ['https://web-bar.invalid.evil.example/back', null],
    ['https://evil.example/https://web-bar.invalid/back', null],
    ['not a url', null],
  ])('%s → %s', (url, command) => {
    expect(barCommand(url)).toBe(command);
  });
});

describe('shortcutCommand', () => {
  const key = (input: Partial<Parameters<typeof shortcutCommand>[0]>) =>
    shortcutCommand({ type: 'keyDown', key: '', alt: false, control: false, meta: false, shift: false, ...input });

  it.each([
    [{ key: 'ArrowLeft', alt: true }, 'back'],
    [{ key: 'ArrowRight', alt: true }, 'forward'],
    [{ key: 'F5' }, 'reload'],
    [{ key: 'r', control: true }, 'reload'],
    [{ key: 'R', meta: true }, 'reload'],
    [{ key: 'ArrowLeft' }, null],
    [{ key: 'ArrowLeft', alt: true, control: true }, null],
    [{ key: 'r' }, null],
    [{ key: 'F5', type: 'keyUp' }, null],
  ])('%o → %s', (input, command) => {
    expect(key(input)).toBe(command);
  });
});
