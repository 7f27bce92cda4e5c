// Remembers where the window was. What is read back is checked against the displays now attached, so a window
// last seen on a monitor that has since been unplugged comes back centred on one that exists.
import type { BaseWindow, Rectangle } from 'electron';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1100, height: 720 } as const;
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;

/** How much of the window's top strip (its title bar) must lie on a display for the saved position to be kept. */
const VISIBLE_TITLE_BAR = { width: 100, height: 32 } as const;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function overlap(a: Rectangle, b: Rectangle): Rectangle {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return { x, y, width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Turns whatever the store holds into bounds for a new window: defaults for anything missing or malformed, a size
 * no larger than the biggest display, and the position only when the title bar would be reachable.
 */
export function restoreWindowBounds(saved: unknown, workAreas: readonly Rectangle[]): WindowBounds {
  const record = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  const maxWidth = Math.max(MIN_WINDOW_SIZE.width, ...workAreas.map((area) => area.width));
  const maxHeight = Math.max(MIN_WINDOW_SIZE.height, ...workAreas.map((area) => area.height));
  const size = (value: unknown, fallback: number, min: number, max: number): number =>
    Math.round(Math.min(max, Math.max(min, isFiniteNumber(value) ? value : fallback)));
  const width = size(record.width, DEFAULT_WINDOW_SIZE.width, MIN_WINDOW_SIZE.width, maxWidth);
  const height = size(record.height, DEFAULT_WINDOW_SIZE.height, MIN_WINDOW_SIZE.height, maxHeight);
  const bounds: WindowBounds = { width, height, maximized: record.maximized === true };
  if (isFiniteNumber(record.x) && isFiniteNumber(record.y)) {
    const titleBar = { x: record.x, y: record.y, width, height: VISIBLE_TITLE_BAR.height };
    const reachable = workAreas.some((area) => {
      const shared = overlap(titleBar, area);
      return shared.width >= Math.min(VISIBLE_TITLE_BAR.width, width) && shared.height >= VISIBLE_TITLE_BAR.height;
    });
    if (reachable) {
      bounds.x = Math.round(record.x);
      bounds.y = Math.round(record.y);
    }
  }
  return bounds;
}

/** The geometry options of a new window (BrowserWindow or BaseWindow) opening at restored bounds. */
export function windowGeometry(bounds: WindowBounds) {
  return {
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
  };
}

/** Where the bounds live: a small electron-store document of its own (see main.ts). */
export interface WindowBoundsStore {
  load(): unknown;
  save(bounds: WindowBounds): void;
}

export const WINDOW_STATE_SAVE_DELAY_MS = 500;

/**
 * Saves the normal (not maximised) bounds of a BrowserWindow or a BaseWindow shortly after it moves or resizes, and
 * once more on close.
 */
export function trackWindowBounds(
  window: Pick<BaseWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>,
  store: WindowBoundsStore,
  onError: (error: unknown) => void = () => undefined,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed()) return;
    try {
      store.save({ ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      // Losing the window position is not worth interrupting the user for.
      onError(error);
    }
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, WINDOW_STATE_SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
