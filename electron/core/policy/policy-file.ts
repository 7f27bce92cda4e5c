// Reads the administrator's policy file from the path main resolved. No file is no policy; a file that cannot be
// read, is not JSON or breaks the schema is reported (PolicyInfo.problem, naming the file and the first problem)
// and ignored as a whole — never a crash, never half a policy.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { NO_POLICY, type PolicyInfo } from '../../shared/policy';
import { managedPolicySchema, type ManagedPolicy, type PolicyServer } from '../../shared/policy-schema';
import { sameServerKey } from '../../shared/same-server';

/** A policy file is a few servers and flags; anything this large is not one. */
export const MAX_POLICY_BYTES = 1024 * 1024;

export interface ManagedServer extends PolicyServer {
  /** The profile id: the same on every start for the same entry, so sessions and the list's order stay. */
  profileId: string;
}

export interface LoadedPolicy {
  info: PolicyInfo;
  servers: ManagedServer[];
}

/** `policy-<id>` with the entry's own id, else from its address and user (the same-server rule). */
export function managedProfileId(server: Pick<PolicyServer, 'id' | 'baseUrl' | 'username'>): string {
  if (server.id !== undefined) return `policy-${server.id}`;
  const digest = createHash('sha256').update(sameServerKey(server.baseUrl, server.username)).digest('hex');
  return `policy-${digest.slice(0, 16)}`;
}

export function readPolicyFile(path: string | undefined): LoadedPolicy {
  if (path === undefined) return { info: NO_POLICY, servers: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { info: { ...NO_POLICY, path }, servers: [] };
    return invalid(path, `it cannot be read (${code ?? 'unknown error'})`);
  }
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) return invalid(path, 'it is larger than 1 MiB');
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return invalid(path, `it is not valid JSON (${error instanceof Error ? error.message : 'malformed'})`);
  }
  const parsed = managedPolicySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    const field = where ? where.replace(/^\./, '') : 'the file';
    return invalid(path, `${field}: ${issue?.message ?? 'not a policy'}`);
  }
  return fromPolicy(path, parsed.data);
}

function fromPolicy(path: string, policy: ManagedPolicy): LoadedPolicy {
  const servers: ManagedServer[] = [];
  const seen = new Map<string, number>();
  for (const [index, server] of policy.servers.entries()) {
    const profileId = managedProfileId(server);
    const earlier = seen.get(profileId);
    if (earlier !== undefined) return invalid(path, `servers[${index}]: the same server as servers[${earlier}]`);
    seen.set(profileId, index);
    servers.push({ ...server, profileId });
  }
  const info: PolicyInfo = {
    path,
    status: 'applied',
    forbidRememberedPasswords: policy.forbidRememberedPasswords,
    requireKeychain: policy.requireKeychain,
    ...(policy.minimumCheckIntervalMinutes !== undefined
      ? { minimumCheckIntervalSeconds: policy.minimumCheckIntervalMinutes * 60 }
      : {}),
  };
  return { info, servers };
}

function invalid(path: string, reason: string): LoadedPolicy {
  return {
    info: { ...NO_POLICY, path, status: 'invalid', problem: `The policy file ${path} is ignored: ${reason}.` },
    servers: [],
  };
}
