// Which rows of a long list are in view: fixed heights per row kind, so the window is found by binary search over
// the rows' offsets, and only those rows (plus a few either side) are in the DOM.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';

/** Rows either side of the view, so a fast scroll or an arrow key shows no empty gap. */
const OVERSCAN = 6;
/** Before the list is laid out (and in tests, which lay nothing out), assume a tall window. */
const FALLBACK_HEIGHT = 1200;

export interface VirtualRows<E extends HTMLElement> {
  /** The scrolling element. */
  container: RefObject<E | null>;
  start: number;
  end: number;
  /** Space above the first rendered row and below the last one. */
  before: number;
  after: number;
  /** Scrolls just enough for row `index` to be fully in view. */
  reveal(index: number): void;
  onScroll(): void;
}

export function useVirtualRows<E extends HTMLElement>(heights: readonly number[]): VirtualRows<E> {
  const container = useRef<E>(null);
  const offsets = useMemo(() => {
    const result = new Array<number>(heights.length + 1);
    result[0] = 0;
    for (let i = 0; i < heights.length; i++) result[i + 1] = result[i]! + heights[i]!;
    return result;
  }, [heights]);
  const [viewport, setViewport] = useState({ top: 0, height: 0 });
  const frame = useRef(0);

  const measure = useCallback(() => {
    const element = container.current;
    if (!element) return;
    setViewport((current) =>
      current.top === element.scrollTop && current.height === element.clientHeight
        ? current
        : { top: element.scrollTop, height: element.clientHeight },
    );
  }, []);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // It reports the first size at once, and every change after.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [measure]);

  const onScroll = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measure);
  }, [measure]);

  const total = offsets[heights.length]!;
  const height = viewport.height || FALLBACK_HEIGHT;
  const first = Math.max(0, indexAt(offsets, viewport.top) - OVERSCAN);
  const last = Math.min(heights.length, indexAt(offsets, viewport.top + height) + 1 + OVERSCAN);

  const reveal = useCallback(
    (index: number) => {
      const element = container.current;
      if (!element || index < 0 || index >= heights.length) return;
      const top = offsets[index]!;
      const bottom = offsets[index + 1]!;
      const viewHeight = element.clientHeight || FALLBACK_HEIGHT;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (bottom > element.scrollTop + viewHeight) element.scrollTop = bottom - viewHeight;
      measure();
    },
    [heights.length, offsets, measure],
  );

  return {
    container,
    start: first,
    end: last,
    before: offsets[first]!,
    after: total - offsets[last]!,
    reveal,
    onScroll,
  };
}

/** The row at pixel `y`: the last one whose offset is at or above it. */
function indexAt(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle]! <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}
