/**
 * Every element id the layouts and components (src/layouts, src/components) can render. A 解读's
 * headings get ids from their text (`## main` → `id="main"`); one that equals an id below would
 * duplicate it, and the skip link, the reading settings or the search box would lead to the
 * heading instead. `npm run check` refuses such a heading (ZW-MDX-023);
 * tests/unit/check/layoutIds.test.ts keeps this list complete.
 */

/** Ids written literally (`id="main"`), including those passed to a component (`<SearchBox id="site-search" />`). */
export const LAYOUT_IDS: readonly string[] = [
  'apply-heading',
  'leads-heading',
  'main',
  'progress-heading',
  'reading-panel',
  'shares-heading',
  'site-search',
  'task-filter',
];

/**
 * Ids a component computes (`id={…}`), each by the expression it is written with, and the ids it
 * can give. An expression that only passes on a prop (`id={id}`) gives the ids its callers write,
 * which are in LAYOUT_IDS.
 */
export const COMPUTED_LAYOUT_IDS: Readonly<Record<string, RegExp | null>> = {
  // DocumentPoint: `point-01`
  '`point-${pointNo2(p.data.no)}`': /^point-\d+$/,
  // ProgressHistory: progressAnchor, `progress-18-1`
  'progressAnchor(pointNo, task.data.seq)': /^progress-/,
  // SearchBox: its label, `site-search-label`
  '`${id}-label`': /-label$/,
  // SearchBox's input and TujieText's heading: the id their callers pass
  id: null,
  headingId: null,
};

/** True when a heading id would collide with an id of the layout or a component. */
export function isLayoutId(id: string): boolean {
  return LAYOUT_IDS.includes(id) || Object.values(COMPUTED_LAYOUT_IDS).some((pattern) => pattern?.test(id));
}
