// Export servers: all of them or a chosen few, as the versioned JSON document (no secret in it), saved where the
// person picks in the save dialog.
import { useEffect, useState } from 'react';
import type { AppErrorInfo, ServerProfile } from '../../../../electron/shared/model';
import { readAppError, type JiraSessionsBridge } from '../../bridge';
import { Dialog } from '../confirm-dialog';
import { ErrorNotice } from '../error-notice';
import './import-dialog.css';

export interface ExportDialogProps {
  bridge: JiraSessionsBridge;
  onClose(): void;
  /** Preselected servers (a selection in the list); all when absent. */
  initialIds?: readonly string[];
}

export function exportFileName(now: Date): string {
  return `jira-servers-${now.toISOString().slice(0, 10)}.json`;
}

export function ExportDialog({ bridge, onClose, initialIds }: ExportDialogProps) {
  const [profiles, setProfiles] = useState<ServerProfile[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    bridge.listProfiles().then(
      (list) => {
        if (!live) return;
        setProfiles(list);
        setChosen(new Set(initialIds ?? list.map((profile) => profile.id)));
      },
      (caught: unknown) => live && setError(readAppError(caught)),
    );
    return () => {
      live = false;
    };
  }, [bridge, initialIds]);

  const all = profiles !== null && chosen.size === profiles.length;
  const toggle = (id: string) =>
    setChosen((was) => {
      const next = new Set(was);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const text = await bridge.exportProfiles(all ? undefined : [...chosen]);
      if (await bridge.saveFile(exportFileName(new Date()), text)) onClose();
    } catch (caught) {
      setError(readAppError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Export servers"
      onClose={busy ? () => undefined : onClose}
      wide
      actions={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || chosen.size === 0}
            aria-busy={busy || undefined}
            onClick={() => void save()}
          >
            {all ? 'Export all…' : `Export ${chosen.size} ${chosen.size === 1 ? 'server' : 'servers'}…`}
          </button>
        </>
      }
    >
      <p>Addresses, users and settings only: no password, session or token leaves the app.</p>
      {profiles && profiles.length > 0 ? (
        <>
          <div className="field-check">
            <input
              id="export-all"
              type="checkbox"
              checked={all}
              onChange={() => setChosen(all ? new Set() : new Set(profiles.map((profile) => profile.id)))}
            />
            <label htmlFor="export-all">All servers ({profiles.length})</label>
          </div>
          <ul className="dialog-list" aria-label="Servers to export">
            {profiles.map((profile) => (
              <li key={profile.id}>
                <input
                  id={`export-${profile.id}`}
                  type="checkbox"
                  checked={chosen.has(profile.id)}
                  onChange={() => toggle(profile.id)}
                />
                <label htmlFor={`export-${profile.id}`} className="dialog-list-label">
                  {profile.label}
                </label>
                <span className="muted">{profile.baseUrl}</span>
              </li>
            ))}
          </ul>
        </>
      ) : profiles ? (
        <p>There are no servers to export yet.</p>
      ) : null}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </Dialog>
  );
}
