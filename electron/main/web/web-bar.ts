// The bar above Jira's page: whose server this is, which environment, where the page is, and the browser buttons.
// It is our own HTML without a line of script, loaded as a data: URL into a view of its own, so the page below can
// neither hide nor imitate it. Its buttons are links to https://web-bar.invalid/<command>, which the view's
// will-navigate handler stops and carries out (`.invalid` can never resolve, should one slip through).
import type { Environment } from '../../shared/model';

export const BAR_HEIGHT = 44;
export const BAR_COMMAND_ORIGIN = 'https://web-bar.invalid';
export const BAR_COMMANDS = ['back', 'forward', 'reload', 'copy-address'] as const;
export type BarCommand = (typeof BAR_COMMANDS)[number];

export interface BarState {
  label: string;
  /** Undefined for a server nobody has said the environment of: a neutral bar, never production's red. */
  environment: Environment | undefined;
  /** The host of the page shown now (the identity provider's during a sign-in). */
  host: string;
  canGoBack: boolean;
  canGoForward: boolean;
  signingIn: boolean;
}

/** Background and text per environment; every pair has a contrast ratio of at least 4.5:1. */
export const ENVIRONMENT_COLOURS: Readonly<Record<Environment, { background: string; text: string }>> = {
  production: { background: '#b42318', text: '#ffffff' },
  staging: { background: '#f5b400', text: '#1f1f1f' },
  test: { background: '#0f6e66', text: '#ffffff' },
  development: { background: '#2f4b7c', text: '#ffffff' },
};
export const UNSET_ENVIRONMENT_COLOURS = { background: '#4b5465', text: '#ffffff' } as const;

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

function button(command: BarCommand, text: string, title: string, enabled = true): string {
  if (!enabled) return `<span class="button" aria-disabled="true" title="${title}">${text}</span>`;
  return `<a class="button" href="${BAR_COMMAND_ORIGIN}/${command}" title="${title}" draggable="false">${text}</a>`;
}

export function renderBar(state: BarState): string {
  const colours = state.environment ? ENVIRONMENT_COLOURS[state.environment] : UNSET_ENVIRONMENT_COLOURS;
  const status = state.signingIn ? '<span class="status">Signing in</span>' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${escapeHtml(state.label)}</title>
<style>
html, body { margin: 0; height: 100%; overflow: hidden; user-select: none; }
body { display: flex; align-items: center; gap: 8px; padding: 0 10px; box-sizing: border-box;
  font: 13px system-ui, sans-serif; background: ${colours.background}; color: ${colours.text}; }
.button { color: inherit; text-decoration: none; padding: 4px 8px; border-radius: 4px;
  border: 1px solid currentColor; white-space: nowrap; }
.button[aria-disabled] { opacity: 0.5; }
.button:hover:not([aria-disabled]), .button:focus-visible { background: rgba(0, 0, 0, 0.2); outline: none; }
.label { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.environment { text-transform: uppercase; font-size: 11px; font-weight: 700; letter-spacing: 0.05em; }
.host { font-family: ui-monospace, monospace; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  flex: 1; }
.status { font-weight: 600; }
</style></head>
<body>
<nav aria-label="Page">
${button('back', '&#8592;', 'Back (Alt+Left)', state.canGoBack)}
${button('forward', '&#8594;', 'Forward (Alt+Right)', state.canGoForward)}
${button('reload', '&#8635;', 'Reload (F5)')}
</nav>
<span class="label">${escapeHtml(state.label)}</span>
<span class="environment">${escapeHtml(state.environment ?? 'environment not set')}</span>
${status}
<span class="host" title="The page is on this host">${escapeHtml(state.host)}</span>
${button('copy-address', 'Copy page address', 'Copy the address of this page')}
</body></html>`;
}

export function barDataUrl(state: BarState): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(renderBar(state))}`;
}

/** The command a bar link stands for, or null for any other URL. */
export function barCommand(url: string): BarCommand | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== BAR_COMMAND_ORIGIN) return null;
  const command = parsed.pathname.slice(1);
  return (BAR_COMMANDS as readonly string[]).includes(command) ? (command as BarCommand) : null;
}

/** The browser shortcuts the page's view answers to: Alt+Left / Alt+Right, F5 and Ctrl+R (Cmd+R on macOS). */
export function shortcutCommand(
  input: Pick<Electron.Input, 'type' | 'key' | 'alt' | 'control' | 'meta' | 'shift'>,
): BarCommand | null {
  if (input.type !== 'keyDown') return null;
  if (input.alt && !input.control && !input.meta && input.key === 'ArrowLeft') return 'back';
  if (input.alt && !input.control && !input.meta && input.key === 'ArrowRight') return 'forward';
  if (input.key === 'F5') return 'reload';
  if ((input.control || input.meta) && !input.alt && input.key.toLowerCase() === 'r') return 'reload';
  return null;
}
