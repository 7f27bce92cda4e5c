// What the user can do to the servers from the dashboard, and what each action leaves behind: a busy marker and a
// message per server, an error for the whole window, and where focus goes next. Every call goes to main through
// the bridge; the answers update the dashboard state.
import { useCallback, useMemo, useState } from 'react';
import type { AppErrorInfo, AppSettings, PasswordCredentials } from '../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../bridge';
import type { PaneBusy, PaneMessage } from '../components/server-pane';
import { WEB_PAGES } from '../../../electron/shared/web-pages';
import type { DashboardActions } from './use-dashboard-state';
import type { FocusTarget } from './use-focus-after-render';

export const FOCUS_PANE_HEADING = '[data-focus="pane-heading"]';
export const FOCUS_PASSWORD = '[data-focus="password"]';
export const FOCUS_SIGNED_IN = '[data-focus="signed-in-heading"]';

const ADMINISTRATION_PATH = WEB_PAGES.find((page) => page.id === 'administration')?.path;

/** After signing out of a token server: the token is gone from here, but it still works until it is revoked. */
const TOKEN_FORGOTTEN: PaneMessage = {
  tone: 'info',
  title: 'Signed out: the token was forgotten on this computer',
  text: 'It still works on Jira until it expires. To revoke it, open Personal access tokens on a server where you are signed in as its owner, or on your Jira profile page.',
};

export interface ServerActionsOptions {
  bridge: JiraSessionsBridge;
  /** Whether a profile signs in with a personal access token. */
  tokenProfile?: (profileId: string) => boolean;
  state: DashboardActions;
  settings: AppSettings | undefined;
  requestFocus(...targets: FocusTarget[]): void;
}

