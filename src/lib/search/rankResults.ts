import { normalizeForComparison } from '../text/normalize.ts';
import type { ParsedQuery } from './parseQuery.ts';

export interface LoadedResult {
  url: string;
  /** The page's indexed text. */
  content: string;
  meta: Record<string, string | undefined>;
  /** Pagefind's relevance score. */
  score: number;
}

/**
 * How much a page kind counts when several pages contain the query: the point's 原文 is the
 * authority, its 解读 and 图解 explain it, the whole document and the lists only mention it.
 */
export const KIND_BOOST: Record<string, number> = { point: 4, jiedu: 2, tujie: 1.5, document: 1, ledger: 0.8, department: 0.6 };

export function containsAll(text: string, needles: string[]): boolean {
  const plain = normalizeForComparison(text);
  return needles.every((n) => plain.includes(n));
}

function weight(result: LoadedResult, query: ParsedQuery): number {
  const inTitle = containsAll(result.meta.title ?? '', query.needles) ? 3 : 1;
  return result.score * (KIND_BOOST[result.meta.kind ?? ''] ?? 1) * inTitle;
}

/**
 * Splits Pagefind's results into pages that really contain the query (after normalising spaces,
 * punctuation and width) and looser matches. Pagefind matches Chinese queries character by
 * character as word prefixes, so without this a search for 发布会 also lists pages that only
 * have 社会. Exact matches are re-ranked by kind and by the query appearing in the title; loose
 * ones keep Pagefind's order.
 */
export function rankResults<R extends LoadedResult>(results: R[], query: ParsedQuery): { exact: R[]; loose: R[] } {
  const exact: R[] = [];
  const loose: R[] = [];
  for (const r of results) (containsAll(`${r.meta.title ?? ''} ${r.content}`, query.needles) ? exact : loose).push(r);
  exact.sort((a, b) => weight(b, query) - weight(a, query));
  return { exact, loose: query.exactOnly ? [] : loose };
}
