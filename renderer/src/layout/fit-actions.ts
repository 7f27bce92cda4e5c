// Which actions of a bar stay in view and which go into its "More actions" menu, from measured widths alone (pure,
// so the rule is unit-tested without a browser). The most important actions keep their place; the order of those
// that stay never changes.

export interface MeasuredAction {
  id: string;
  /** Lower numbers stay in view longest. */
  priority: number;
  /** Its width in the bar, in CSS pixels. */
  width: number;
}

export interface FitInput {
  actions: readonly MeasuredAction[];
  /** The width the bar may use. */
  available: number;
  /** The space between two controls. */
  gap: number;
  /** The "More actions" button, which takes a place of its own once anything overflows. */
  moreWidth: number;
}

/** The ids that go into the overflow menu, in the bar's order. Nothing overflows in a bar not yet laid out. */
export function overflowingActions({ actions, available, gap, moreWidth }: FitInput): string[] {
  if (available <= 0 || actions.length === 0) return [];
  const rowWidth = (widths: number[]) => widths.reduce((sum, width) => sum + width, 0) + gap * (widths.length - 1);
  if (rowWidth(actions.map((action) => action.width)) <= available) return [];

  // The More button takes its place first; then, most important first, each action stays if it still fits (a
  // narrow, less important one may take the room a wide one left).
  const staying = new Set<string>();
  let used = moreWidth;
  const byImportance = actions
    .map((action, index) => ({ action, index }))
    .sort((a, b) => a.action.priority - b.action.priority || a.index - b.index);
  for (const { action } of byImportance) {
    if (used + gap + action.width > available) continue;
    used += gap + action.width;
    staying.add(action.id);
  }
  return actions.filter((action) => !staying.has(action.id)).map((action) => action.id);
}
