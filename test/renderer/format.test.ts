import { signedOutState } from '../../electron/shared/session-state';
import { readAppError } from '../../renderer/src/bridge';
import {
  describeTimeZone,
  formatAbsolute,
  formatDate,
  formatDuration,
  formatRelative,
  parseIsoTime,
} from '../../renderer/src/format/dates';
import { joinPollInterval, splitPollInterval } from '../../renderer/src/format/poll-interval';
import { ariaShortcut, primaryModifierLabel } from '../../renderer/src/hooks/use-shortcuts';
import { displayStatus, holdsSession, hostOf, initialsOf, matchesFilter } from '../../renderer/src/view-model';
import { makeProfile } from '../support/model-fixtures';

describe('parseIsoTime', () => {
  test("reads Jira's offset without a colon", () => {
    expect(parseIsoTime('2013-11-27T09:43:28.839+0000')).toBe(Date.UTC(2013, 10, 27, 9, 43, 28, 839));
    expect(parseIsoTime('2013-11-27T09:43:28.839+0530')).toBe(Date.UTC(2013, 10, 27, 4, 13, 28, 839));
    expect(parseIsoTime('2013-11-27T09:43:28.839-0200')).toBe(Date.UTC(2013, 10, 27, 11, 43, 28, 839));
  });

  test('reads plain ISO-8601', () => {
    expect(parseIsoTime('2025-02-11T10:00:00.000Z')).toBe(Date.UTC(2025, 1, 11, 10));
    expect(parseIsoTime('2025-02-11T10:00:00+01:00')).toBe(Date.UTC(2025, 1, 11, 9));
  });

  test('gives nothing for nothing or nonsense', () => {
    expect(parseIsoTime(undefined)).toBeUndefined();
    expect(parseIsoTime(null)).toBeUndefined();
    expect(parseIsoTime('')).toBeUndefined();
    expect(parseIsoTime('yesterday-ish')).toBeUndefined();
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2026, 5, 15, 12);
  test.each([
    [-2 * 86_400_000, '2 days ago'],
    [-86_400_000, 'yesterday'],
    [-3 * 3_600_000, '3 hours ago'],
    [-90 * 60_000, '1 hour ago'],
    [-4 * 60_000, '4 minutes ago'],
    [-5_000, 'now'],
    [90_000, 'in 1 minute'],
    [-40 * 86_400_000, 'last month'],
    [-3 * 365 * 86_400_000, '3 years ago'],
  ])('%d ms → %s', (offset, text) => {
    expect(formatRelative(now + offset, now, 'en')).toBe(text);
  });

  test("speaks the user's language", () => {
    expect(formatRelative(now - 2 * 86_400_000, now, 'de')).toBe('vorgestern');
    expect(formatRelative(now - 3 * 86_400_000, now, 'de')).toBe('vor 3 Tagen');
    expect(formatRelative(now - 3 * 3_600_000, now, 'fr')).toBe('il y a 3 heures');
  });
});

test('formatAbsolute and formatDate use the locale', () => {
  const noon = Date.UTC(2013, 10, 27, 12);
  expect(formatAbsolute(noon, 'en-GB')).toMatch(/^27 Nov 2013, \d\d:\d\d$/);
  expect(formatAbsolute(noon, 'en-US')).toMatch(/^Nov 27, 2013, \d{1,2}:\d\d\s?[AP]M$/);
  expect(formatDate(noon, 'de-DE')).toBe('27.11.2013');
});

test('formatDuration spells a wait out', () => {
  expect(formatDuration(120, 'en')).toBe('2 minutes');
  expect(formatDuration(95, 'en')).toBe('1 minute 35 seconds');
  expect(formatDuration(3600, 'en')).toBe('1 hour');
  expect(formatDuration(3725, 'en')).toBe('1 hour 2 minutes 5 seconds');
  expect(formatDuration(0, 'en')).toBe('0 seconds');
});

test('describeTimeZone names the offset, and survives unknown zones', () => {
  expect(describeTimeZone('Europe/Berlin', Date.UTC(2025, 0, 15), 'en')).toBe('GMT+1');
  expect(describeTimeZone('Europe/Berlin', Date.UTC(2025, 6, 15), 'en')).toBe('GMT+2');
  expect(describeTimeZone('Not/AZone', Date.UTC(2025, 0, 15), 'en')).toBeUndefined();
});

describe('poll interval', () => {
  test('shows whole minutes as minutes, the rest as seconds', () => {
    expect(splitPollInterval(300)).toEqual({ value: '5', unit: 'minutes' });
    expect(splitPollInterval(45)).toEqual({ value: '45', unit: 'seconds' });
    expect(splitPollInterval(90)).toEqual({ value: '90', unit: 'seconds' });
  });

  test('reads typed values back into seconds', () => {
    expect(joinPollInterval('5', 'minutes')).toBe(300);
    expect(joinPollInterval(' 1.5 ', 'minutes')).toBe(90);
    expect(joinPollInterval('20', 'seconds')).toBe(20);
    expect(joinPollInterval('1.5', 'seconds')).toBeUndefined();
    expect(joinPollInterval('five', 'minutes')).toBeUndefined();
    expect(joinPollInterval('-5', 'minutes')).toBeUndefined();
  });
});

describe('view model', () => {
  test('hostOf drops the scheme but keeps port and context path', () => {
    expect(hostOf('https://jira.acme.com:8443/jira')).toBe('jira.acme.com:8443/jira');
  });

  test('initialsOf', () => {
    expect(initialsOf('Fred Jones')).toBe('FJ');
    expect(initialsOf('fred')).toBe('F');
    expect(initialsOf('Anna Maria de la Cruz')).toBe('AC');
    expect(initialsOf('  ')).toBe('?');
  });

  test('activity wins over status', () => {
    expect(displayStatus({ status: 'signed-in', activity: 'checking' })).toBe('checking');
    expect(displayStatus({ status: 'expired' })).toBe('expired');
  });

  test('holdsSession: signed in, or still holding cookies', () => {
    expect(holdsSession(undefined)).toBe(false);
    expect(holdsSession(signedOutState('a'))).toBe(false);
    expect(holdsSession({ ...signedOutState('a'), status: 'signed-in' })).toBe(true);
    expect(holdsSession({ ...signedOutState('a'), status: 'error', cookieNames: ['JSESSIONID'] })).toBe(true);
  });

  test('matchesFilter looks at name, address, username, environment and status, ignoring case', () => {
    const profile = makeProfile({
      id: 'p',
      label: 'Jira Prod',
      baseUrl: 'https://jira.acme.com',
      environment: 'production',
    });
    const session = { ...signedOutState('p'), status: 'expired' as const };
    expect(matchesFilter(profile, session, '  ')).toBe(true);
    expect(matchesFilter(profile, session, 'PROD')).toBe(true);
    expect(matchesFilter(profile, session, 'acme.com')).toBe(true);
    expect(matchesFilter(profile, session, 'admin.fred')).toBe(true);
    expect(matchesFilter(profile, session, 'production')).toBe(true);
    expect(matchesFilter(profile, session, 'expired')).toBe(true);
    expect(matchesFilter(profile, session, 'staging')).toBe(false);
  });
});

describe('readAppError', () => {
  test('passes an AppErrorInfo through', () => {
    const error = { kind: 'rate-limited', message: 'Slow down.', retryAfterSeconds: 30 };
    expect(readAppError(error)).toBe(error);
  });

  test.each([
    new Error('boom with password=x'),
    'text',
    null,
    { kind: 'no-such-kind', message: 'x' },
    { kind: 'timeout' },
  ])('turns %s into an internal error without its content', (reason) => {
    const error = readAppError(reason);
    expect(error.kind).toBe('internal-error');
    expect(JSON.stringify(error)).not.toContain('password');
  });
});

test('shortcut spelling per platform', () => {
  expect(primaryModifierLabel('darwin')).toBe('Cmd');
  expect(primaryModifierLabel('linux')).toBe('Ctrl');
  expect(primaryModifierLabel(undefined)).toBe('Ctrl');
  expect(ariaShortcut('darwin', '1')).toBe('Meta+1');
  expect(ariaShortcut('win32', 'N')).toBe('Control+N');
});
