// The core's handlers for the estate channels (contract-estate.ts): import and export of the server list. They
// are merged into app-core.ts's table, so that file only wires them.
import type { EstateCoreInvokeMap } from '../shared/contract-estate';
import type { InvokeArgs, InvokeResult } from '../shared/contract';
import { MAX_PROFILES } from '../shared/limits';
import type { AppSettings, ProfileInput, ServerProfile } from '../shared/model';
import type { ActivityLog } from './activity/activity-log';
import type { ProfileStore, SaveOptions } from './profiles/profile-store';
import { selectedIds } from './profiles/selection';
import { checkRoom, exportServers, planImport } from './transfer/profile-transfer';

export interface EstateDeps {
  profiles: ProfileStore;
  now: () => number;
  /** Saves one profile as profiles:save does (the session follows), without announcing the list. */
  saveProfile(input: ProfileInput, options?: SaveOptions): Promise<ServerProfile>;
  announceProfiles(): void;
  activity: ActivityLog;
}

/** A new server without its own check interval or keep-alive gets the defaults from Settings. */
export function withNewServerDefaults(input: ProfileInput, settings: AppSettings): ProfileInput {
  if (input.id !== undefined) return input;
  return {
    ...input,
    pollIntervalSeconds: input.pollIntervalSeconds ?? settings.defaultPollIntervalSeconds,
    keepAlive: input.keepAlive ?? settings.defaultKeepAlive,
  };
}

type EstateHandlers = {
  [C in keyof EstateCoreInvokeMap]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>> | InvokeResult<C>;
};

export function estateHandlers(deps: EstateDeps): EstateHandlers {
  return {
    'profiles:export': (profileIds) => {
      const all = deps.profiles.list();
      const chosen = selectedIds(profileIds && { profileIds }, all);
      return exportServers(chosen ? all.filter((profile) => chosen.has(profile.id)) : all, deps.now());
    },
    'profiles:import': async (text, { apply }) => {
      const saved = deps.profiles.list();
      const plan = planImport(text, saved);
      if (!apply) return plan.report;
      checkRoom(plan, saved.length, MAX_PROFILES);
      const added: string[] = [];
      try {
        for (const input of plan.saves) {
          const profile = await deps.saveProfile(input, { environmentOptional: true });
          if (input.id === undefined) added.push(profile.id);
        }
      } finally {
        if (plan.saves.length > 0) deps.announceProfiles();
      }
      // New entries were saved in order: each now names the server it became.
      const entries = plan.report.entries.map((entry) =>
        entry.status === 'new' ? { ...entry, profileId: added.shift() } : entry,
      );
      return { ...plan.report, entries, applied: true };
    },
    'activity:list': (query) => deps.activity.list(query),
  };
}
