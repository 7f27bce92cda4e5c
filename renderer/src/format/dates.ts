// Dates as an administrator reads them: relative ("3 hours ago") next to absolute, in the user's own locale.

/** Jira writes offsets without a colon (`+0000`), which Date.parse does not accept everywhere. */
const JIRA_OFFSET = /([+-])(\d{2})(\d{2})$/;

/** Parses an ISO-8601 time (also Jira's `yyyy-MM-dd'T'HH:mm:ss.SSSZ`); undefined when it is not a time. */
export function parseIsoTime(text: string | undefined | null): number | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const trimmed = text.trim();
  const normalised = /T/.test(trimmed) && JIRA_OFFSET.test(trimmed) ? trimmed.replace(JIRA_OFFSET, '$1$2:$3') : trimmed;
  const time = Date.parse(normalised);
  return Number.isNaN(time) ? undefined : time;
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? '';
  let format = relativeFormats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    relativeFormats.set(key, format);
  }
  return format;
}

/** "3 hours ago", "in 2 minutes", "now"; the largest unit that fits, rounded towards zero. */
export function formatRelative(time: number, now: number, locale?: string): string {
  const seconds = Math.round((time - now) / 1000);
  const magnitude = Math.abs(seconds);
  if (magnitude < 10) return relativeFormat(locale).format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (magnitude >= size) return relativeFormat(locale).format(Math.trunc(seconds / size), unit);
  }
  return relativeFormat(locale).format(seconds, 'second');
}

const absoluteFormats = new Map<string, Intl.DateTimeFormat>();
function absoluteFormat(locale: string | undefined, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${withSeconds}`;
  let format = absoluteFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: withSeconds ? 'medium' : 'short',
    });
    absoluteFormats.set(key, format);
  }
  return format;
}

/** "27 Nov 2013, 09:43" in the user's locale and time zone. */
export function formatAbsolute(time: number, locale?: string, options: { seconds?: boolean } = {}): string {
  return absoluteFormat(locale, options.seconds ?? false).format(time);
}

/** "11 Feb 2025": a day, when the time of day means nothing (a build date). */
export function formatDate(time: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(time);
}

/** "14:05:30": for times within the next minutes (a rate limit's end). */
export function formatClockTime(time: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(time);
}

/** The current UTC offset of an IANA time zone as the locale names it ("GMT+1"); undefined for unknown zones. */
export function describeTimeZone(timeZone: string, now: number, locale?: string): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(now);
    return parts.find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return undefined;
  }
}

// Spelled in shared, where the field rules use it for the limits they explain.
export { formatDuration } from '../../../electron/shared/durations';
