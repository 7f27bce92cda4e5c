// The REST calls behind administrator powers, on a profile's own client: the admin level (mypermissions), ending
// WebSudo, and personal access tokens. Each maps Jira's answer itself; raw tokens pass through and are never logged.
import { z } from 'zod';
import type { CreatedToken, PersonalAccessToken, TokenInput } from '../../shared/admin';
import type { AdminLevel } from '../../shared/model';
import { appError } from '../errors';
import { parseJiraTime } from '../jira/dates';
import { generalFailure, sessionFailure, type HttpAnswer } from '../jira/errors';
import type { JiraClient } from '../jira/jira-client';
import { parseAnswer } from '../jira/jira-payloads';

const TOKENS_PATH = '/rest/pat/latest/tokens';

const permissionSchema = z.object({ havePermission: z.boolean() }).optional();
const myPermissionsSchema = z.object({
  permissions: z.object({ ADMINISTER: permissionSchema, SYSTEM_ADMIN: permissionSchema }),
});

const time = z.unknown().transform(parseJiraTime).optional();
const tokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: time,
  expiringAt: time,
  lastAccessedAt: time,
});
const createdTokenSchema = tokenSchema.extend({ rawToken: z.string().min(1) });

/** What a failed call means: a stale session (JSON or Seraph's HTML 401) is an expiry, the rest as everywhere. */
function failure(client: JiraClient, answer: HttpAnswer): Error {
  if (answer.status === 401) return sessionFailure(answer, client.now(), client.hasSession());
  return generalFailure(answer, client.now());
}

/** 403 or 404 from /rest/pat: a Jira before 8.14, or tokens switched off. */
function tokensFailure(client: JiraClient, answer: HttpAnswer): Error {
  if (answer.status === 403 || answer.status === 404) {
    return appError('tokens-unavailable', 'Personal access tokens are not available on this server.', {
      status: answer.status,
    });
  }
  return failure(client, answer);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** GET /rest/api/2/mypermissions?permissions=ADMINISTER,SYSTEM_ADMIN. */
export async function fetchAdminLevel(client: JiraClient): Promise<AdminLevel> {
  const answer = await client.request('GET', '/rest/api/2/mypermissions?permissions=ADMINISTER,SYSTEM_ADMIN');
  if (answer.status !== 200) throw failure(client, answer);
  const { permissions } = parseAnswer(answer, myPermissionsSchema);
  if (permissions.SYSTEM_ADMIN?.havePermission === true) return 'system-admin';
  return permissions.ADMINISTER?.havePermission === true ? 'admin' : 'none';
}

/** DELETE /rest/auth/1/websudo with the session: 204 once the secure administrator session is over. */
export async function releaseWebSudo(client: JiraClient): Promise<void> {
  const answer = await client.request('DELETE', '/rest/auth/1/websudo');
  if (answer.status !== 204 && answer.status !== 200) throw failure(client, answer);
}

/**
 * Before a sign-out: end admin access too, so a session that somehow lives on holds no WebSudo. Only a cookie
 * session can hold it. Jira's refusals are left to the sign-out; a network failure is thrown, so the sign-out does
 * not wait for the same unreachable server twice.
 */
export async function endAdminAccessBeforeSignOut(client: JiraClient): Promise<void> {
  if (!client.cookieNames().includes('JSESSIONID')) return;
  await releaseWebSudo(client).catch((error: unknown) => {
    const kind = (error as { kind?: unknown }).kind;
    if (kind === 'unreachable' || kind === 'timeout') throw error;
  });
}

export async function listTokens(client: JiraClient): Promise<PersonalAccessToken[]> {
  const answer = await client.request('GET', TOKENS_PATH);
  if (answer.status !== 200) throw tokensFailure(client, answer);
  return parseAnswer(answer, z.array(tokenSchema)).map(withoutUndefined);
}

/** POST with the name and the lifetime in days: the answer is the only time the raw token is seen. */
export async function createToken(client: JiraClient, input: TokenInput): Promise<CreatedToken> {
  const answer = await client.request('POST', TOKENS_PATH, {
    name: input.name,
    expirationDuration: input.expiresInDays,
  });
  if (answer.status !== 201 && answer.status !== 200) throw tokensFailure(client, answer);
  return withoutUndefined(parseAnswer(answer, createdTokenSchema));
}

export async function revokeToken(client: JiraClient, tokenId: number): Promise<void> {
  const answer = await client.request('DELETE', `${TOKENS_PATH}/${tokenId}`);
  if (answer.status === 204 || answer.status === 200) return;
  // A 404 for one token, on a server that has the resource, means it is gone already (or is not yours).
  if (answer.status === 404 && (await tokensAvailable(client))) {
    throw appError('not-found', 'That token does not exist any more (it may have been revoked already).');
  }
  throw tokensFailure(client, answer);
}

async function tokensAvailable(client: JiraClient): Promise<boolean> {
  const answer = await client.request('GET', TOKENS_PATH);
  return answer.status === 200;
}
