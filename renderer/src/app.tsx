// The dashboard: the server list on the left, the selected server (or the editor) on the right, and the actions
// that span every server on top. All state comes from main through the bridge; this only arranges and asks.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppErrorInfo, LogoutResult, PasswordCredentials, ServerProfile } from '../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from './bridge';
import { Dialog, ConfirmDialog } from './components/confirm-dialog';
import { EmptyState } from './components/empty-state';
import { EnvironmentTag } from './components/environment-tag';
import { ErrorNotice } from './components/error-notice';
import { AlertTriangleIcon, CheckCircleIcon } from './components/icons';
import { KeychainNotice, rememberPasswordAvailability, StoreProblemNotice } from './components/keychain-notice';
import { ServerEditor } from './components/server-editor';
import { optionIdFor } from './components/server-list-item';
import { ServerPane, type PaneBusy, type PaneMessage } from './components/server-pane';
import { Sidebar } from './components/sidebar';
import { Toolbar, type SessionCounts } from './components/toolbar';
import { useDashboardState } from './hooks/use-dashboard-state';
import { useFocusAfterRender } from './hooks/use-focus-after-render';
import { primaryModifierLabel, useShortcuts } from './hooks/use-shortcuts';
import { signedOutState } from '../../electron/shared/session-state';
import { holdsSession, hostOf, matchesFilter } from './view-model';

type Mode = { kind: 'server' } | { kind: 'add' } | { kind: 'edit'; profileId: string };
const SERVER_MODE: Mode = { kind: 'server' };

type DialogState =
  | { kind: 'sign-out-all'; targets: ServerProfile[]; busy: boolean; error?: AppErrorInfo }
  | { kind: 'sign-out-results'; results: LogoutResult[] }
  | { kind: 'delete'; profile: ServerProfile; busy: boolean; error?: AppErrorInfo };

const FOCUS_PANE_HEADING = '[data-focus="pane-heading"]';
const FOCUS_PASSWORD = '[data-focus="password"]';

export interface AppProps {
  bridge: JiraSessionsBridge;
}

