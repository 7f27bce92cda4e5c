// What the administrator's policy and the Settings screen decide for the whole window, read once by EstateShell and
// handed down by context (so app.tsx threads nothing): the policy as the core applies it, and what a new server
// starts with. Components read it with useManagedSetup(); outside a provider they get no policy and the app's
// own defaults.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { DEFAULT_POLL_INTERVAL_SECONDS } from '../../../../electron/shared/limits';
import { NO_POLICY, type PolicyInfo } from '../../../../electron/shared/policy';
import type { JiraSessionsBridge } from '../../bridge';

export interface NewServerDefaults {
  pollIntervalSeconds: number;
  keepAlive: boolean;
}

export interface ManagedSetup {
  policy: PolicyInfo;
  /** Settings' defaults for a new server (the core has raised them to the policy's floor). */
  newServer: NewServerDefaults;
  /** The settings changed (the Settings screen, a reset): read them again. */
  refresh(): void;
}

const APP_DEFAULTS: ManagedSetup = {
  policy: NO_POLICY,
  newServer: { pollIntervalSeconds: DEFAULT_POLL_INTERVAL_SECONDS, keepAlive: false },
  refresh: () => undefined,
};

export const ManagedSetupContext = createContext<ManagedSetup>(APP_DEFAULTS);

export function useManagedSetup(): ManagedSetup {
  return useContext(ManagedSetupContext);
}

/** Loads the policy and the new-server defaults; a failed read leaves the app's own (the core still enforces). */
export function useLoadManagedSetup(bridge: JiraSessionsBridge): ManagedSetup {
  const [policy, setPolicy] = useState<PolicyInfo>(NO_POLICY);
  const [newServer, setNewServer] = useState(APP_DEFAULTS.newServer);
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    bridge.getPolicy().then(
      (info) => current && setPolicy(info),
      () => undefined,
    );
    bridge.getSettings().then(
      (settings) =>
        current &&
        setNewServer({
          pollIntervalSeconds: settings.defaultPollIntervalSeconds,
          keepAlive: settings.defaultKeepAlive,
        }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [bridge, generation]);

  return useMemo(() => ({ policy, newServer, refresh }), [policy, newServer, refresh]);
}
