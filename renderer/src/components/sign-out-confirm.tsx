// Confirming a sign-out of many servers (all of them, or the list's selection): how many, whether any of them is a
// production server, and each one by name. It stays open (busy, then with the error) until main has answered.
import type { AppErrorInfo, ServerProfile } from '../../../electron/shared/model';
import { hostOf } from '../view-model';
import { ConfirmDialog } from './confirm-dialog';
import { EnvironmentTag } from './environment-tag';
import { ErrorNotice } from './error-notice';

/** "2 of them are production servers." — said before anything ends, since those sessions matter most. */
export function productionText(targets: readonly ServerProfile[]): string {
  const production = targets.filter((profile) => profile.environment === 'production').length;
  if (production === 0) return targets.length === 1 ? 'It is not a production server.' : 'None is a production server.';
  if (targets.length === 1) return 'It is a production server.';
  if (production === targets.length) return `All ${production} are production servers.`;
  return production === 1 ? '1 of them is a production server.' : `${production} of them are production servers.`;
}

export interface SignOutConfirmProps {
  targets: readonly ServerProfile[];
  busy: boolean;
  error?: AppErrorInfo;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

export function SignOutConfirm({ targets, busy, error, confirmLabel, onConfirm, onCancel }: SignOutConfirmProps) {
  const production = targets.some((profile) => profile.environment === 'production');
  return (
    <ConfirmDialog
      title={targets.length === 1 ? 'Sign out of 1 server?' : `Sign out of ${targets.length} servers?`}
      tone="danger"
      confirmLabel={confirmLabel}
      busy={busy}
      busyLabel="Signing out…"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        The sessions on these servers end, here and on the servers.{' '}
        {production ? <strong>{productionText(targets)}</strong> : productionText(targets)}
      </p>
      <ul className="dialog-list">
        {targets.map((profile) => (
          <li key={profile.id}>
            <span className="dialog-list-label">{profile.label}</span>
            <EnvironmentTag environment={profile.environment} compact />
            <span className="muted">{hostOf(profile.baseUrl)}</span>
          </li>
        ))}
      </ul>
      {error ? <ErrorNotice error={error} /> : null}
    </ConfirmDialog>
  );
}
