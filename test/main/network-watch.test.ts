import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNetwork } from '../../electron/main/network-watch';

describe('watchNetwork', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports each change of connectivity once, and nothing while it stays the same', () => {
    let online = true;
    const events: string[] = [];
    const stop = watchNetwork({
      isOnline: () => online,
      onOffline: () => events.push('offline'),
      onOnline: () => events.push('online'),
      intervalMs: 1000,
    });
    vi.advanceTimersByTime(3000);
    expect(events).toEqual([]);
    online = false;
    vi.advanceTimersByTime(3000);
    expect(events).toEqual(['offline']);
    online = true;
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['offline', 'online']);
    stop();
    online = false;
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['offline', 'online']);
  });

  it('pauses at once when the app starts offline', () => {
    const events: string[] = [];
    const stop = watchNetwork({
      isOnline: () => false,
      onOffline: () => events.push('offline'),
      onOnline: () => events.push('online'),
    });
    expect(events).toEqual(['offline']);
    stop();
  });
});
