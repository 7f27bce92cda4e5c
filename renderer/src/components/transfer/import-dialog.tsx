// Import servers: pick a file (or paste its text), see what it would do — new, changed, duplicate and invalid
// entries with their reasons — and only then apply it. The core judges; this shows and asks.
import { useState } from 'react';
import type { AppErrorInfo } from '../../../../electron/shared/model';
import type { ImportReport } from '../../../../electron/shared/transfer';
import { readAppError, type JiraSessionsBridge } from '../../bridge';
import { Dialog } from '../confirm-dialog';
import { ErrorNotice } from '../error-notice';
import { ImportPreview } from './import-preview';
import './import-dialog.css';

export interface ImportDialogProps {
  bridge: JiraSessionsBridge;
  onClose(): void;
}

type Stage = { kind: 'choose' } | { kind: 'preview'; report: ImportReport } | { kind: 'done'; report: ImportReport };

export function ImportDialog({ bridge, onClose }: ImportDialogProps) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(readAppError(caught));
    } finally {
      setBusy(false);
    }
  };

  const preview = (source: string) =>
    run(async () => setStage({ kind: 'preview', report: await bridge.importProfiles(source, { apply: false }) }));

  const chooseFile = () =>
    run(async () => {
      const file = await bridge.openTextFile();
      if (!file) return;
      setFileName(file.fileName);
      setText(file.text);
      setStage({ kind: 'preview', report: await bridge.importProfiles(file.text, { apply: false }) });
    });

  const apply = () =>
    run(async () => setStage({ kind: 'done', report: await bridge.importProfiles(text, { apply: true }) }));

  let body;
  let actions;
  if (stage.kind === 'choose') {
    body = (
      <>
        <p>
          Choose a server list exported by Jira Session Manager, or a CSV with a header row: label, url, username,
          environment.
        </p>
        <button type="button" className="button" onClick={() => void chooseFile()} disabled={busy}>
          Choose file…
        </button>
        <div className="field">
          <label htmlFor="import-text">Or paste its text</label>
          <textarea
            id="import-text"
            className="transfer-text"
            rows={6}
            spellCheck={false}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setFileName(null);
            }}
          />
        </div>
      </>
    );
    actions = (
      <>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || text.trim() === ''}
          aria-busy={busy || undefined}
          onClick={() => void preview(text)}
        >
          Preview
        </button>
      </>
    );
  } else {
    const { report } = stage;
    const toApply = report.counts.new + report.counts.changed;
    body = (
      <>
        {stage.kind === 'preview' ? (
          <p>{fileName ? `${fileName}: ` : ''}Nothing has changed yet. Review the entries, then import.</p>
        ) : (
          <p role="status">
            Imported: {report.counts.new} added, {report.counts.changed} updated.
          </p>
        )}
        <ImportPreview report={report} />
      </>
    );
    actions =
      stage.kind === 'preview' ? (
        <>
          <button type="button" className="button" onClick={() => setStage({ kind: 'choose' })} disabled={busy}>
            Back
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || toApply === 0}
            aria-busy={busy || undefined}
            onClick={() => void apply()}
          >
            {toApply === 0 ? 'Nothing to import' : `Import ${toApply} ${toApply === 1 ? 'server' : 'servers'}`}
          </button>
        </>
      ) : (
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          Done
        </button>
      );
  }

  return (
    <Dialog title="Import servers" onClose={busy ? () => undefined : onClose} actions={actions} wide>
      {body}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </Dialog>
  );
}
