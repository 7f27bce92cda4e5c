import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl, plainHttpWarning, sessionUrlFor } from '../../electron/shared/base-url';

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://jira.example.com/', 'https://jira.example.com'],
    ['  jira.example.com  ', 'https://jira.example.com'],
    ['HTTPS://Jira.Example.COM:8443/jira/', 'https://jira.example.com:8443/jira'],
    ['https://jira.example.com/jira/secure/Dashboard.jspa?selectPageId=1#x', 'https://jira.example.com/jira'],
    ['https://jira.example.com/browse/ABC-1', 'https://jira.example.com'],
    ['http://127.0.0.1:8080/jira/rest/auth/1/session', 'http://127.0.0.1:8080/jira'],
    ['https://[::1]:8443', 'https://[::1]:8443'],
    ['localhost:8080', 'https://localhost:8080'],
    ['jira.example.com:8443/jira', 'https://jira.example.com:8443/jira'],
  ])('normalises %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toEqual({ ok: true, baseUrl: expected });
  });

  it.each([
    ['', /Enter the address/],
    ['ftp://jira.example.com', /Only http/],
    ['https://user:pw@jira.example.com', /credentials/],
    ['https://exa mple.com', /not a valid URL/],
    ['javascript:alert(1)', /not a valid URL|Only http|two slashes/],
    ['https:/jira.example.com', /two slashes/],
    ['https:jira.example.com', /two slashes/],
    ['https://jira.example.com:0', /Port 0/],
    ['http://127.0.0.1:0/jira', /Port 0/],
  ])('refuses %s with a reason', (input, reason) => {
    const result = normalizeBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('names the session resource under the context path', () => {
    expect(sessionUrlFor('https://jira.example.com/jira')).toBe('https://jira.example.com/jira/rest/auth/1/session');
  });
});

describe('plainHttpWarning', () => {
  it('warns that http:// carries the password and session in clear, and says nothing for https://', () => {
    expect(plainHttpWarning('http://jira.example.com')).toMatch(
      /^Not encrypted: the password and session travel in clear/,
    );
    expect(plainHttpWarning('https://jira.example.com')).toBeUndefined();
  });
});
