/**
 * Splits the site's characters into font slices. The first slice holds the characters most pages
 * use (plus all printable ASCII), so a typical page needs only it; the rest are grouped in
 * frequency order into smaller slices that a page downloads only when it shows one of them.
 * A site of a few hundred pages fits in the first slice; a 10,000-page archive spreads its rare
 * characters over later slices instead of growing the file every page needs.
 */
export interface SlicePlan {
  firstSize: number;
  restSize: number;
}

export const DEFAULT_PLAN: SlicePlan = { firstSize: 1500, restSize: 300 };

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i);

export function planSlices(counts: Map<number, number>, plan: SlicePlan = DEFAULT_PLAN): number[][] {
  const ranked = [...counts]
    .filter(([cp]) => cp > 0x7e)
    .sort(([a, x], [b, y]) => y - x || a - b)
    .map(([cp]) => cp);
  const slices: number[][] = [[...ASCII, ...ranked.slice(0, plan.firstSize)]];
  for (let i = plan.firstSize; i < ranked.length; i += plan.restSize) slices.push(ranked.slice(i, i + plan.restSize));
  return slices.map((s) => s.sort((a, b) => a - b));
}
