// Jira writes times as `yyyy-MM-dd'T'HH:mm:ss.SSSZ` with a colon-less offset (`+0000`), which some parsers
// reject; the stand-in writes exactly that so the client's own parser is exercised. Always UTC here.

/** LoginInfo / serverTime style: `2013-11-27T09:43:28.839+0000`. */
export function formatJiraTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('Z', '+0000');
}

/** UserBean.lastLoginTime style, without milliseconds: `2023-08-30T16:37:01+0000`. */
export function formatJiraTimeSeconds(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}+0000`;
}
