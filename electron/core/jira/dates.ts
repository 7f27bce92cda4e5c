// Jira writes times as `2013-11-27T09:43:28.839+0000` (offset without a colon), which Date.parse does not
// accept everywhere, so they are parsed explicitly.
const JIRA_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Returns the time as an ISO-8601 UTC string, or undefined when it is missing or not a Jira time. */
export function parseJiraTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = JIRA_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '0', zone = 'Z'] = match;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const utc =
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis) -
    offsetMinutes * 60_000;
  return Number.isNaN(utc) ? undefined : new Date(utc).toISOString();
}
