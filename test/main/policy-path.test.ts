// The policy file's place per platform: the system-wide folder only administrators write to, resolved in main from
// the platform and the environment (Electron mocked, as for every main-process test).
import { describe, expect, it, vi } from 'vitest';
import { policyFilePath } from '../../electron/main/policy-path';

vi.mock('electron', () => import('./electron-mock').then((mock) => mock.electronModule));

describe('policyFilePath', () => {
  it.each([
    ['linux', {}, '/etc/jira-session-manager/policy.json'],
    ['freebsd', {}, '/etc/jira-session-manager/policy.json'],
    ['darwin', {}, '/Library/Application Support/Jira Session Manager/policy.json'],
    ['win32', { ProgramData: 'C:\\ProgramData' }, 'C:\\ProgramData\\Jira Session Manager\\policy.json'],
    ['win32', { ProgramData: 'D:\\Data' }, 'D:\\Data\\Jira Session Manager\\policy.json'],
    ['win32', {}, 'C:\\ProgramData\\Jira Session Manager\\policy.json'],
  ] as const)('on %s with %o is %s', (platform, env, expected) => {
    expect(policyFilePath(platform, env)).toBe(expected);
  });

  it('is not moved by the variables a person could set', () => {
    const env = { HOME: '/home/fred', XDG_CONFIG_HOME: '/home/fred/.config', APPDATA: 'C:\\Users\\fred' };
    expect(policyFilePath('linux', env)).toBe('/etc/jira-session-manager/policy.json');
    expect(policyFilePath('win32', env)).toBe('C:\\ProgramData\\Jira Session Manager\\policy.json');
  });
});
