// History: every server's activity, newest first, filtered by server, by what happened and by text, and saved as
// CSV through the save dialog.
import { useMemo, useState } from 'react';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../../electron/shared/activity';
import type { JiraSessionsBridge } from '../../bridge';
import { formatAbsolute } from '../../format/dates';
import { ErrorNotice } from '../error-notice';
import { ScreenHeader } from '../estate/screen-header';
import { KIND_LABELS, activityCsv, describeActivity } from './activity-copy';
import { useActivity } from './use-activity';
import './history-screen.css';

export interface HistoryScreenProps {
  bridge: JiraSessionsBridge;
  onBack(): void;
}

export function historyFileName(now: Date): string {
  return `jira-history-${now.toISOString().slice(0, 10)}.csv`;
}

export function HistoryScreen({ bridge, onBack }: HistoryScreenProps) {
  const { entries, error } = useActivity(bridge, {});
  const [server, setServer] = useState('');
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [text, setText] = useState('');

  const servers = useMemo(() => {
    const byId = new Map<string, string>();
    for (const entry of entries ?? []) if (!byId.has(entry.profileId)) byId.set(entry.profileId, entry.label);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [entries]);

  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (entries ?? []).filter(
      (entry) =>
        (server === '' || entry.profileId === server) &&
        (kind === '' || entry.kind === kind) &&
        (needle === '' ||
          [entry.label, entry.baseUrl, entry.username, describeActivity(entry)].some((value) =>
            value.toLowerCase().includes(needle),
          )),
    );
  }, [entries, server, kind, text]);

  const save = () => void bridge.saveFile(historyFileName(new Date()), activityCsv(shown)).catch(() => undefined);

  return (
    <main className="estate-screen" aria-labelledby="history-title">
      <ScreenHeader titleId="history-title" title="History" onBack={onBack}>
        <button type="button" className="button" onClick={save} disabled={shown.length === 0}>
          Export CSV…
        </button>
      </ScreenHeader>
      <div className="estate-screen-body">
        <p className="muted">
          Sign-ins, sign-outs, expiries, failed sign-ins, admin access, tokens and imports of the last 90 days (at most
          10,000 entries), kept on this computer only. No password, session or token is ever part of it.
        </p>
        <div className="history-filters" role="group" aria-label="Filter the history">
          <div className="field">
            <label htmlFor="history-server">Server</label>
            <select id="history-server" value={server} onChange={(event) => setServer(event.target.value)}>
              <option value="">All servers</option>
              {servers.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="history-kind">Event</label>
            <select
              id="history-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as ActivityKind | '')}
            >
              <option value="">All events</option>
              {ACTIVITY_KINDS.map((value) => (
                <option key={value} value={value}>
                  {KIND_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="history-text">Search</label>
            <input id="history-text" type="search" value={text} onChange={(event) => setText(event.target.value)} />
          </div>
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        {entries === null ? null : shown.length === 0 ? (
          <p role="status">{entries.length === 0 ? 'Nothing has happened yet.' : 'No entry matches the filter.'}</p>
        ) : (
          <table className="history-table">
            <caption className="visually-hidden">
              {shown.length} of {entries.length} entries
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Server</th>
                <th scope="col">User</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry, index) => (
                <tr key={`${entry.at}-${index}`} className={`history-${entry.kind}`}>
                  <td>
                    <time dateTime={entry.at}>
                      {formatAbsolute(Date.parse(entry.at), undefined, { seconds: true })}
                    </time>
                  </td>
                  <td>
                    <span className="history-server">{entry.label}</span>
                    <span className="muted history-url">{entry.baseUrl}</span>
                  </td>
                  <td>{entry.username}</td>
                  <td>{describeActivity(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </main>
  );
}
