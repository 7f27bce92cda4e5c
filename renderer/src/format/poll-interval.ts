// The poll interval is stored in seconds; people think of it in minutes unless it is short.
export type PollUnit = 'seconds' | 'minutes';

export function splitPollInterval(seconds: number): { value: string; unit: PollUnit } {
  if (seconds >= 60 && seconds % 60 === 0) return { value: String(seconds / 60), unit: 'minutes' };
  return { value: String(seconds), unit: 'seconds' };
}

/** Seconds for a typed value, or undefined when it is not a whole number of seconds. */
export function joinPollInterval(value: string, unit: PollUnit): number | undefined {
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const seconds = Number(text) * (unit === 'minutes' ? 60 : 1);
  return Number.isInteger(seconds) ? seconds : undefined;
}

export {
  DEFAULT_POLL_INTERVAL_SECONDS,
  MAX_POLL_INTERVAL_SECONDS,
  MIN_POLL_INTERVAL_SECONDS,
} from '../../../electron/shared/limits';
