import { describe, expect, it } from 'vitest';
import {
  AUTOMATIC_CHECK_INTERVAL_MS,
  initialUpdateState,
  isAutomaticCheckDue,
  nextUpdateState,
  updateSummary,
  type UpdateEvent,
  type UpdateState,
} from '../../electron/shared/updates';

const AT = '2026-12-01T09:00:00.000Z';
const run = (events: UpdateEvent[], from: UpdateState = initialUpdateState('1.0.0')): UpdateState =>
  events.reduce(nextUpdateState, from);

describe('the update state machine', () => {
  it('goes checking → available → downloading → downloaded, with the version and whole per cents', () => {
    const states = [
      { type: 'checking' },
      { type: 'available', version: '1.1.0', at: AT },
      { type: 'progress', percent: 41.7 },
      { type: 'progress', percent: 100 },
      { type: 'downloaded', version: '1.1.0' },
    ].map((_, index, events) => run(events.slice(0, index + 1) as UpdateEvent[]));
    expect(states.map((state) => state.status)).toEqual([
      'checking',
      'available',
      'downloading',
      'downloading',
      'downloaded',
    ]);
    expect(states[2]).toEqual({
      status: 'downloading',
      currentVersion: '1.0.0',
      version: '1.1.0',
      percent: 41,
      checkedAt: AT,
    });
    expect(states[4]).toEqual({ status: 'downloaded', currentVersion: '1.0.0', version: '1.1.0', checkedAt: AT });
  });

  it('is up to date when the feed has nothing newer, and remembers when it asked', () => {
    expect(run([{ type: 'checking' }, { type: 'not-available', at: AT }])).toEqual({
      status: 'up-to-date',
      currentVersion: '1.0.0',
      checkedAt: AT,
    });
  });

  it('keeps a downloaded update until the person restarts; only a failed install moves it', () => {
    const ready = run([
      { type: 'available', version: '1.1.0', at: AT },
      { type: 'downloaded', version: '1.1.0' },
    ]);
    expect(nextUpdateState(ready, { type: 'checking' })).toBe(ready);
    expect(nextUpdateState(ready, { type: 'not-available', at: AT })).toBe(ready);
    expect(nextUpdateState(ready, { type: 'progress', percent: 3 })).toBe(ready);
    expect(nextUpdateState(ready, { type: 'failed', message: 'No.' })).toMatchObject({
      status: 'error',
      message: 'No.',
    });
  });

  it('does not start a second check while one is under way', () => {
    const downloading = run([
      { type: 'available', version: '1.1.0', at: AT },
      { type: 'progress', percent: 5 },
    ]);
    expect(nextUpdateState(downloading, { type: 'checking' })).toBe(downloading);
  });

  it('ignores progress without a version to download', () => {
    const idle = initialUpdateState('1.0.0');
    expect(nextUpdateState(idle, { type: 'progress', percent: 10 })).toBe(idle);
  });

  it('an error keeps when the feed last answered, and a new check leaves it', () => {
    const failed = run([{ type: 'not-available', at: AT }, { type: 'checking' }, { type: 'failed', message: 'Down.' }]);
    expect(failed).toEqual({ status: 'error', currentVersion: '1.0.0', message: 'Down.', checkedAt: AT });
    expect(nextUpdateState(failed, { type: 'checking' })).toEqual({
      status: 'checking',
      currentVersion: '1.0.0',
      checkedAt: AT,
    });
  });

  it('disabled is final', () => {
    const disabled = run([{ type: 'disabled', message: 'Updates are not configured for this build.' }]);
    for (const event of [
      { type: 'checking' },
      { type: 'available', version: '2.0.0', at: AT },
      { type: 'failed', message: 'x' },
    ] as UpdateEvent[]) {
      expect(nextUpdateState(disabled, event)).toBe(disabled);
    }
  });
});

describe('isAutomaticCheckDue', () => {
  const now = Date.parse(AT);
  it('is due without a last check, a day after it, and after the clock went back or an unreadable time', () => {
    expect(isAutomaticCheckDue(undefined, now)).toBe(true);
    expect(isAutomaticCheckDue(new Date(now - AUTOMATIC_CHECK_INTERVAL_MS).toISOString(), now)).toBe(true);
    expect(isAutomaticCheckDue(new Date(now + 60_000).toISOString(), now)).toBe(true);
    expect(isAutomaticCheckDue('yesterday', now)).toBe(true);
  });
  it('is not due within the day', () => {
    expect(isAutomaticCheckDue(new Date(now - AUTOMATIC_CHECK_INTERVAL_MS + 1).toISOString(), now)).toBe(false);
    expect(isAutomaticCheckDue(AT, now)).toBe(false);
  });
});

describe('updateSummary', () => {
  it('says each state in plain words', () => {
    const base = { currentVersion: '1.0.0' };
    expect(updateSummary({ ...base, status: 'downloading', version: '1.1.0', percent: 42 })).toBe(
      'Downloading version 1.1.0: 42%',
    );
    expect(updateSummary({ ...base, status: 'downloaded', version: '1.1.0' })).toBe(
      'Version 1.1.0 is ready. Restart to update.',
    );
    expect(updateSummary({ ...base, status: 'up-to-date' })).toBe('Version 1.0.0 is the latest: up to date.');
    expect(updateSummary({ ...base, status: 'error', message: 'The update server could not be reached.' })).toBe(
      'Could not update: The update server could not be reached.',
    );
    expect(updateSummary({ ...base, status: 'disabled', message: 'Updates are not configured for this build.' })).toBe(
      'Updates are not configured for this build.',
    );
  });
});
