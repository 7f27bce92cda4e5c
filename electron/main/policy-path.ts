// Where the administrator's policy file lives: the system's standard place for machine-wide, administrator-managed
// settings on each platform (docs/policy.md). Only administrators can write there; there is no override from the
// environment or the command line, or anyone could point the app at a policy of their own.
import path from 'node:path';
import { PRODUCT_NAME } from './app-identity';

export const POLICY_FILE_NAME = 'policy.json';

export function policyFilePath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') {
    // %ProgramData% is C:\ProgramData unless Windows was installed elsewhere.
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
    return path.win32.join(programData, PRODUCT_NAME, POLICY_FILE_NAME);
  }
  if (platform === 'darwin') return path.posix.join('/Library/Application Support', PRODUCT_NAME, POLICY_FILE_NAME);
  return path.posix.join('/etc/jira-session-manager', POLICY_FILE_NAME);
}
