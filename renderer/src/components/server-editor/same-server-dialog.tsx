// Asked before saving a server the list already has (same normalised base URL and username).
import type { ServerProfile } from '../../../../electron/shared/model';
import { hostOf } from '../../view-model';
import { Dialog } from '../confirm-dialog';
import { EnvironmentTag } from '../environment-tag';

export interface SameServerDialogProps {
  existing: ServerProfile;
  /** Whether the entry being saved is a new one (rather than an edit of another saved server). */
  adding: boolean;
  onSaveAnyway(): void;
  onGoToExisting(): void;
  onKeepEditing(): void;
}

export function SameServerDialog({
  existing,
  adding,
  onSaveAnyway,
  onGoToExisting,
  onKeepEditing,
}: SameServerDialogProps) {
  const user = existing.username ? ` as ${existing.username}` : '';
  return (
    <Dialog
      title="This server is already in the list"
      onClose={onKeepEditing}
      actions={
        <>
          <button type="button" className="button" onClick={onKeepEditing}>
            Keep editing
          </button>
          <button type="button" className="button" onClick={onSaveAnyway}>
            Save anyway
          </button>
          <button type="button" className="button button-primary" onClick={onGoToExisting} data-autofocus>
            Go to the existing one
          </button>
        </>
      }
    >
      <p>
        <strong>{existing.label}</strong> <EnvironmentTag environment={existing.environment} compact /> already signs in
        to {hostOf(existing.baseUrl)}
        {user}.
        {adding ? ' Saving this one adds a second entry for the same server.' : ' Saving makes both entries the same.'}
      </p>
      <p className="muted">Going to the existing one leaves this form without saving.</p>
    </Dialog>
  );
}
