// The entries of an import, grouped by what happens to each: added, updated (with the fields), skipped as a
// duplicate, or refused as invalid (with the reason).
import type { ImportEntry, ImportReport, ImportStatus } from '../../../../electron/shared/transfer';

const GROUPS: { status: ImportStatus; title: string }[] = [
  { status: 'new', title: 'New' },
  { status: 'changed', title: 'Changed' },
  { status: 'duplicate', title: 'Already in the list' },
  { status: 'invalid', title: 'Invalid' },
];

function detail(entry: ImportEntry): string | undefined {
  if (entry.status === 'changed') return `Changes ${entry.changes?.join(', ') ?? ''}`;
  return entry.status === 'new' ? undefined : entry.reason;
}

export function ImportPreview({ report }: { report: ImportReport }) {
  return (
    <div className="import-preview">
      <p className="import-counts">
        {GROUPS.map(({ status, title }) => (
          <span key={status} className={`import-count import-${status}`}>
            {title}: <strong>{report.counts[status]}</strong>
          </span>
        ))}
      </p>
      {GROUPS.filter(({ status }) => report.counts[status] > 0).map(({ status, title }) => (
        <section key={status} aria-label={title} className="import-group">
          <h3 className="import-group-title">{title}</h3>
          <ul className="dialog-list">
            {report.entries
              .filter((entry) => entry.status === status)
              .map((entry) => (
                <li key={entry.position} className="import-entry">
                  <span className="import-entry-main">
                    <span className="dialog-list-label">{entry.label || '(no name)'}</span>
                    <span className="import-entry-url">
                      {entry.baseUrl}
                      {entry.username ? ` · ${entry.username}` : ''}
                    </span>
                    {detail(entry) ? <span className="import-entry-detail">{detail(entry)}</span> : null}
                  </span>
                  <span className="muted">{entry.position}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
