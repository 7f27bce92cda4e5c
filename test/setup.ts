// Shared test setup. Renderer tests opt into jsdom per file (`// @vitest-environment jsdom`) and get
// jest-dom matchers here; everything else runs under plain Node.
import '@testing-library/jest-dom/vitest';

// Every test talks to servers on 127.0.0.1; a proxy set in the environment would sit in front of all of them.
// The proxy tests set their own.
for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY']) {
  delete process.env[name];
  delete process.env[name.toLowerCase()];
}
