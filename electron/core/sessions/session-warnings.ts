// Things worth a look that are not failures: the server names another base URL, or failed sign-ins piled up on
// the account since the last check (a figure of its own, shown as a warning on the row, the toolbar and the tray).
import type { ServerInfo, ServerProfile, SessionState } from '../../shared/model';
import type { SessionFacts } from '../jira/jira-client';

export function serverWarnings(profile: ServerProfile, serverInfo: ServerInfo | undefined): string[] {
  if (!serverInfo) return [];
  const reported = serverInfo.baseUrl.replace(/\/+$/, '');
  if (reported.toLowerCase() === profile.baseUrl.toLowerCase()) return [];
  return [
    `Jira reports its base URL as ${reported}, but it is saved here as ${profile.baseUrl}. A proxy may be in between, or the address may be wrong.`,
  ];
}

/** How much Jira's failedLoginCount grew since the previous check; 0 when it did not, or either does not say. */
export function failuresSinceLastCheck(previous: SessionState, facts: SessionFacts): number {
  // Jira leaves failedLoginCount out while it is null (no failure yet): with loginInfo present that means none.
  const before = previous.loginInfo ? (previous.loginInfo.failedLoginCount ?? 0) : undefined;
  const after = facts.loginInfo ? (facts.loginInfo.failedLoginCount ?? 0) : undefined;
  if (before === undefined || after === undefined || after <= before) return 0;
  return after - before;
}

/** A web sign-in may end as another account than the profile names (single sign-on picks the account). */
export function otherUserWarning(profile: ServerProfile, username: string): string[] {
  if (profile.username === '' || profile.username.toLowerCase() === username.toLowerCase()) return [];
  return [`Signed in on the web page as ${username}, not as ${profile.username} as saved for this server.`];
}
