// Shared test setup. Renderer tests opt into jsdom per file (`// @vitest-environment jsdom`) and get
// jest-dom matchers here; everything else runs under plain Node.
import '@testing-library/jest-dom/vitest';
