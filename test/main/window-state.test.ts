import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  WINDOW_STATE_SAVE_DELAY_MS,
  restoreWindowBounds,
  trackWindowBounds,
} from '../../electron/main/window-state';
import type { WindowBounds } from '../../electron/main/window-state';

const fullHd = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const twoScreens = [...fullHd, { x: 1920, y: 0, width: 2560, height: 1440 }];

describe('restoreWindowBounds', () => {
  it('uses the defaults, centred, when nothing was saved', () => {
    expect(restoreWindowBounds(undefined, fullHd)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
    expect(restoreWindowBounds('garbage', fullHd)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('keeps a saved position that is on screen', () => {
    expect(restoreWindowBounds({ x: 50, y: 60, width: 900, height: 700, maximized: true }, fullHd)).toEqual({
      x: 50,
      y: 60,
      width: 900,
      height: 700,
      maximized: true,
    });
  });

  it('keeps a position on the second display', () => {
    expect(restoreWindowBounds({ x: 2200, y: 100, width: 1200, height: 800 }, twoScreens)).toMatchObject({
      x: 2200,
      y: 100,
    });
  });

  it('drops the position of a window on a display that is gone', () => {
    const restored = restoreWindowBounds({ x: 2200, y: 100, width: 1200, height: 800 }, fullHd);
    expect(restored.x).toBeUndefined();
    expect(restored.y).toBeUndefined();
    expect(restored).toMatchObject({ width: 1200, height: 800 });
  });

  it('drops a position whose title bar would be off screen', () => {
    expect(restoreWindowBounds({ x: 100, y: -500, width: 900, height: 700 }, fullHd).y).toBeUndefined();
    expect(restoreWindowBounds({ x: 1890, y: 100, width: 900, height: 700 }, fullHd).x).toBeUndefined();
  });

  it('clamps the size between the minimum and the largest display', () => {
    expect(restoreWindowBounds({ width: 100, height: 50 }, fullHd)).toMatchObject(MIN_WINDOW_SIZE);
    expect(restoreWindowBounds({ width: 9000, height: 9000 }, fullHd)).toMatchObject({ width: 1920, height: 1080 });
  });

  it('ignores non-numeric and non-finite values', () => {
    expect(restoreWindowBounds({ x: 'a', y: 1, width: Number.NaN, height: Infinity }, fullHd)).toEqual({
      width: DEFAULT_WINDOW_SIZE.width,
      height: DEFAULT_WINDOW_SIZE.height,
      maximized: false,
    });
  });
});

describe('trackWindowBounds', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const window = Object.assign(new EventEmitter(), {
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: false,
      destroyed: false,
      getNormalBounds() {
        return { ...this.bounds };
      },
      isMaximized() {
        return this.maximized;
      },
      isDestroyed() {
        return this.destroyed;
      },
    });
    const saved: WindowBounds[] = [];
    const store = { load: () => undefined, save: (bounds: WindowBounds) => void saved.push(bounds) };
    const onError = vi.fn();
    trackWindowBounds(window as never, store, onError);
    return { window, saved, onError, store };
  };

  it('saves once, shortly after a burst of moves and resizes', () => {
    const { window, saved } = setup();
    window.emit('move');
    window.bounds.x = 30;
    window.emit('resize');
    expect(saved).toHaveLength(0);
    vi.advanceTimersByTime(WINDOW_STATE_SAVE_DELAY_MS);
    expect(saved).toEqual([{ x: 30, y: 20, width: 1000, height: 700, maximized: false }]);
  });

  it('saves at once on close, with the maximised flag', () => {
    const { window, saved } = setup();
    window.maximized = true;
    window.emit('close');
    expect(saved).toEqual([{ x: 10, y: 20, width: 1000, height: 700, maximized: true }]);
    vi.advanceTimersByTime(WINDOW_STATE_SAVE_DELAY_MS * 2);
    expect(saved).toHaveLength(1);
  });

  it('reports a failing store instead of throwing', () => {
    const { window, onError, store } = setup();
    store.save = () => {
      throw new Error('disk full');
    };
    expect(() => window.emit('close')).not.toThrow();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk full' }));
  });
});
