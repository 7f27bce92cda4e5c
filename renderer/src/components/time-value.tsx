// A moment shown both ways: "3 hours ago" to scan, the exact date and time to be sure.
import { formatAbsolute, formatRelative, parseIsoTime } from '../format/dates';
import './time-value.css';

export interface TimeValueProps {
  iso: string | undefined;
  now: number;
  /** Said when the server did not report the time. */
  missing?: string;
  /** Within a sentence: "47 minutes ago (30 Nov 2026, 02:23)". */
  inline?: boolean;
}

export function TimeValue({ iso, now, missing = 'Not reported', inline = false }: TimeValueProps) {
  const time = parseIsoTime(iso);
  if (time === undefined) return <span className="muted">{missing}</span>;
  const absolute = formatAbsolute(time);
  if (inline) {
    return (
      <>
        <time dateTime={new Date(time).toISOString()} title={absolute}>
          {formatRelative(time, now)}
        </time>{' '}
        ({absolute})
      </>
    );
  }
  return (
    <span className="time-value">
      <time dateTime={new Date(time).toISOString()} title={absolute}>
        {formatRelative(time, now)}
      </time>
      <span className="time-absolute">{absolute}</span>
    </span>
  );
}
