import { describe, expect, it, vi } from 'vitest';
import { allowedExternalUrl, createExternalLinkOpener } from '../../electron/main/external-links';

const profiles = [{ baseUrl: 'https://jira.example.com/jira' }, { baseUrl: 'http://jira-test.internal:8080' }];

describe('allowedExternalUrl', () => {
  it.each([
    'https://jira.example.com/jira/browse/ABC-1',
    'https://jira.example.com/',
    'https://JIRA.example.com:443/secure/Dashboard.jspa',
    'http://jira-test.internal:8080/login.jsp',
  ])('allows %s (a saved server origin)', (url) => {
    expect(allowedExternalUrl(url, profiles)?.href).toBe(new URL(url).href);
  });

  it.each([
    ['another host', 'https://evil.example.com/jira'],
    ['a look-alike host', 'https://jira.example.com.evil.net/'],
    ['another port', 'https://jira.example.com:8443/jira'],
    ['another scheme on the same host', 'http://jira.example.com/jira'],
    ['credentials in the URL', 'https://user:pw@jira.example.com/jira'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,hi'],
    ['a custom scheme', 'app://jira-session-manager/index.html'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(allowedExternalUrl(url, profiles)).toBeNull();
  });

  it('refuses everything when no server is saved and skips unparseable saved URLs', () => {
    expect(allowedExternalUrl('https://jira.example.com/', [])).toBeNull();
    expect(allowedExternalUrl('https://jira.example.com/', [{ baseUrl: '::bad::' }])).toBeNull();
  });
});

describe('createExternalLinkOpener', () => {
  const setup = () => {
    const openExternal = vi.fn(async (_url: string) => undefined);
    const opener = createExternalLinkOpener({ listProfiles: async () => profiles, openExternal });
    return { openExternal, opener };
  };

  it('opens an allowed URL in the system browser', async () => {
    const { openExternal, opener } = setup();
    await opener.open('https://jira.example.com/jira/browse/ABC-1');
    expect(openExternal).toHaveBeenCalledWith('https://jira.example.com/jira/browse/ABC-1');
  });

  it('rejects anything else with invalid-input and opens nothing', async () => {
    const { openExternal, opener } = setup();
    await expect(opener.open('https://evil.example.com/')).rejects.toMatchObject({
      info: { kind: 'invalid-input' },
    });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('openIfAllowed reports whether it opened', async () => {
    const { openExternal, opener } = setup();
    await expect(opener.openIfAllowed('https://evil.example.com/')).resolves.toBe(false);
    await expect(opener.openIfAllowed('http://jira-test.internal:8080/')).resolves.toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('openFromJira sends any plain http(s) link from a Jira page to the browser, and nothing else', async () => {
    const { openExternal, opener } = setup();
    await expect(opener.openFromJira('https://docs.atlassian.com/jira/')).resolves.toBe(true);
    await expect(opener.openFromJira('https://user:secret@evil.example.com/')).resolves.toBe(false);
    await expect(opener.openFromJira('file:///etc/passwd')).resolves.toBe(false);
    await expect(opener.openFromJira('not a url')).resolves.toBe(false);
    expect(openExternal.mock.calls).toEqual([['https://docs.atlassian.com/jira/']]);
  });
});
