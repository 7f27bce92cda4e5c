// The dashboard: the server list on the left, the selected server (or the editor) on the right, and the actions
// that span every server on top. All state comes from main through the bridge; this only arranges and asks.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LogoutResult, ServerProfile } from '../../electron/shared/model';
import { signedOutState } from '../../electron/shared/session-state';
import type { JiraSessionsBridge } from './bridge';
import { AdminNotices, useAdminEverywhere } from './components/admin/admin-everywhere';
import { DashboardDialogs, type DialogState } from './components/dashboard-dialogs';
import { EmptyState } from './components/empty-state';
import { ErrorNotice } from './components/error-notice';
import { KeychainNotice, rememberPasswordAvailability } from './components/keychain-notice';
import { ServerEditor } from './components/server-editor/server-editor';
import { optionIdFor } from './components/server-list-item';
import { ServerPane } from './components/server-pane';
import { Sidebar } from './components/sidebar';
import { StoreProblemNotice } from './components/store-problem-notice';
import { Toolbar } from './components/toolbar';
import { useDashboardState } from './hooks/use-dashboard-state';
import { useFocusAfterRender } from './hooks/use-focus-after-render';
import { FOCUS_PANE_HEADING, FOCUS_PASSWORD, useServerActions } from './hooks/use-server-actions';
import { useServerMenuActions } from './hooks/use-server-menu-actions';
import { useSessionCounts } from './hooks/use-session-counts';
import { primaryModifierLabel, useShortcuts } from './hooks/use-shortcuts';
import { useWebActions } from './hooks/use-web-actions';
import { useVisibleServers } from './hooks/use-visible-servers';
import { holdsSession, signsInWithToken } from './view-model';

type Mode = { kind: 'server' } | { kind: 'add' } | { kind: 'edit'; profileId: string };
const SERVER_MODE: Mode = { kind: 'server' };
const FOCUS_EDITOR = '[data-focus="editor-label"]';

export interface AppProps {
  bridge: JiraSessionsBridge;
}

export function App({ bridge }: AppProps) {
  const { phase, profiles, sessions, appInfo, settings, loadError, actions } = useDashboardState(bridge);
  const requestFocus = useFocusAfterRender();
  const server = useServerActions({
    bridge,
    state: actions,
    settings,
    requestFocus,
    tokenProfile: (profileId) => signsInWithToken(profiles, profileId),
  });
  const web = useWebActions({ bridge, state: actions, requestFocus, ...server });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>(SERVER_MODE);
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const adminEverywhere = useAdminEverywhere(bridge, sessions);
  const paneAdmin = useMemo(
    () => ({ bridge, applySession: actions.applySession, openAdministration: server.openAdministration }),
    [bridge, actions.applySession, server.openAdministration],
  );

  const selected = profiles.find((profile) => profile.id === selectedId) ?? profiles[0];
  const platform = appInfo?.platform;
  const modifier = primaryModifierLabel(platform);

  const visible = useVisibleServers(profiles, sessions, filter);
  const { counts, canSignOutAll } = useSessionCounts(profiles, sessions);

  const remember = useMemo(() => rememberPasswordAvailability(appInfo?.secretStorage, settings), [appInfo, settings]);
  useEffect(() => {
    // For the benchmark and the end-to-end test: the moment the first real screen is on the page.
    if (phase === 'ready') performance.mark('jsm:ready');
  }, [phase]);

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
    requestFocus(FOCUS_EDITOR);
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
      onOpenInJira: () => selected && void web.openInJira(selected.id),
    },
    phase === 'ready',
  );

  const editServer = useCallback(
    (profileId: string) => {
      setSelectedId(profileId);
      setMode({ kind: 'edit', profileId });
      requestFocus(FOCUS_EDITOR);
    },
    [requestFocus],
  );

  const menuActions = useServerMenuActions(server, web, activate, editServer);

  const askSignOutAll = useCallback(() => {
    const targets = profiles.filter((profile) => holdsSession(sessions.get(profile.id)));
    setDialog({ kind: 'sign-out-all', targets, busy: false });
  }, [profiles, sessions]);

  const signedOutAll = (results: LogoutResult[]) => {
    for (const result of results) actions.applySession(result.state);
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

  const deleted = (profile: ServerProfile) => {
    // Selection moves to the server below (or above) the deleted one.
    const at = profiles.findIndex((candidate) => candidate.id === profile.id);
    const neighbour = profiles[at + 1] ?? profiles[at - 1];
    actions.forgetProfile(profile.id);
    setSelectedId(neighbour?.id ?? null);
    setMode(SERVER_MODE);
    requestFocus(
      () => (neighbour ? document.getElementById(optionIdFor(neighbour.id)) : null),
      '[data-focus="server-list"] [tabindex="0"]',
      '[data-focus="add-server"]',
    );
  };

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
      <ServerEditor
        key="new"
        bridge={bridge}
        onSaved={saved}
        onCancel={cancelEditor}
        onOpenExternal={server.openExternal}
      />
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
        onOpenExternal={server.openExternal}
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
        message={server.messages[selected.id]}
        busy={server.busy[selected.id]}
        onSignIn={server.signIn}
        onSignOut={server.signOut}
        onRefresh={server.refresh}
        onCancel={server.cancel}
        onForgetPassword={server.forgetPassword}
        onEdit={editServer}
        onOpenExternal={server.openExternal}
        onDismissMessage={server.dismissMessage}
        onOpenInJira={web.openInJira}
        onWebSignIn={web.webSignIn}
        onUseWebSignIn={web.switchToWebSignIn}
        platform={platform}
        admin={paneAdmin}
      />
    );
  }

  const insecureStorage = appInfo && appInfo.secretStorage !== 'os-keychain' ? appInfo.secretStorage : undefined;
  const storeProblem = appInfo?.storeProblem;

  return (
    <div className="app">
      <Toolbar
        counts={counts}
        refreshing={server.refreshingAll}
        canSignOutAll={canSignOutAll}
        notifications={settings?.notifications}
        onRefreshAll={server.refreshAll}
        onCancelRefreshAll={server.cancelRefreshAll}
        onSignOutAll={askSignOutAll}
        onToggleNotifications={server.toggleNotifications}
        onEndAdminAccessEverywhere={adminEverywhere.available ? () => void adminEverywhere.endEverywhere() : undefined}
        endingAdminAccess={adminEverywhere.busy}
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
          menuActions={menuActions}
        />
        <main className="main">
          <AdminNotices bridge={bridge} profiles={profiles} sessions={sessions} everywhere={adminEverywhere} />
          {storeProblem || insecureStorage || server.globalError ? (
            <div className="main-notices">
              {storeProblem ? (
                <StoreProblemNotice problem={storeProblem} onShowFolder={server.showStoreBackup} />
              ) : null}
              {insecureStorage ? (
                <KeychainNotice
                  secretStorage={insecureStorage}
                  persistAnyway={settings?.persistSecretsWithoutKeychain ?? false}
                  onChangePersistAnyway={server.changePersistAnyway}
                />
              ) : null}
              {server.globalError ? (
                <ErrorNotice
                  error={server.globalError}
                  onOpenExternal={server.openExternal}
                  onDismiss={server.dismissGlobalError}
                />
              ) : null}
            </div>
          ) : null}
          <div className="main-content">{content}</div>
        </main>
      </div>

      <DashboardDialogs
        bridge={bridge}
        dialog={dialog}
        profiles={profiles}
        onDialogChange={setDialog}
        onSignedOutAll={signedOutAll}
        onResultsClosed={closeResults}
        onDeleted={deleted}
      />
    </div>
  );
}
