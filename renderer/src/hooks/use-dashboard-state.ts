// Everything the dashboard shows comes from main: loaded once, then kept current by the change events (the
// sessions by deltas: only what changed, at most ten a second).
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { AppErrorInfo, AppInfo, AppSettings, ServerProfile, SessionState } from '../../../electron/shared/model';
import { applySessionsDelta, replayOnto, type SessionsDelta } from '../../../electron/shared/session-delta';
import { readAppError, type JiraSessionsBridge } from '../bridge';

export interface DashboardData {
  phase: 'loading' | 'ready' | 'failed';
  profiles: ServerProfile[];
  sessions: ReadonlyMap<string, SessionState>;
  appInfo?: AppInfo;
  settings?: AppSettings;
  loadError?: AppErrorInfo;
  /** An event already delivered a newer list than the initial load may bring. */
  profilesFromEvent: boolean;
  /** Session deltas received while the list loads, replayed onto it; undefined once it has loaded. */
  earlyDeltas?: SessionsDelta[];
}

type Action =
  | { type: 'loading' }
  | {
      type: 'loaded';
      profiles: ServerProfile[];
      appInfo: AppInfo;
      settings: AppSettings;
    }
  | { type: 'failed'; error: AppErrorInfo }
  | { type: 'profiles'; profiles: ServerProfile[]; fromEvent: boolean }
  | { type: 'sessions-loaded'; sessions: SessionState[] }
  | { type: 'sessions'; sessions: SessionState[] }
  | { type: 'delta'; delta: SessionsDelta }
  | { type: 'session'; session: SessionState }
  | { type: 'profile-saved'; profile: ServerProfile }
  | { type: 'profile-removed'; profileId: string }
  | { type: 'settings'; settings: AppSettings };

const initialData: DashboardData = {
  phase: 'loading',
  profiles: [],
  sessions: new Map(),
  profilesFromEvent: false,
  earlyDeltas: [],
};

function toMap(sessions: SessionState[]): Map<string, SessionState> {
  return new Map(sessions.map((session) => [session.profileId, session]));
}

function reduce(data: DashboardData, action: Action): DashboardData {
  switch (action.type) {
    case 'loading':
      return { ...data, phase: 'loading', loadError: undefined, earlyDeltas: data.earlyDeltas ?? [] };
    case 'loaded':
      return {
        ...data,
        phase: 'ready',
        loadError: undefined,
        appInfo: action.appInfo,
        settings: action.settings,
        profiles: data.profilesFromEvent ? data.profiles : action.profiles,
      };
    case 'failed':
      return { ...data, phase: 'failed', loadError: action.error };
    case 'profiles':
      return { ...data, profiles: action.profiles, profilesFromEvent: data.profilesFromEvent || action.fromEvent };
    case 'sessions-loaded':
      return { ...data, sessions: replayOnto(action.sessions, data.earlyDeltas ?? []), earlyDeltas: undefined };
    case 'sessions':
      return { ...data, sessions: toMap(action.sessions) };
    case 'delta': {
      const sessions = new Map(data.sessions);
      applySessionsDelta(sessions, action.delta);
      return { ...data, sessions, ...(data.earlyDeltas ? { earlyDeltas: [...data.earlyDeltas, action.delta] } : {}) };
    }
    case 'session': {
      const sessions = new Map(data.sessions);
      sessions.set(action.session.profileId, action.session);
      return { ...data, sessions };
    }
    case 'profile-saved': {
      const at = data.profiles.findIndex((profile) => profile.id === action.profile.id);
      const profiles =
        at < 0
          ? [...data.profiles, action.profile]
          : data.profiles.map((profile, index) => (index === at ? action.profile : profile));
      return { ...data, profiles };
    }
    case 'profile-removed': {
      const sessions = new Map(data.sessions);
      sessions.delete(action.profileId);
      return { ...data, profiles: data.profiles.filter((profile) => profile.id !== action.profileId), sessions };
    }
    case 'settings':
      return { ...data, settings: action.settings };
  }
}

export interface DashboardActions {
  /** A bridge call answered with one server's new state; the event with the same news may come later. */
  applySession(session: SessionState): void;
  applySessions(sessions: SessionState[]): void;
  applyProfile(profile: ServerProfile): void;
  /** The whole list, as a bridge call answered it (an arrangement). */
  applyProfiles(profiles: ServerProfile[]): void;
  forgetProfile(profileId: string): void;
  applySettings(settings: AppSettings): void;
  reload(): void;
}

export function useDashboardState(bridge: JiraSessionsBridge): DashboardData & { actions: DashboardActions } {
  const [data, dispatch] = useReducer(reduce, initialData);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // Subscribe before loading so nothing said in between is lost: a profiles event's list wins over the load's,
    // and session deltas are replayed onto the loaded list.
    const offProfiles = bridge.onProfilesChanged((profiles) =>
      dispatch({ type: 'profiles', profiles, fromEvent: true }),
    );
    const offSessions = bridge.onSessionsDelta((delta) => dispatch({ type: 'delta', delta }));
    return () => {
      offProfiles();
      offSessions();
    };
  }, [bridge]);

  useEffect(() => {
    let current = true;
    const sessions = bridge.listSessions().then((list) => {
      if (current) dispatch({ type: 'sessions-loaded', sessions: list });
    });
    Promise.all([bridge.listProfiles(), bridge.getAppInfo(), bridge.getSettings(), sessions]).then(
      ([profiles, appInfo, settings]) => {
        if (current) dispatch({ type: 'loaded', profiles, appInfo, settings });
      },
      (reason: unknown) => {
        if (current) dispatch({ type: 'failed', error: readAppError(reason) });
      },
    );
    return () => {
      current = false;
    };
  }, [bridge, attempt]);

  const reload = useCallback(() => {
    dispatch({ type: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  const actions = useMemo<DashboardActions>(
    () => ({
      applySession: (session) => dispatch({ type: 'session', session }),
      applySessions: (sessions) => dispatch({ type: 'sessions', sessions }),
      applyProfile: (profile) => dispatch({ type: 'profile-saved', profile }),
      applyProfiles: (profiles) => dispatch({ type: 'profiles', profiles, fromEvent: true }),
      forgetProfile: (profileId) => dispatch({ type: 'profile-removed', profileId }),
      applySettings: (settings) => dispatch({ type: 'settings', settings }),
      reload,
    }),
    [reload],
  );

  return { ...data, actions };
}
