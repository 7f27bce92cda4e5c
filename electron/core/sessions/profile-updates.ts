// What saving a profile does to its secrets: a proxy password belongs to the proxy it was saved for, and a new
// route or trust (proxy, extra CA, pinned certificate) drops the session unless the person confirms keeping it.
import { sessionUrlFor } from '../../shared/base-url';
import type { ConnectionTestResult, ServerInfo, ServerProfile } from '../../shared/model';
import { withContextPathHint } from '../jira/context-path';
import type { ConfirmKeepSecrets } from '../ports';
import { describeProfileChange, sameProxyCredentials } from '../profiles/profile-changes';
import type { SecretStore } from '../secrets/secret-store';
import type { Runtime, SessionRuntimes } from './session-runtimes';
import { serverWarnings } from './session-warnings';

/** Writes the proxy password with the profile; a saved one is dropped when the proxy or its user changed. */
export async function saveProxyPassword(
  secrets: SecretStore,
  previous: ServerProfile | undefined,
  profile: ServerProfile,
  proxyPassword: string | undefined,
): Promise<void> {
  if (proxyPassword !== undefined && profile.proxyUsername)
    await secrets.put(profile.id, 'proxyPassword', proxyPassword);
  else if (!sameProxyCredentials(previous, profile)) secrets.delete(profile.id, 'proxyPassword');
}

/**
 * Puts a saved profile into its runtime: a new client for the new settings, carrying the session over only when
 * `keepsSecrets` allows it. Returns whether the session was kept.
 */
export async function applySavedProfile(
  host: { runtimes: SessionRuntimes; secrets: SecretStore },
  runtime: Runtime,
  profile: ServerProfile,
  proxyPassword: string | undefined,
  confirm: ConfirmKeepSecrets | undefined,
): Promise<boolean> {
  const { runtimes, secrets } = host;
  await saveProxyPassword(secrets, runtime.profile, profile, proxyPassword);
  const keep = await keepsSecrets(secrets, runtime, profile, confirm);
  const jar = keep.cookies ? runtime.client.serializeJar() : undefined;
  runtime.profile = profile;
  runtime.client.dispose();
  runtime.client = runtimes.createClient(profile, await secrets.get(profile.id, 'proxyPassword'));
  if (jar) runtime.client.restoreJar(jar);
  if (!keep.cookies) {
    secrets.delete(profile.id, 'password');
    runtimes.clearSession(runtime, keep.reason);
  } else runtimes.update(runtime, {});
  return keep.cookies;
}

/** Whether the session and remembered password survive a saved change, and why not when they do not. */
async function keepsSecrets(
  secrets: SecretStore,
  runtime: Runtime,
  profile: ServerProfile,
  confirm: ConfirmKeepSecrets | undefined,
): Promise<{ cookies: boolean; reason?: string }> {
  const change = describeProfileChange(runtime.profile, profile);
  if (change.kind === 'none') return { cookies: true };
  if (change.kind === 'server') return { cookies: false };
  const holdsSecrets = runtime.client.hasSession() || secrets.has(profile.id, 'password');
  if (!holdsSecrets) return { cookies: true };
  const keep = confirm
    ? await confirm({ profileId: profile.id, label: profile.label, baseUrl: profile.baseUrl, parts: change.parts })
    : false;
  if (keep) return { cookies: true };
  return {
    cookies: false,
    reason: `Signed out because the ${change.parts.join(' and ')} changed: sign in again over the new connection.`,
  };
}

/** The cancellation group of every connection test (each has a key of its own, for its client). */
export const CONNECTION_TESTS = 'connection-test';
let tests = 0;

/**
 * Reads serverInfo with the profile as it would be saved; the saved proxy password only for its own proxy. Cancelling
 * CONNECTION_TESTS aborts it.
 */
export function testConnection(
  runtimes: SessionRuntimes,
  secrets: SecretStore,
  profile: ServerProfile,
  proxyPassword: string | undefined,
): Promise<ConnectionTestResult> {
  const key = `${CONNECTION_TESTS}:${++tests}`;
  const run = () => readServerInfo(runtimes, secrets, profile, proxyPassword, key);
  return runtimes.cancellations.track(key, run, CONNECTION_TESTS)();
}

async function readServerInfo(
  runtimes: SessionRuntimes,
  secrets: SecretStore,
  profile: ServerProfile,
  proxyPassword: string | undefined,
  cancelKey: string,
): Promise<ConnectionTestResult> {
  const saved = sameProxyCredentials(runtimes.find(profile.id)?.profile, profile)
    ? await secrets.get(profile.id, 'proxyPassword')
    : undefined;
  const proxy = proxyPassword ?? saved;
  try {
    const serverInfo = await serverInfoAt(runtimes, profile, profile.baseUrl, proxy, cancelKey);
    return { serverInfo, sessionUrl: sessionUrlFor(profile.baseUrl), warnings: serverWarnings(profile, serverInfo) };
  } catch (error) {
    throw await withContextPathHint(error, profile.baseUrl, (candidate) =>
      serverInfoAt(runtimes, profile, candidate, proxy, cancelKey),
    );
  }
}

/** The serverInfo of the profile's server as if its base URL were `baseUrl`, on a client of its own. */
export async function serverInfoAt(
  runtimes: SessionRuntimes,
  profile: ServerProfile,
  baseUrl: string,
  proxyPassword: string | undefined,
  cancelKey?: string,
): Promise<ServerInfo> {
  const client = runtimes.createClient({ ...profile, baseUrl }, proxyPassword, cancelKey);
  try {
    return await client.serverInfo();
  } finally {
    client.dispose();
  }
}
