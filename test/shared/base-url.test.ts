import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl, sessionUrlFor } from '../../electron/shared/base-url';

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://jira.example.com/', 'https://jira.example.com'],
    ['  jira.example.com  ', 'https://jira.example.com'],
    ['HTTPS://Jira.Example.COM:8443/jira/', 'https://jira.example.com:8443/jira'],
    ['https://jira.example.com/jira/secure/Dashboard.jspa?selectPageId=1#x', 'https://jira.example.com/jira'],
    ['https://jira.example.com/browse/ABC-1', 'https://jira.example.com'],
    ['http://127.0.0.1:8080/jira/rest/auth/1/session', 'http://127.0.0.1:8080/jira'],
    ['https://[::1]:8443', 'https://[::1]:8443'],
  ])('normalises %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toEqual({ ok: true, baseUrl: expected });
  });

  it.each([
    ['', /Enter the address/],
    ['ftp://jira.example.com', /Only http/],
    ['https://user:pw@jira.example.com', /credentials/],
    ['https://exa mple.com', /not a valid URL/],
    ['javascript:alert(1)', /not a valid URL|Only http/],
  ])('refuses %s with a reason', (input, reason) => {
    const result = normalizeBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('names the session resource under the context path', () => {
    expect(sessionUrlFor('https://jira.example.com/jira')).toBe('https://jira.example.com/jira/rest/auth/1/session');
  });
});
