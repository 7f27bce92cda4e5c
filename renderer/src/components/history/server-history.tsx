// The last things that happened on one server, at the foot of its pane.
import type { JiraSessionsBridge } from '../../bridge';
import { formatAbsolute } from '../../format/dates';
import { describeActivity } from './activity-copy';
import { useActivity } from './use-activity';
import './history-screen.css';

const SHOWN = 8;

export function ServerHistory({ bridge, profileId }: { bridge: JiraSessionsBridge; profileId: string }) {
  const { entries } = useActivity(bridge, { profileId, limit: SHOWN });
  if (!entries || entries.length === 0) return null;
  return (
    <section className="card server-history" aria-labelledby="server-history-title">
      <h3 className="card-title" id="server-history-title">
        History
      </h3>
      <ol className="history-list">
        {entries.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className={`history-item history-${entry.kind}`}>
            <time dateTime={entry.at}>{formatAbsolute(Date.parse(entry.at), undefined, { seconds: true })}</time>
            <span>{describeActivity(entry)}</span>
            <span className="muted">{entry.username}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
