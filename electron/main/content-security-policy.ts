// The renderer's Content-Security-Policy, sent as a response header with every HTML document served from app://.
// - connect-src 'self': the renderer never talks to Jira; every HTTP call is made by main.
// - img-src data:: avatars are fetched by main and handed over as data: URIs.
// - no 'unsafe-eval' and no 'unsafe-inline' for scripts: only the bundled files run.
// - style-src has no 'unsafe-inline' either: Vite emits CSS as files, and React applies style={{...}} props through
//   the CSSOM (element.style), which CSP does not govern. Only <style> elements and style="" attributes written
//   into markup would need it, and allowing them would re-open CSS injection for no benefit.
// - frame-ancestors only works as a header (not in a meta tag), which is one reason main sends it.
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
