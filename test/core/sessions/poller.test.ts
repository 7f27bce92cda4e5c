import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Poller } from '../../../electron/core/sessions/poller';

describe('Poller', () => {
  let checks: string[];
  let poller: Poller;

  beforeEach(() => {
    vi.useFakeTimers();
    checks = [];
    poller = new Poller((profileId) => checks.push(profileId));
  });
  afterEach(() => {
    poller.stopAll();
    vi.useRealTimers();
  });

  it('checks each profile once per interval, re-armed by the next start', () => {
    poller.start('a', 1000);
    poller.start('b', 3000);
    vi.advanceTimersByTime(1000);
    expect(checks).toEqual(['a']);
    // The service re-arms a profile after its check finishes; until then there is no second timer.
    vi.advanceTimersByTime(1000);
    expect(checks).toEqual(['a']);
    poller.start('a', 1000);
    vi.advanceTimersByTime(1000);
    expect(checks).toEqual(['a', 'b', 'a']);
  });

  it('runs nothing while paused and re-arms every profile on resume', () => {
    poller.start('a', 1000);
    poller.pauseAll();
    poller.start('b', 1000);
    vi.advanceTimersByTime(5000);
    expect(checks).toEqual([]);
    expect(poller.isScheduled('a')).toBe(false);
    poller.resumeAll();
    vi.advanceTimersByTime(1000);
    expect(checks.sort()).toEqual(['a', 'b']);
  });

  it('forgets a stopped profile, also across pause and resume', () => {
    poller.start('a', 1000);
    poller.stop('a');
    poller.pauseAll();
    poller.resumeAll();
    vi.advanceTimersByTime(5000);
    expect(checks).toEqual([]);
  });
});
