// The dashboard: the server list on the left, the selected server (or the editor) on the right, and the actions
// that span every server on top. All state comes from main through the bridge; this only arranges and asks.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LogoutResult, ServerProfile } from '../../electron/shared/model';
import { signedOutState } from '../../electron/shared/session-state';
import type { JiraSessionsBridge } from './bridge';
import { AdminNotices, useAdminEverywhere } from './components/admin/admin-everywhere';
import { DashboardDialogs, type DialogState } from './components/dashboard-dialogs';
import { EmptyState } from './components/empty-state';
import { ExpiredSignInResults } from './components/expired-sign-in-results';
import { ErrorNotice } from './components/error-notice';
import { KeychainNotice, rememberPasswordAvailability } from './components/keychain-notice';
import { LoadScreen } from './components/load-screen';
import { ServerEditor } from './components/server-editor/server-editor';
import { ServerPane } from './components/server-pane';
import { LIST_FOCUS } from './components/server-list';
import { Sidebar } from './components/sidebar';
import { StoreProblemNotice } from './components/store-problem-notice';
import { Toolbar } from './components/toolbar';
import { UnsavedChangesDialog } from './components/unsaved-changes-dialog';
import { UpdateReadyBanner } from './components/updates/update-ready-banner';
import { useDashboardState } from './hooks/use-dashboard-state';
import { useEditorMode } from './hooks/use-editor-mode';
import { useExpiredSignIn } from './hooks/use-expired-sign-in';
import { useFocusAfterRender } from './hooks/use-focus-after-render';
import { FOCUS_PANE_HEADING, FOCUS_PASSWORD, useServerActions } from './hooks/use-server-actions';
import { useServerMenuActions } from './hooks/use-server-menu-actions';
import { useSessionCounts } from './hooks/use-session-counts';
import { primaryModifierLabel, useShortcuts } from './hooks/use-shortcuts';
import { useWebActions } from './hooks/use-web-actions';
import { useArrangeProfiles } from './hooks/use-arrange-profiles';
import { useServerList } from './hooks/use-server-list';
import { useBulkActions } from './hooks/use-bulk-actions';
import { useSelection } from './hooks/use-selection';
import { BulkBar } from './components/bulk/bulk-bar';
import { BulkDialogs } from './components/bulk/bulk-dialogs';
import { holdsSession, signsInWithToken } from './view-model';

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
  const editor = useEditorMode({ requestFocus, applyProfile: actions.applyProfile, setSelectedId });
  const { mode, select, addServer, editServer } = editor;
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const adminEverywhere = useAdminEverywhere(bridge, sessions);
  const expiredSignIn = useExpiredSignIn(bridge, actions.applySession);
  const paneAdmin = useMemo(
    () => ({ bridge, applySession: actions.applySession, openAdministration: server.openAdministration }),
    [bridge, actions.applySession, server.openAdministration],
  );

  const list = useServerList(profiles, sessions);
  const selection = useSelection(profiles, list);
  const bulk = useBulkActions({ bridge, actions, profiles, sessions, selection });
  const selected = profiles.find((profile) => profile.id === (selectedId ?? list.numbered[0])) ?? profiles[0];
  const platform = appInfo?.platform;
  const modifier = primaryModifierLabel(platform);

  const arrange = useArrangeProfiles(bridge, actions);

  const { counts, canSignOutAll } = useSessionCounts(profiles, sessions);
  const remember = useMemo(() => rememberPasswordAvailability(appInfo?.secretStorage, settings), [appInfo, settings]);
  useEffect(() => {
    // For the benchmark and the end-to-end test: the moment the first real screen is on the page.
    if (phase === 'ready') performance.mark('jsm:ready');
  }, [phase]);

  const activate = useCallback(
    (profileId: string) =>
      select(profileId, () => requestFocus(FOCUS_PASSWORD, '[data-focus="signed-in-heading"]', FOCUS_PANE_HEADING)),
    [requestFocus, select],
  );

  // A tray item or a notification's click asks for a server.
  useEffect(() => bridge.onShowServer(activate), [bridge, activate]);

  useShortcuts(
    {
      onSwitchTo: (index) => {
        const target = list.numbered[index];
        if (target) select(target, () => requestFocus(LIST_FOCUS));
      },
      onAddServer: addServer,
      onOpenInJira: () => selected && void web.openInJira(selected.id),
    },
    phase === 'ready',
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

  const askDelete = useCallback((profile: ServerProfile) => setDialog({ kind: 'delete', profile, busy: false }), []);

  const deleted = (profile: ServerProfile) => {
    // Selection moves to the server below (or above) the deleted one.
    const at = profiles.findIndex((candidate) => candidate.id === profile.id);
    const neighbour = profiles[at + 1] ?? profiles[at - 1];
    actions.forgetProfile(profile.id);
    editor.show(neighbour?.id ?? null);
    requestFocus(neighbour ? LIST_FOCUS : '[data-focus="add-server"]', '[data-focus="add-server"]');
  };

  if (phase === 'loading' || (phase === 'failed' && loadError)) {
    return <LoadScreen phase={phase} error={loadError} onRetry={actions.reload} />;
  }

  let content;
  const editing = mode.kind === 'edit' ? profiles.find((profile) => profile.id === mode.profileId) : undefined;
  const editorProps = { bridge, profiles, onOpenExternal: server.openExternal, ...editor.editorProps };
  if (mode.kind === 'add') {
    content = <ServerEditor key={`new-${mode.key}`} {...editorProps} />;
  } else if (editing) {
    content = <ServerEditor key={editing.id} {...editorProps} profile={editing} onDelete={askDelete} />;
  } else if (!selected) {
    content = (
      <EmptyState
        modifier={modifier}
        hasKeychain={appInfo?.secretStorage !== 'none' && appInfo?.secretStorage !== 'weak'}
        onAddServer={addServer}
      />
    );
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
        quietSignInSetting={server.quietSignInSetting}
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
        onSignInExpired={expiredSignIn.start}
        signingInExpired={expiredSignIn.running}
        onShowStatus={list.setStatus}
      />
      <div className="layout">
        <Sidebar
          list={list}
          profiles={profiles}
          sessions={sessions}
          selectedId={mode.kind === 'add' ? null : (selected?.id ?? null)}
          platform={platform}
          onSelect={select}
          onActivate={activate}
          onAddServer={addServer}
          menuActions={menuActions}
          arrange={arrange}
          bulk={bulk}
        />
        <main className="main">
          {selection.selecting ? <BulkBar bulk={bulk} /> : null}
          <AdminNotices bridge={bridge} profiles={profiles} sessions={sessions} everywhere={adminEverywhere} />
          <UpdateReadyBanner bridge={bridge} />
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
      <UnsavedChangesDialog guard={editor.guard} />
      <ExpiredSignInResults run={expiredSignIn} profiles={profiles} onGoTo={activate} />
      <BulkDialogs bulk={bulk} profiles={profiles} onGoTo={activate} />
    </div>
  );
}
