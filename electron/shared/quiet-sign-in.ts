// The one sentence for a quiet re-sign-in, said the same way in the pane and in the notification.
import type { QuietSignIn } from './model';

const ordinals = new Intl.PluralRules('en', { type: 'ordinal' });
const SUFFIXES: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** 1st, 2nd, 3rd, 4th, 11th, 21st … */
export function ordinal(count: number): string {
  return `${count}${SUFFIXES[ordinals.select(count)] ?? 'th'}`;
}

/** Hours and minutes in the machine's own time and locale, e.g. "14:05". */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** "Signed in again automatically at 14:05 (3rd time today)". */
export function quietSignInSentence(quiet: QuietSignIn): string {
  return `Signed in again automatically at ${clockTime(quiet.at)} (${ordinal(quiet.countToday)} time today)`;
}
