// Who the session belongs to and what the server is: myself, serverInfo and the admin level in parallel, with the
// avatar fetched alongside at the URL Jira normally uses, so a sign-in costs two round trips on the critical path, not three.
import type { ServerProfile, SessionState } from '../../shared/model';
import type { JiraClient, SessionFacts } from '../jira/jira-client';
import { toSessionUser } from '../jira/jira-payloads';
import { fetchAdminLevel } from '../admin/admin-api';

export async function loadSessionDetails(
  client: JiraClient,
  profile: ServerProfile,
  username: string,
): Promise<Pick<SessionState, 'user' | 'serverInfo' | 'adminLevel'>> {
  const predictedAvatar = {
    '48x48': `${profile.baseUrl}/secure/useravatar?size=large&ownerId=${encodeURIComponent(username)}`,
  };
  const [bean, serverInfo, predicted, adminLevel] = await Promise.all([
    client.myself(),
    client.serverInfo(),
    client.avatarDataUri(predictedAvatar).catch(() => undefined),
    // Not knowing whether the account administers the server must not cost the sign-in: the mark stays off.
    fetchAdminLevel(client).catch(() => undefined),
  ]);
  const actualAvatar = bean.avatarUrls?.['48x48'];
  const avatar =
    predicted ??
    (actualAvatar && actualAvatar !== predictedAvatar['48x48']
      ? await client.avatarDataUri(bean.avatarUrls).catch(() => undefined)
      : undefined);
  return { user: toSessionUser(bean, avatar), serverInfo, ...(adminLevel ? { adminLevel } : {}) };
}

/** What a session check tells about the session itself: the cluster node and the login history. */
export function sessionFacts(facts: SessionFacts): Partial<SessionState> {
  return { nodeId: facts.nodeId, ...(facts.loginInfo ? { loginInfo: facts.loginInfo } : {}) };
}