export function App({ bridge }: AppProps) {
  const { phase, profiles, sessions, appInfo, settings, loadError, actions } = useDashboardState(bridge);
  const requestFocus = useFocusAfterRender();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>(SERVER_MODE);
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [refreshingAll, setRefreshingAll] = useState(false);
  const [messages, setMessages] = useState<Partial<Record<string, PaneMessage>>>({});
  const [busy, setBusy] = useState<Partial<Record<string, PaneBusy>>>({});
  const [globalError, setGlobalError] = useState<AppErrorInfo | null>(null);

  const selected = profiles.find((profile) => profile.id === selectedId) ?? profiles[0];
  const platform = appInfo?.platform;
  const modifier = primaryModifierLabel(platform);

  const visible = useMemo(
    () =>
      filter.trim() === ''
        ? profiles
        : profiles.filter((profile) => matchesFilter(profile, sessions.get(profile.id), filter)),
    [profiles, sessions, filter],
  );

  const counts = useMemo<SessionCounts>(() => {
    let signedIn = 0;
    let expired = 0;
    let error = 0;
    for (const profile of profiles) {
      const status = sessions.get(profile.id)?.status;
      if (status === 'signed-in') signedIn += 1;
      else if (status === 'expired') expired += 1;
      else if (status === 'error') error += 1;
    }
    return { signedIn, expired, error, total: profiles.length };
  }, [profiles, sessions]);

  const canSignOutAll = useMemo(
    () => profiles.some((profile) => holdsSession(sessions.get(profile.id))),
    [profiles, sessions],
  );

  const remember = useMemo(
    () => rememberPasswordAvailability(appInfo?.secretStorage, settings),
    [appInfo?.secretStorage, settings],
  );

  useEffect(() => {
    // For the benchmark and the end-to-end test: the moment the first real screen is on the page.
    if (phase === 'ready') performance.mark('jsm:ready');
  }, [phase]);

  const setMessage = useCallback((profileId: string, message: PaneMessage | undefined) => {
    setMessages((current) => ({ ...current, [profileId]: message }));
  }, []);
  const setBusyFor = useCallback((profileId: string, value: PaneBusy) => {
    setBusy((current) => ({ ...current, [profileId]: value }));
  }, []);

  const select = useCallback((profileId: string) => {
    setSelectedId(profileId);
    setMode(SERVER_MODE);
  }, []);

  const activate = useCallback(
    (profileId: string) => {
      select(profileId);
      requestFocus(FOCUS_PASSWORD, '[data-focus="signed-in-heading"]', FOCUS_PANE_HEADING);
    },
    [requestFocus, select],
  );

  const addServer = useCallback(() => {
    setMode({ kind: 'add' });
    requestFocus('[data-focus="editor-label"]');
  }, [requestFocus]);

  useShortcuts(
    {
      onSwitchTo: (index) => {
        const target = visible[index];
        if (!target) return;
        select(target.id);
        requestFocus(() => document.getElementById(optionIdFor(target.id)));
      },
      onAddServer: addServer,
    },
    phase === 'ready',
  );

  const openExternal = useCallback(
    (url: string) => {
      bridge.openExternal(url).catch((reason: unknown) => setGlobalError(readAppError(reason)));
    },
    [bridge],
  );

  const signIn = useCallback(
    async (profileId: string, credentials: PasswordCredentials) => {
      setMessage(profileId, undefined);
      const state = await bridge.login(profileId, credentials);
      actions.applySession(state);
      if (state.status === 'signed-in') {
        requestFocus('[data-focus="signed-in-heading"]', FOCUS_PANE_HEADING);
      } else if (state.error) {
        throw state.error;
      }
    },
    [actions, bridge, requestFocus, setMessage],
  );

  /** A pane action on one server: clears its old message, marks it busy, and shows a failure in the pane. */
  const runPaneAction = useCallback(
    async (profileId: string, busyWith: PaneBusy, work: () => Promise<void>) => {
      setMessage(profileId, undefined);
      setBusyFor(profileId, busyWith);
      try {
        await work();
      } catch (reason) {
        setMessage(profileId, { tone: 'error', error: readAppError(reason) });
      } finally {
        setBusyFor(profileId, undefined);
      }
    },
    [setBusyFor, setMessage],
  );

  const signOut = useCallback(
    (profileId: string) =>
      runPaneAction(profileId, 'sign-out', async () => {
        const result = await bridge.logout(profileId);
        actions.applySession(result.state);
        if (!result.serverConfirmed) {
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
    [actions, bridge, requestFocus, runPaneAction, setMessage],
  );

  const refresh = useCallback(
    (profileId: string) =>
      runPaneAction(profileId, 'refresh', async () => actions.applySession(await bridge.refresh(profileId))),
    [actions, bridge, runPaneAction],
  );

  const forgetPassword = useCallback(
    (profileId: string) =>
      runPaneAction(profileId, 'forget', async () => {
        actions.applySession(await bridge.forgetPassword(profileId));
        setMessage(profileId, { tone: 'info', title: 'The saved password was forgotten.' });
        requestFocus(FOCUS_PANE_HEADING);
      }),
    [actions, bridge, requestFocus, runPaneAction, setMessage],
  );

  const editServer = useCallback(
    (profileId: string) => {
      setSelectedId(profileId);
      setMode({ kind: 'edit', profileId });
      requestFocus('[data-focus="editor-label"]');
    },
    [requestFocus],
  );

  const dismissMessage = useCallback((profileId: string) => setMessage(profileId, undefined), [setMessage]);

  const refreshAll = useCallback(async () => {
    setGlobalError(null);
    setRefreshingAll(true);
    try {
      actions.applySessions(await bridge.refreshAll());
    } catch (reason) {
      setGlobalError(readAppError(reason));
    } finally {
      setRefreshingAll(false);
    }
  }, [actions, bridge]);

  const askSignOutAll = useCallback(() => {
    const targets = profiles.filter((profile) => holdsSession(sessions.get(profile.id)));
    setDialog({ kind: 'sign-out-all', targets, busy: false });
  }, [profiles, sessions]);

  const signOutAll = async (targets: ServerProfile[]) => {
    setDialog({ kind: 'sign-out-all', targets, busy: true });
    try {
      const results = await bridge.logoutAll();
      for (const result of results) actions.applySession(result.state);
      setDialog({ kind: 'sign-out-results', results });
    } catch (reason) {
      setDialog({ kind: 'sign-out-all', targets, busy: false, error: readAppError(reason) });
    }
  };

  const closeResults = () => {
    setDialog(null);
    requestFocus(FOCUS_PASSWORD, FOCUS_PANE_HEADING);
  };

  const saved = useCallback(
    (profile: ServerProfile, isNew: boolean) => {
      actions.applyProfile(profile);
      setSelectedId(profile.id);
      setMode(SERVER_MODE);
      if (isNew) requestFocus(profile.username ? FOCUS_PASSWORD : '[data-focus="username"]');
      else requestFocus(FOCUS_PANE_HEADING);
    },
    [actions, requestFocus],
  );

  const cancelEditor = useCallback(() => {
    setMode(SERVER_MODE);
    requestFocus(FOCUS_PANE_HEADING, '[data-focus="add-server"]');
  }, [requestFocus]);

  const askDelete = useCallback((profile: ServerProfile) => setDialog({ kind: 'delete', profile, busy: false }), []);

  const deleteProfile = async (profile: ServerProfile) => {
    setDialog({ kind: 'delete', profile, busy: true });
    try {
      await bridge.removeProfile(profile.id);
    } catch (reason) {
      setDialog({ kind: 'delete', profile, busy: false, error: readAppError(reason) });
      return;
    }
    const at = profiles.findIndex((candidate) => candidate.id === profile.id);
    const neighbour = profiles[at + 1] ?? profiles[at - 1];
    actions.forgetProfile(profile.id);
    setSelectedId(neighbour?.id ?? null);
    setMode(SERVER_MODE);
    setDialog(null);
    requestFocus(
      () => (neighbour ? document.getElementById(optionIdFor(neighbour.id)) : null),
      '[data-focus="server-list"] [tabindex="0"]',
      '[data-focus="add-server"]',
    );
  };

  const notificationsOn = settings?.notifications;
  const toggleNotifications = useCallback(() => {
    bridge
      .updateSettings({ notifications: !(notificationsOn ?? true) })
      .then(actions.applySettings, (reason: unknown) => setGlobalError(readAppError(reason)));
  }, [actions, bridge, notificationsOn]);

  const changePersistAnyway = useCallback(
    async (persist: boolean) => {
      try {
        actions.applySettings(await bridge.updateSettings({ persistSecretsWithoutKeychain: persist }));
      } catch (reason) {
        setGlobalError(readAppError(reason));
      }
    },
    [actions, bridge],
  );

  if (phase === 'failed' && loadError) {
    return (
      <main className="app-message">
        <ErrorNotice error={loadError} />
        <button type="button" className="button button-primary" onClick={actions.reload}>
          Try again
        </button>
      </main>
    );
  }
  if (phase === 'loading') {
    return (
      <main className="app-message">
        <p role="status" className="muted">
          Loading servers…
        </p>
      </main>
    );
  }

  let content;
  const editing = mode.kind === 'edit' ? profiles.find((profile) => profile.id === mode.profileId) : undefined;
  if (mode.kind === 'add') {
    content = (
      <ServerEditor key="new" bridge={bridge} onSaved={saved} onCancel={cancelEditor} onOpenExternal={openExternal} />
    );
  } else if (editing) {
    content = (
      <ServerEditor
        key={editing.id}
        bridge={bridge}
        profile={editing}
        onSaved={saved}
        onCancel={cancelEditor}
        onDelete={askDelete}
        onOpenExternal={openExternal}
      />
    );
  } else if (!selected) {
    content = <EmptyState modifier={modifier} onAddServer={addServer} />;
  } else {
    content = (
      <ServerPane
        key={selected.id}
        profile={selected}
        session={sessions.get(selected.id) ?? signedOutState(selected.id)}
        remember={remember}
        message={messages[selected.id]}
        busy={busy[selected.id]}
        onSignIn={signIn}
        onSignOut={signOut}
        onRefresh={refresh}
        onForgetPassword={forgetPassword}
        onEdit={editServer}
        onOpenExternal={openExternal}
        onDismissMessage={dismissMessage}
      />
    );
  }

  return (
    <div className="app">
      <Toolbar
        counts={counts}
        refreshing={refreshingAll}
        canSignOutAll={canSignOutAll}
        notifications={notificationsOn}
        onRefreshAll={refreshAll}
        onSignOutAll={askSignOutAll}
        onToggleNotifications={toggleNotifications}
      />
      <div className="layout">
        <Sidebar
          total={profiles.length}
          visible={visible}
          sessions={sessions}
          selectedId={mode.kind === 'add' ? null : (selected?.id ?? null)}
          filter={filter}
          platform={platform}
          onFilterChange={setFilter}
          onSelect={select}
          onActivate={activate}
          onAddServer={addServer}
        />
        <main className="main">
          {appInfo?.storeProblem || (appInfo && appInfo.secretStorage !== 'os-keychain') || globalError ? (
            <div className="main-notices">
              {appInfo?.storeProblem ? <StoreProblemNotice problem={appInfo.storeProblem} /> : null}
              {appInfo && appInfo.secretStorage !== 'os-keychain' ? (
                <KeychainNotice
                  secretStorage={appInfo.secretStorage}
                  persistAnyway={settings?.persistSecretsWithoutKeychain ?? false}
                  onChangePersistAnyway={changePersistAnyway}
                />
              ) : null}
              {globalError ? (
                <ErrorNotice error={globalError} onOpenExternal={openExternal} onDismiss={() => setGlobalError(null)} />
              ) : null}
            </div>
          ) : null}
          <div className="main-content">{content}</div>
        </main>
      </div>

      {dialog?.kind === 'sign-out-all' ? (
        <ConfirmDialog
          key="sign-out-all"
          title={
            dialog.targets.length === 1 ? 'Sign out of 1 server?' : `Sign out of ${dialog.targets.length} servers?`
          }
          tone="danger"
          confirmLabel="Sign out of all"
          busy={dialog.busy}
          busyLabel="Signing out…"
          onConfirm={() => void signOutAll(dialog.targets)}
          onCancel={() => setDialog(null)}
        >
          <p>The sessions on these servers end, here and on the servers:</p>
          <ul className="dialog-list">
            {dialog.targets.map((profile) => (
              <li key={profile.id}>
                <span className="dialog-list-label">{profile.label}</span>
                <EnvironmentTag environment={profile.environment} compact />
                <span className="muted">{hostOf(profile.baseUrl)}</span>
              </li>
            ))}
          </ul>
          {dialog.error ? <ErrorNotice error={dialog.error} /> : null}
        </ConfirmDialog>
      ) : null}

      {dialog?.kind === 'sign-out-results' ? (
        <SignOutResults key="sign-out-results" results={dialog.results} profiles={profiles} onClose={closeResults} />
      ) : null}

      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          key="delete"
          title={`Delete ${dialog.profile.label}?`}
          tone="danger"
          confirmLabel="Delete server"
          busy={dialog.busy}
          busyLabel="Deleting…"
          onConfirm={() => void deleteProfile(dialog.profile)}
          onCancel={() => setDialog(null)}
        >
          <p>
            The server is removed from the list, its session here ends and any saved password is forgotten. Nothing
            changes on {hostOf(dialog.profile.baseUrl)}.
          </p>
          {dialog.error ? <ErrorNotice error={dialog.error} /> : null}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function SignOutResults({
  results,
  profiles,
  onClose,
}: {
  results: LogoutResult[];
  profiles: ServerProfile[];
  onClose(): void;
}) {
  const localOnly = results.filter((result) => !result.serverConfirmed).length;
  const title =
    results.length === 0
      ? 'No server had a session'
      : localOnly === 0
        ? `Signed out of ${results.length} ${results.length === 1 ? 'server' : 'servers'}`
        : `Signed out of ${results.length} ${results.length === 1 ? 'server' : 'servers'}, ${localOnly} only locally`;
  return (
    <Dialog
      title={title}
      onClose={onClose}
      returnFocus={false}
      actions={
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          Done
        </button>
      }
    >
      {results.length > 0 ? (
        <ul className="results-list" aria-label="Sign-out results">
          {results.map((result) => {
            const profile = profiles.find((candidate) => candidate.id === result.profileId);
            return (
              <li key={result.profileId} className={result.serverConfirmed ? 'result-ok' : 'result-local'}>
                <span className="result-icon">
                  {result.serverConfirmed ? <CheckCircleIcon size={16} /> : <AlertTriangleIcon size={16} />}
                </span>
                <span className="result-main">
                  <span className="result-label">{profile?.label ?? result.profileId}</span>
                  <span className="result-text">
                    {result.serverConfirmed ? 'Signed out' : 'Signed out locally; the server could not be reached'}
                  </span>
                  {!result.serverConfirmed && result.error ? (
                    <span className="result-detail">{result.error.message}</span>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>Nothing needed signing out.</p>
      )}
    </Dialog>
  );
}