export function useServerActions({ bridge, state, settings, requestFocus, tokenProfile }: ServerActionsOptions) {
  const [messages, setMessages] = useState<Partial<Record<string, PaneMessage>>>({});
  const [busy, setBusy] = useState<Partial<Record<string, PaneBusy>>>({});
  const [globalError, setGlobalError] = useState<AppErrorInfo | null>(null);
  const [refreshingAll, setRefreshingAll] = useState(false);

  const setMessage = useCallback((profileId: string, message: PaneMessage | undefined) => {
    setMessages((current) => ({ ...current, [profileId]: message }));
  }, []);
  const setBusyFor = useCallback((profileId: string, value: PaneBusy) => {
    setBusy((current) => ({ ...current, [profileId]: value }));
  }, []);
  const showGlobalError = useCallback((reason: unknown) => setGlobalError(readAppError(reason)), []);

  const openExternal = useCallback(
    (url: string) => {
      bridge.openExternal(url).catch(showGlobalError);
    },
    [bridge, showGlobalError],
  );

  /** websudo-required's next step: the administration page in the app's Jira window for that server. */
  const openAdministration = useCallback(
    (profileId: string) => {
      bridge.openInJira(profileId, ADMINISTRATION_PATH).catch(showGlobalError);
    },
    [bridge, showGlobalError],
  );

  /** With credentials typed, or with the remembered password (`remembered`), which only main opens. */
  const signIn = useCallback(
    async (profileId: string, credentials: PasswordCredentials | 'remembered') => {
      setMessage(profileId, undefined);
      const session =
        credentials === 'remembered'
          ? await bridge.loginRemembered(profileId)
          : await bridge.login(profileId, credentials);
      state.applySession(session);
      if (session.status === 'signed-in') {
        requestFocus(FOCUS_SIGNED_IN, FOCUS_PANE_HEADING);
      } else if (session.error) {
        throw session.error;
      }
    },
    [bridge, requestFocus, setMessage, state],
  );

  /**
   * A pane action on one server: clears its old message, marks it busy, and shows a failure in the pane. It never
   * rejects, so the buttons that start it need not wait for it.
   */
  const runPaneAction = useCallback(
    (profileId: string, busyWith: PaneBusy, work: () => Promise<void>) => {
      setMessage(profileId, undefined);
      setBusyFor(profileId, busyWith);
      work()
        .catch((reason: unknown) => setMessage(profileId, { tone: 'error', error: readAppError(reason) }))
        .finally(() => setBusyFor(profileId, undefined));
    },
    [setBusyFor, setMessage],
  );

  const signOut = useCallback(
    (profileId: string) =>
      runPaneAction(profileId, 'sign-out', async () => {
        const result = await bridge.logout(profileId);
        state.applySession(result.state);
        if (tokenProfile?.(profileId)) {
          setMessage(profileId, TOKEN_FORGOTTEN);
        } else if (!result.serverConfirmed) {
          setMessage(profileId, {
            tone: 'warning',
            title: 'Signed out locally; the server could not be reached',
            text: `The session was removed from this computer, but Jira did not confirm the sign-out${
              result.error ? ` (${result.error.message})` : ''
            }. It ends on the server when it times out.`,
          });
        }
        requestFocus(FOCUS_PASSWORD, FOCUS_PANE_HEADING);
      }),
    [bridge, requestFocus, runPaneAction, setMessage, state, tokenProfile],
  );

  const refresh = useCallback(
    (profileId: string) =>
      runPaneAction(profileId, 'refresh', async () => state.applySession(await bridge.refresh(profileId))),
    [bridge, runPaneAction, state],
  );

  const forgetPassword = useCallback(
    (profileId: string) =>
      runPaneAction(profileId, 'forget', async () => {
        state.applySession(await bridge.forgetPassword(profileId));
        setMessage(profileId, { tone: 'info', title: 'The saved password was forgotten.' });
        requestFocus(FOCUS_PANE_HEADING);
      }),
    [bridge, requestFocus, runPaneAction, setMessage, state],
  );

  /** Cancel on a sign-in or check in flight: the core aborts the request and the state stays as it was. */
  const cancel = useCallback(
    (profileId: string) => {
      bridge.cancelSession(profileId).catch(showGlobalError);
    },
    [bridge, showGlobalError],
  );

  const cancelRefreshAll = useCallback(() => {
    bridge.cancelRefreshAll().catch(showGlobalError);
  }, [bridge, showGlobalError]);

  const dismissMessage = useCallback((profileId: string) => setMessage(profileId, undefined), [setMessage]);

  const refreshAll = useCallback(() => {
    setGlobalError(null);
    setRefreshingAll(true);
    bridge
      .refreshAll()
      .then(state.applySessions, showGlobalError)
      .finally(() => setRefreshingAll(false));
  }, [bridge, showGlobalError, state]);

  const notificationsOn = settings?.notifications;
  const toggleNotifications = useCallback(() => {
    bridge.updateSettings({ notifications: !(notificationsOn ?? true) }).then(state.applySettings, showGlobalError);
  }, [bridge, notificationsOn, showGlobalError, state]);

  const changeSettings = useCallback(
    async (patch: Partial<AppSettings>) => {
      try {
        state.applySettings(await bridge.updateSettings(patch));
      } catch (reason) {
        showGlobalError(reason);
      }
    },
    [bridge, showGlobalError, state],
  );
  const changePersistAnyway = useCallback(
    (persist: boolean) => changeSettings({ persistSecretsWithoutKeychain: persist }),
    [changeSettings],
  );
  const quietSignInSetting = useMemo(
    () =>
      settings && {
        on: settings.notifyQuietSignIn,
        notificationsOn: settings.notifications,
        onChange: (on: boolean) => void changeSettings({ notifyQuietSignIn: on }),
      },
    [changeSettings, settings],
  );

  const dismissGlobalError = useCallback(() => setGlobalError(null), []);

  const showStoreBackup = useCallback(() => {
    bridge.showStoreBackup().catch(showGlobalError);
  }, [bridge, showGlobalError]);

  return {
    messages,
    busy,
    globalError,
    dismissGlobalError,
    refreshingAll,
    openExternal,
    openAdministration,
    signIn,
    signOut,
    refresh,
    forgetPassword,
    dismissMessage,
    setMessage,
    runPaneAction,
    refreshAll,
    cancel,
    cancelRefreshAll,
    toggleNotifications,
    changePersistAnyway,
    quietSignInSetting,
    showStoreBackup,
  };
}
