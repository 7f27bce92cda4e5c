// A number of seconds in words ("1 hour 30 minutes"), for the limits the rules explain and the waits the window shows.

/** "2 minutes", "45 seconds", "1 hour 5 minutes": a wait, spelled for humans. */
export function formatDuration(totalSeconds: number, locale?: string): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const parts: string[] = [];
  if (hours > 0) parts.push(unit(hours, 'hour'));
  if (minutes > 0) parts.push(unit(minutes, 'minute'));
  if (rest > 0 || parts.length === 0) parts.push(unit(rest, 'second'));
  return parts.join(' ');
}
