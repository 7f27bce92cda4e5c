// Applies the administrator's policy (policy-file.ts) to the store at start and after a reset, and answers the
// rules it sets while the app runs: locked servers merged into the list by their stable id, the floor under every
// check interval, no remembered passwords, no secrets on disk without the OS keychain.
import { MIN_POLL_INTERVAL_SECONDS } from '../../shared/limits';
import type { AppSettings, PasswordCredentials, ProfileInput } from '../../shared/model';
import { checkIntervalFloor, POLICY_REASONS, type PolicyInfo } from '../../shared/policy';
import { appError } from '../errors';
import type { LogSink } from '../ports';
import type { SecretStore } from '../secrets/secret-store';
import type { DocumentStore, StoreDocument } from '../store/document-store';
import { readPolicyFile, type LoadedPolicy, type ManagedServer } from './policy-file';

export class ManagedPolicy {
  constructor(private readonly loaded: LoadedPolicy) {}

  get info(): PolicyInfo {
    return this.loaded.info;
  }

  /** The shortest check interval allowed, in seconds. */
  get floorSeconds(): number {
    return checkIntervalFloor(this.loaded.info, MIN_POLL_INTERVAL_SECONDS);
  }

  /** A shorter interval is raised to the floor (saving, importing). */
  withFloor(input: ProfileInput): ProfileInput {
    const seconds = input.pollIntervalSeconds;
    return seconds !== undefined && seconds < this.floorSeconds
      ? { ...input, pollIntervalSeconds: this.floorSeconds }
      : input;
  }

  /** Raises a shorter default interval; refuses to opt in to secrets without a keychain when one is required. */
  settingsPatch(patch: Partial<AppSettings>): Partial<AppSettings> {
    if (patch.persistSecretsWithoutKeychain === true && this.info.requireKeychain) {
      throw appError('managed-by-policy', POLICY_REASONS.keychain);
    }
    const seconds = patch.defaultPollIntervalSeconds;
    return seconds !== undefined && seconds < this.floorSeconds
      ? { ...patch, defaultPollIntervalSeconds: this.floorSeconds }
      : patch;
  }

  /** Refuses "Remember password" when the policy forbids it. */
  credentials(credentials: PasswordCredentials): PasswordCredentials {
    if (credentials.rememberPassword === true && this.info.forbidRememberedPasswords) {
      throw appError('managed-by-policy', POLICY_REASONS.rememberedPasswords, { field: 'rememberPassword' });
    }
    return credentials;
  }

  /**
   * What the policy asks of the store: its servers, the floor, the keychain. Run before the sessions restore;
   * answers the locked servers whose address, user or sign-in method changed (their sessions must go).
   */
  applyToStore(store: DocumentStore, log: LogSink): string[] {
    const floor = this.floorSeconds;
    const draft = structuredClone(store.read());
    const moved = mergeManagedServers(draft, this.loaded.servers, log);
    for (const profile of draft.profiles) profile.pollIntervalSeconds = Math.max(profile.pollIntervalSeconds, floor);
    draft.settings.defaultPollIntervalSeconds = Math.max(draft.settings.defaultPollIntervalSeconds, floor);
    if (this.info.requireKeychain) draft.settings.persistSecretsWithoutKeychain = false;
    // Written only when the policy changed something: a start with nothing to do writes nothing.
    if (JSON.stringify(draft) !== JSON.stringify(store.read()))
      store.update((document) => Object.assign(document, draft));
    return moved;
  }

  /** What the policy asks of the secrets: remembered passwords forgotten, none sealed without a real keychain. */
  async applyToSecrets(secrets: SecretStore, profileIds: string[], log: LogSink): Promise<void> {
    if (this.info.requireKeychain && secrets.level !== 'os-keychain') await secrets.syncPersistence(() => undefined);
    if (!this.info.forbidRememberedPasswords) return;
    for (const profileId of profileIds.filter((id) => secrets.has(id, 'password'))) {
      secrets.delete(profileId, 'password');
      log('info', 'A remembered password was forgotten: the policy does not allow them', { profileId });
    }
  }
}

/**
 * Each policy server is added or brought up to date by its stable id: its name, address, user, environment and
 * sign-in method come from the policy; where it sits in the list and how often it is checked stay the person's. A
 * new address, user or method drops its sealed session. A server the policy no longer names is unlocked and stays.
 */
function mergeManagedServers(draft: StoreDocument, servers: ManagedServer[], log: LogSink): string[] {
  const moved: string[] = [];
  const wanted = new Set(servers.map((server) => server.profileId));
  for (const profile of draft.profiles) {
    if (!profile.locked || wanted.has(profile.id)) continue;
    delete profile.locked;
    log('info', 'A server the policy no longer names stays, unlocked', { profileId: profile.id });
  }
  for (const server of servers) {
    const managed = {
      label: server.label,
      baseUrl: server.baseUrl,
      username: server.username,
      environment: server.environment,
      signInMethod: server.signInMethod,
      locked: true as const,
    };
    const existing = draft.profiles.find((profile) => profile.id === server.profileId);
    if (!existing) {
      draft.profiles.push({
        id: server.profileId,
        ...managed,
        pollIntervalSeconds: draft.settings.defaultPollIntervalSeconds,
        keepAlive: draft.settings.defaultKeepAlive,
        ...(server.group ? { group: server.group } : {}),
      });
      continue;
    }
    if ((['baseUrl', 'username', 'signInMethod'] as const).some((key) => existing[key] !== managed[key])) {
      moved.push(existing.id);
    }
    Object.assign(existing, managed);
  }
  return moved;
}

/** Reads the policy file and applies it; a bad file is logged and ignored (the window shows it from `info`). */
export async function openManagedPolicy(
  file: string | undefined,
  store: DocumentStore,
  secrets: SecretStore,
  log: LogSink,
): Promise<ManagedPolicy> {
  const policy = new ManagedPolicy(readPolicyFile(file));
  if (policy.info.problem)
    log('error', 'The policy file is not valid and was ignored', { problem: policy.info.problem });
  else if (policy.info.status === 'applied') log('info', 'The policy file applies', { path: file });
  for (const profileId of policy.applyToStore(store, log)) secrets.forgetProfile(profileId);
  await policy.applyToSecrets(
    secrets,
    store.read().profiles.map((profile) => profile.id),
    log,
  );
  return policy;
}
