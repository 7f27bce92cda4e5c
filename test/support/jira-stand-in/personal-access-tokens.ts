// Personal access tokens (Jira 8.14+): the /rest/pat/latest/tokens resources and the Bearer scheme. Only a hash of
// each token is kept; the raw value is shown once, in the creation answer. A Bearer request authenticates that one
// request as the token's owner and never creates an HTTP session.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Exchange, Handler, JiraInstance, Reply, Routes } from './jira-api';
import { formatJiraTime } from './jira-time';
import { json, notAuthenticated, notFound, readBody } from './replies';
import { SessionTable } from './sessions';
import type { PersonalAccessTokenRecord } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_NAME_LENGTH = 255;

interface StoredToken extends PersonalAccessTokenRecord {
  hash: Buffer;
}

function hashOf(raw: string): Buffer {
  return createHash('sha256').update(raw).digest();
}

export class TokenStore {
  private readonly tokens = new Map<number, StoredToken>();
  private nextId = 1;

  create(owner: string, name: string, days: number | undefined, now: number): { token: StoredToken; raw: string } {
    const raw = randomBytes(33).toString('base64');
    const expiringAt = days === undefined ? undefined : now + days * DAY_MS;
    const token: StoredToken = { id: this.nextId++, owner, name, createdAt: now, expiringAt, hash: hashOf(raw) };
    this.tokens.set(token.id, token);
    return { token, raw };
  }

  ofOwner(owner: string): StoredToken[] {
    return [...this.tokens.values()].filter((token) => token.owner === owner);
  }

  /** False for an unknown id and for someone else's token: neither may be revealed to exist. */
  revoke(owner: string, id: number): boolean {
    return this.tokens.get(id)?.owner === owner && this.tokens.delete(id);
  }

  /** The live token with this raw value, its use recorded; undefined when unknown, revoked or expired. */
  authenticate(raw: string, now: number): StoredToken | undefined {
    const hash = hashOf(raw);
    const token = [...this.tokens.values()].find((candidate) => timingSafeEqual(candidate.hash, hash));
    if (token === undefined || (token.expiringAt !== undefined && token.expiringAt <= now)) return undefined;
    token.lastAccessedAt = now;
    return token;
  }

  /** Test hook: every stored token, without its hash. */
  records(): PersonalAccessTokenRecord[] {
    return [...this.tokens.values()].map(({ hash: _hash, ...record }) => ({ ...record }));
  }

  /** Test hook: moves a token's times back, as if it had been created `ms` earlier. */
  age(id: number, ms: number): void {
    const token = this.tokens.get(id);
    if (token === undefined) throw new Error(`The stand-in has no personal access token ${id}.`);
    token.createdAt -= ms;
    if (token.expiringAt !== undefined) token.expiringAt -= ms;
    if (token.lastAccessedAt !== undefined) token.lastAccessedAt -= ms;
  }
}

function tokenJson(token: PersonalAccessTokenRecord): Record<string, string | number> {
  return {
    id: token.id,
    name: token.name,
    createdAt: formatJiraTime(token.createdAt),
    ...(token.expiringAt !== undefined ? { expiringAt: formatJiraTime(token.expiringAt) } : {}),
    ...(token.lastAccessedAt !== undefined ? { lastAccessedAt: formatJiraTime(token.lastAccessedAt) } : {}),
  };
}

/**
 * For a REST request carrying `Authorization: Bearer`: the exchange as the token's owner, or a JSON 401 (without
 * Seraph's login reason, as Jira answers a bad token). Undefined when the request carries no Bearer token.
 */
export function authenticateBearer(exchange: Exchange, jira: JiraInstance): Exchange | Reply | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(exchange.req.headers.authorization ?? '');
  if (match?.[1] === undefined || !exchange.path.startsWith('/rest/')) return undefined;
  const token = jira.tokens.authenticate(match[1], exchange.now);
  if (token === undefined) return notAuthenticated();
  return { ...exchange, session: SessionTable.transient(token.owner, exchange.now), bearer: true };
}

function invalid(message: string): Reply {
  return json(400, { errorMessages: [message], errors: {} });
}

const listTokens: Handler = (exchange, jira) => {
  if (exchange.session === undefined) return notAuthenticated();
  return json(200, jira.tokens.ofOwner(exchange.session.username).map(tokenJson));
};

const createToken: Handler = async (exchange, jira) => {
  if (exchange.session === undefined) return notAuthenticated();
  if (!/^application\/json\b/i.test(exchange.req.headers['content-type'] ?? '')) return { status: 415 };
  let body: unknown;
  try {
    body = JSON.parse((await readBody(exchange.req)) ?? '');
  } catch {
    return invalid('The request body is not valid JSON.');
  }
  const { name, expirationDuration } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    return invalid(`A token needs a name of 1 to ${MAX_NAME_LENGTH} characters.`);
  }
  let days: number | undefined;
  if (expirationDuration !== undefined && expirationDuration !== null) {
    if (typeof expirationDuration !== 'number' || !Number.isInteger(expirationDuration) || expirationDuration <= 0) {
      return invalid('expirationDuration must be a whole number of days greater than 0.');
    }
    days = expirationDuration;
  }
  const { token, raw } = jira.tokens.create(exchange.session.username, name.trim(), days, exchange.now);
  return json(201, { ...tokenJson(token), rawToken: raw });
};

const revokeToken: Handler = (exchange, jira) => {
  if (exchange.session === undefined) return notAuthenticated();
  const id = Number(exchange.path.slice(exchange.path.lastIndexOf('/') + 1));
  if (Number.isInteger(id) && jira.tokens.revoke(exchange.session.username, id)) return { status: 204 };
  return notFound(exchange.path);
};

export const TOKEN_ROUTES: Routes = {
  '/rest/pat/latest/tokens': { GET: listTokens, POST: createToken },
  '/rest/pat/latest/tokens/{id}': { DELETE: revokeToken },
};
