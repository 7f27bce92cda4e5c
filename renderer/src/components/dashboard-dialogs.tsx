// The dashboard's modal moments: confirming a sign-out of all servers (sign-out-confirm.tsx), its results, and deleting a server. Each
// confirmation stays open (busy, then with the error) until the bridge has answered.
import type { AppErrorInfo, LogoutResult, ServerProfile } from '../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../bridge';
import { hostOf } from '../view-model';
import { ConfirmDialog } from './confirm-dialog';
import { ErrorNotice } from './error-notice';
import { SignOutConfirm } from './sign-out-confirm';
import { SignOutResults } from './sign-out-results';

export type DialogState =
  | { kind: 'sign-out-all'; targets: ServerProfile[]; busy: boolean; error?: AppErrorInfo }
  | { kind: 'sign-out-results'; results: LogoutResult[] }
  | { kind: 'delete'; profile: ServerProfile; busy: boolean; error?: AppErrorInfo };

export interface DashboardDialogsProps {
  bridge: JiraSessionsBridge;
  dialog: DialogState | null;
  profiles: ServerProfile[];
  onDialogChange(dialog: DialogState | null): void;
  /** Every server answered a sign-out of all (the results dialog opens next). */
  onSignedOutAll(results: LogoutResult[]): void;
  onResultsClosed(): void;
  /** The server was removed in main; the dialog is already closed. */
  onDeleted(profile: ServerProfile): void;
}

export function DashboardDialogs({
  bridge,
  dialog,
  profiles,
  onDialogChange,
  onSignedOutAll,
  onResultsClosed,
  onDeleted,
}: DashboardDialogsProps) {
  const signOutAll = async (targets: ServerProfile[]) => {
    onDialogChange({ kind: 'sign-out-all', targets, busy: true });
    try {
      const results = await bridge.logoutAll();
      onSignedOutAll(results);
      onDialogChange({ kind: 'sign-out-results', results });
    } catch (reason) {
      onDialogChange({ kind: 'sign-out-all', targets, busy: false, error: readAppError(reason) });
    }
  };

  const deleteProfile = async (profile: ServerProfile) => {
    onDialogChange({ kind: 'delete', profile, busy: true });
    try {
      await bridge.removeProfile(profile.id);
    } catch (reason) {
      onDialogChange({ kind: 'delete', profile, busy: false, error: readAppError(reason) });
      return;
    }
    onDialogChange(null);
    onDeleted(profile);
  };

  const close = () => onDialogChange(null);

  switch (dialog?.kind) {
    case 'sign-out-all':
      return (
        <SignOutConfirm
          key="sign-out-all"
          targets={dialog.targets}
          busy={dialog.busy}
          {...(dialog.error ? { error: dialog.error } : {})}
          confirmLabel="Sign out of all"
          onConfirm={() => void signOutAll(dialog.targets)}
          onCancel={close}
        />
      );
    case 'sign-out-results':
      return (
        <SignOutResults key="sign-out-results" results={dialog.results} profiles={profiles} onClose={onResultsClosed} />
      );
    case 'delete':
      return (
        <ConfirmDialog
          key="delete"
          title={`Delete ${dialog.profile.label}?`}
          tone="danger"
          confirmLabel="Delete server"
          busy={dialog.busy}
          busyLabel="Deleting…"
          onConfirm={() => void deleteProfile(dialog.profile)}
          onCancel={close}
        >
          {/* The core signs out (DELETE /rest/auth/1/session) before it removes the server. */}
          <p>
            This signs you out on {hostOf(dialog.profile.baseUrl)} (ending the session there too), removes the server
            from the list and forgets any saved password.
          </p>
          {dialog.error ? <ErrorNotice error={dialog.error} /> : null}
        </ConfirmDialog>
      );
    case undefined:
      return null;
  }
}
