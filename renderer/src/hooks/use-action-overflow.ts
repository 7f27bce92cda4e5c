// Measures an action bar with ResizeObserver and says which of its actions no longer fit. Every action stays in
// the DOM (those that overflow are laid out out of flow and hidden), so each keeps a natural width to measure, and
// a label change ("Refresh all" → "Refreshing…") is seen like a window resize.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { overflowingActions } from '../layout/fit-actions';

export const ACTION_ID_ATTRIBUTE = 'data-action-id';
export const MORE_BUTTON_ATTRIBUTE = 'data-action-more';

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function measureBar(bar: HTMLElement, priorities: ReadonlyMap<string, number>): string[] {
  const items = Array.from(bar.querySelectorAll<HTMLElement>(`:scope > [${ACTION_ID_ATTRIBUTE}]`));
  const more = bar.querySelector<HTMLElement>(`:scope > [${MORE_BUTTON_ATTRIBUTE}]`);
  const style = getComputedStyle(bar);
  const padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
  return overflowingActions({
    // Whole pixels, rounded up: a control that fits only by a fraction is better in the menu than clipped.
    actions: items.map((item) => {
      const id = item.getAttribute(ACTION_ID_ATTRIBUTE) ?? '';
      return { id, priority: priorities.get(id) ?? 0, width: Math.ceil(item.getBoundingClientRect().width) };
    }),
    available: Math.floor(bar.clientWidth - padding),
    gap: parseFloat(style.columnGap) || 0,
    moreWidth: Math.ceil(more?.getBoundingClientRect().width ?? 0),
  });
}

/** `priorities` maps each action id to its priority; the bar's order is the DOM's. */
export function useActionOverflow(
  bar: RefObject<HTMLElement | null>,
  priorities: ReadonlyMap<string, number>,
): string[] {
  const [overflow, setOverflow] = useState<string[]>([]);
  const latest = useRef(priorities);
  useLayoutEffect(() => {
    latest.current = priorities;
  });

  useLayoutEffect(() => {
    const element = bar.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    // A ResizeObserver reports each element once when observing starts, then on every change of its size: the
    // bar's (the window), and each control's (its label). Applied before the frame is painted.
    const observer = new ResizeObserver(() => {
      const next = measureBar(element, latest.current);
      flushSync(() => setOverflow((current) => (sameList(current, next) ? current : next)));
    });
    const observeChildren = () => {
      observer.observe(element);
      for (const child of Array.from(element.children)) observer.observe(child);
    };
    observeChildren();
    // Actions come and go with the state (Refresh only while signed in): observe the new ones too.
    const mutations = new MutationObserver(observeChildren);
    mutations.observe(element, { childList: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [bar]);

  return overflow;
}
