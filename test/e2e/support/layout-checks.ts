// What the layout end-to-end test reads from the page: every action of the toolbar and the pane is either wholly
// in view or an entry of its bar's "More actions" menu, the overall status is in view, and the rows of the server
// list keep one height.
import type { Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarReport {
  bar: string;
  /** Actions shown in the bar that are cut off by the window or the bar itself. */
  cutOff: string[];
  inView: string[];
  /** Actions that left the bar, and the entries its menu offered for them. */
  overflowing: string[];
  menuEntries: string[];
  /** The open menu, when anything overflowed. */
  menuBox?: Box;
}

const TOLERANCE = 0.5;

export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - TOLERANCE &&
    inner.y >= outer.y - TOLERANCE &&
    inner.x + inner.width <= outer.x + outer.width + TOLERANCE &&
    inner.y + inner.height <= outer.y + outer.height + TOLERANCE
  );
}

export function viewportBox(page: Page): Box {
  const size = page.viewportSize();
  if (!size) throw new Error('The page has no viewport.');
  return { x: 0, y: 0, ...size };
}

/** Reads one action bar (by a selector for the element holding it) and opens its menu when anything overflowed. */
export async function readActionBar(page: Page, holder: string): Promise<BarReport> {
  const bar = page.locator(`${holder} [role="group"].action-bar`).first();
  const viewport = viewportBox(page);
  const barBox = await bar.boundingBox();
  if (!barBox) throw new Error(`${holder} has no action bar in view.`);
  const items = await bar.locator(':scope > [data-action-id]').evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.toggle-state').forEach((state) => state.remove());
      const first = copy.querySelector('button');
      const rect = element.getBoundingClientRect();
      return {
        label: (first?.textContent ?? '').trim(),
        overflowing: element.classList.contains('is-overflowing'),
        visible: getComputedStyle(element).visibility === 'visible',
        box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      };
    }),
  );
  const report: BarReport = { bar: holder, cutOff: [], inView: [], overflowing: [], menuEntries: [] };
  for (const item of items) {
    if (item.overflowing || !item.visible) report.overflowing.push(item.label);
    else if (inside(item.box, viewport) && inside(item.box, barBox)) report.inView.push(item.label);
    else report.cutOff.push(item.label);
  }
  if (report.overflowing.length > 0) {
    await bar.getByRole('button', { name: 'More actions' }).click();
    const menu = page.getByRole('menu', { name: 'More actions' });
    const entries = menu.locator('[role^="menuitem"]');
    report.menuEntries = (await entries.evaluateAll((elements) =>
      elements.map((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.toggle-state').forEach((state) => state.remove());
        return (copy.textContent ?? '').trim();
      }),
    )) as string[];
    report.menuBox = (await menu.boundingBox()) ?? undefined;
    await page.keyboard.press('Escape');
  }
  return report;
}

/** The heights of the server rows in view in the list (rows scrolled away are not laid out). */
export async function rowHeightsInView(page: Page): Promise<number[]> {
  return page.locator('[role="listbox"]').evaluate((list) => {
    const frame = list.getBoundingClientRect();
    return (
      Array.from(list.querySelectorAll('[role="option"]'))
        .map((row) => row.getBoundingClientRect())
        // A pixel of slack: at fractional zoom the edges land between device pixels.
        .filter((row) => row.top >= frame.top - 1 && row.bottom <= frame.bottom + 1)
        .map((row) => Math.round(row.height * 10) / 10)
    );
  });
}
