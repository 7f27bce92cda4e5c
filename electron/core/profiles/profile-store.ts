// Saved servers: validated, normalised, persisted. The id is ours; everything else comes from the user.
import { randomUUID } from 'node:crypto';
import type { ProfileArrangement, ProfileInput, ServerProfile } from '../../shared/model';
import { arrangeProfiles } from '../../shared/arrangement';
import { MAX_PROFILES, MAX_STORE_BYTES } from '../../shared/limits';
import { ENVIRONMENT_REQUIRED } from '../../shared/field-rules';
import { POLICY_REASONS } from '../../shared/policy';
import { profileInputSchema } from '../../shared/schemas';
import { appError } from '../errors';
import { summarizePem } from '../jira/certificates';
import type { DocumentStore } from '../store/document-store';

export interface SaveOptions {
  environmentOptional?: boolean;
}

export class ProfileStore {
  constructor(private readonly store: DocumentStore) {}

  list(): ServerProfile[] {
    return this.store.read().profiles.map((profile) => ({ ...profile }));
  }

  get(profileId: string): ServerProfile {
    const profile = this.find(profileId);
    if (!profile) throw appError('not-found', 'That server is not in the list (it may have been removed).');
    return profile;
  }

  /** One profile (a copy), without copying the whole list as list() does. */
  find(profileId: string): ServerProfile | undefined {
    const profile = this.store.read().profiles.find((candidate) => candidate.id === profileId);
    return profile && { ...profile };
  }

  /**
   * Creates (no id) or replaces (known id) a profile. A new one needs its environment, except from an import
   * (`environmentOptional`): an entry that does not say is saved without one, for the person to choose later.
   */
  save(input: ProfileInput, { environmentOptional = false }: SaveOptions = {}): ServerProfile {
    const previous = input.id !== undefined ? this.changeable(input.id) : undefined;
    if (!previous) {
      if (!input.environment && !environmentOptional) {
        throw appError('invalid-input', ENVIRONMENT_REQUIRED, {
          nextStep: 'Choose it and save again.',
          field: 'environment',
        });
      }
      this.checkRoomForAnother();
    }
    // The editor does not carry the list's arrangement, and an update that does not name the environment keeps the
    // one chosen before (it never turns into a guess): what it leaves out stays as it was.
    const profile = toProfile(
      {
        ...input,
        environment: input.environment ?? previous?.environment,
        group: input.group ?? previous?.group,
        favourite: input.favourite ?? previous?.favourite,
      },
      input.id ?? randomUUID(),
    );
    this.store.update(
      (draft) => {
        const at = draft.profiles.findIndex((candidate) => candidate.id === profile.id);
        if (at >= 0) draft.profiles[at] = profile;
        else draft.profiles.push(profile);
      },
      (bytes) => refuseTooLarge(bytes, input),
    );
    return profile;
  }

  private checkRoomForAnother(): void {
    if (this.store.read().profiles.length < MAX_PROFILES) return;
    throw appError('invalid-input', `The list holds at most ${MAX_PROFILES} servers.`, {
      nextStep: 'Remove servers you no longer use, then add this one.',
      field: 'profiles',
    });
  }

  /** Moves, regroups or stars the named profiles at once (one write); refuses an unknown id, changing nothing. */
  arrange(profileIds: string[], arrangement: ProfileArrangement): ServerProfile[] {
    const known = new Set(this.store.read().profiles.map((profile) => profile.id));
    const unknown = [...profileIds, arrangement.before ?? profileIds[0]].find((id) => id && !known.has(id));
    if (unknown !== undefined) this.get(unknown);
    this.store.update((draft) => {
      draft.profiles = arrangeProfiles(draft.profiles, profileIds, arrangement);
    });
    return this.list();
  }

  /** The saved profile, refused (managed-by-policy) when the administrator's policy holds it. */
  changeable(profileId: string): ServerProfile {
    const profile = this.get(profileId);
    if (profile.locked) throw lockedError();
    return profile;
  }

  remove(profileId: string): void {
    this.changeable(profileId);
    this.store.update((draft) => {
      draft.profiles = draft.profiles.filter((profile) => profile.id !== profileId);
    });
  }
}

function lockedError() {
  return appError('managed-by-policy', POLICY_REASONS.lockedServer);
}

/** Refuses a change that would make the store file larger than MAX_STORE_BYTES, naming the largest field. */
function refuseTooLarge(bytes: number, input: ProfileInput): void {
  if (bytes <= MAX_STORE_BYTES) return;
  const [field] = (['caCertificate', 'pinnedCertificatePem', 'baseUrl', 'label'] as const)
    .map((name) => [name, input[name]?.length ?? 0] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([name]) => name);
  throw appError('invalid-input', 'Saving this server would make the saved servers file too large.', {
    nextStep: 'Remove servers or certificates you no longer use, then save again.',
    ...(field ? { field } : {}),
  });
}

/** Validates and normalises user input into a profile (also used for "Test connection" before saving). */
export function toProfile(input: ProfileInput, id: string): ServerProfile {
  const parsed = profileInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    throw appError('invalid-input', issue?.message ?? 'The server details are not valid.', {
      nextStep: 'Correct it and save again.',
      ...(typeof field === 'string' ? { field } : {}),
    });
  }
  const value = parsed.data;
  if (value.caCertificate) summarizePem(value.caCertificate);
  return {
    id,
    label: value.label,
    baseUrl: value.baseUrl,
    username: value.username,
    ...(value.environment ? { environment: value.environment } : {}),
    signInMethod: value.signInMethod,
    pollIntervalSeconds: value.pollIntervalSeconds,
    keepAlive: value.keepAlive,
    ...(value.caCertificate ? { caCertificate: value.caCertificate } : {}),
    ...(value.pinnedCertificatePem ? { pinnedCertificate: summarizePem(value.pinnedCertificatePem) } : {}),
    ...(value.proxyUrl ? { proxyUrl: value.proxyUrl } : {}),
    ...(value.proxyUrl && value.proxyUsername ? { proxyUsername: value.proxyUsername } : {}),
    ...(value.group ? { group: value.group } : {}),
    ...(value.favourite ? { favourite: true } : {}),
  };
}
