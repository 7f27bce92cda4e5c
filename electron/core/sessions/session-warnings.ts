// Things worth a look that are not failures: the server names another base URL, or failed sign-ins piled up on
// the account since the last check.
import type { ServerInfo, ServerProfile, SessionState } from '../../shared/model';
import type { SessionFacts } from '../jira/jira-client';

export function serverWarnings(profile: ServerProfile, serverInfo: ServerInfo | undefined): string[] {
  if (!serverInfo) return [];
  const reported = serverInfo.baseUrl.replace(/\/+$/, '');
  if (reported.toLowerCase() === profile.baseUrl.toLowerCase()) return [];
  return [
    `Jira reports its base URL as ${reported}, but this profile uses ${profile.baseUrl}. A proxy may be in between, or the address may be wrong.`,
  ];
}

export function growingFailures(previous: SessionState, facts: SessionFacts, warnings: string[]): string[] {
  // Jira leaves failedLoginCount out while it is null (no failure yet): with loginInfo present that means none.
  const before = previous.loginInfo ? (previous.loginInfo.failedLoginCount ?? 0) : undefined;
  const after = facts.loginInfo ? (facts.loginInfo.failedLoginCount ?? 0) : undefined;
  if (before === undefined || after === undefined || after <= before) return warnings;
  const grown = after - before;
  return [
    ...warnings,
    `${grown} failed sign-in attempt${grown === 1 ? '' : 's'} on this account since the last check.`,
  ];
}

/** A web sign-in may end as another account than the profile names (single sign-on picks the account). */
export function otherUserWarning(profile: ServerProfile, username: string): string[] {
  if (profile.username === '' || profile.username.toLowerCase() === username.toLowerCase()) return [];
  return [`Signed in on the web page as ${username}, not as ${profile.username} as this profile says.`];
}
