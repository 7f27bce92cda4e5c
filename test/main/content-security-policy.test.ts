import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_DIRECTIVES,
} from '../../electron/main/content-security-policy';

const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the documented policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows eval or inline code', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('*');
  });

  it('keeps the renderer from talking to anything but the app itself', () => {
    const parsed = directives(CONTENT_SECURITY_POLICY);
    expect(parsed.get('connect-src')).toEqual(["'self'"]);
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
    // Avatars arrive as data: URIs; no other scheme is allowed for images.
    expect(parsed.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('has one entry per directive, none repeated', () => {
    const names = CONTENT_SECURITY_POLICY.split('; ').map((part) => part.split(' ')[0]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(Object.keys(CONTENT_SECURITY_POLICY_DIRECTIVES));
  });
});
