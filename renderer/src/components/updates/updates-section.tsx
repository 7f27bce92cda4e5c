// The Updates card of the Settings screen: the running version, where updates stand in plain words, Check for
// updates (any time: the daily limit is only for the automatic check) and Restart to update once one is ready.
import { isUpdateBusy, updateSummary } from '../../../../electron/shared/updates';
import type { JiraSessionsBridge } from '../../bridge';
import { formatAbsolute, parseIsoTime } from '../../format/dates';
import { useUpdates } from '../../hooks/use-updates';
import { ErrorNotice } from '../error-notice';

export function UpdatesSection({ bridge }: { bridge: JiraSessionsBridge }) {
  const { state, asking, error, unavailable, check, install, dismissError } = useUpdates(bridge);
  const checkedAt = parseIsoTime(state?.checkedAt);
  const disabled = state?.status === 'disabled';
  return (
    <section className="card" aria-labelledby="settings-updates">
      <h2 className="card-title" id="settings-updates">
        Updates
      </h2>
      <p>
        {state ? (
          <>
            Jira Session Manager <span className="mono-soft">{state.currentVersion}</span>
          </>
        ) : unavailable ? (
          'Where updates stand could not be read.'
        ) : (
          'Loading…'
        )}
      </p>
      <p role="status" aria-live="polite" data-update-status={state?.status}>
        {state ? updateSummary(state) : null}
        {checkedAt !== undefined && state?.status !== 'checking' ? (
          <span className="field-hint"> Last checked {formatAbsolute(checkedAt)}.</span>
        ) : null}
      </p>
      {error ? <ErrorNotice error={error} onDismiss={dismissError} /> : null}
      <div className="notice-actions">
        {state?.status === 'downloaded' ? (
          <button type="button" className="button button-primary" onClick={install}>
            Restart to update
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={!state || disabled || asking || isUpdateBusy(state)}
            onClick={check}
          >
            {asking || state?.status === 'checking' ? 'Checking…' : 'Check for updates'}
          </button>
        )}
      </div>
      {disabled ? null : (
        <p className="field-hint">
          The app looks for a new version once a day and downloads it in the background; it installs only when you
          restart to update.
        </p>
      )}
    </section>
  );
}
