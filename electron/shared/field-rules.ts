// What a typed value must be, said once: the zod schemas enforce these rules where arguments enter main or the
// core, and the forms apply the same functions as you type, so the window and the boundary never disagree.
// Each returns the problem in words, or undefined when the value is fine.
import { formatDuration } from './durations';
import { MAX_POLL_INTERVAL_SECONDS, MIN_POLL_INTERVAL_SECONDS } from './limits';

/** The values that may not be left empty, and what to say when they are. */
export const REQUIRED_FIELDS = {
  label: 'Give the server a name.',
  username: 'Enter the username.',
  password: 'Enter the password.',
} as const;
export type RequiredField = keyof typeof REQUIRED_FIELDS;

/** Empty means nothing but spaces, except for a password, where spaces are characters like any other. */
export function missingValueProblem(field: RequiredField, value: string): string | undefined {
  const empty = field === 'password' ? value === '' : value.trim() === '';
  return empty ? REQUIRED_FIELDS[field] : undefined;
}

/** A new server says which environment it is: red means production only because someone chose it. */
export const ENVIRONMENT_REQUIRED = 'Choose the environment: production, staging, test or development.';

/** A proxy is a full http(s) address; its credentials go in their own fields, where the password can be sealed. */
export function proxyUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'Enter the proxy as a full address, e.g. http://proxy.example.com:3128.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Use an http:// or https:// proxy address.';
  if (url.username !== '' || url.password !== '') return 'Leave credentials out of the proxy address.';
  return undefined;
}

/** How often a session is checked: whole seconds, within the limits. */
export function pollIntervalProblem(seconds: number | undefined): string | undefined {
  if (seconds === undefined || !Number.isInteger(seconds)) return 'Enter a whole number of seconds or minutes.';
  if (seconds < MIN_POLL_INTERVAL_SECONDS) return `Check at most every ${formatDuration(MIN_POLL_INTERVAL_SECONDS)}.`;
  if (seconds > MAX_POLL_INTERVAL_SECONDS) {
    return `Check at least once every ${formatDuration(MAX_POLL_INTERVAL_SECONDS)}.`;
  }
  return undefined;
}
