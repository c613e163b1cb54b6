import type { Found } from './combine.ts';
import type { SearchPlan } from './segment.ts';

/**
 * Pagefind's results for a query's plan (`searchPlan`), those that may contain it first. The index
 * has a word per CJK character (`segment.ts`): the ordinary search (`plan.terms`) finds the pages
 * that have every word of the query, and each phrase search the pages where a run of words is
 * consecutive; pages in every phrase search are the candidates the search page then checks
 * against their text (`rankResults`), the rest are loose matches. The phrase searches read the
 * same index chunks.
 *
 * `candidatesOnly` skips the ordinary search when the plan has a phrase: the candidates then come
 * in the phrase search's order and there are no loose matches. The ordinary search is the larger
 * part of the work (it scores every page with all the characters), so the newest index's first
 * screen uses it.
 */
export async function findPages<R extends { id: string }>(
  search: (query: string) => Promise<R[]>,
  plan: SearchPlan,
  candidatesOnly = false,
): Promise<Found<R>> {
  const skipTerms = candidatesOnly && plan.phrases.length > 0;
  const queries = [...(skipTerms ? [] : [plan.terms]), ...plan.phrases.map((p) => `"${p}"`)];
  const found = await Promise.all(queries.map(search));
  const inPhrases = (skipTerms ? found : found.slice(1)).map((results) => new Set(results.map((r) => r.id)));
  const isCandidate = (r: R) => inPhrases.every((ids) => ids.has(r.id));
  const all = found[0]!;
  return { candidates: all.filter(isCandidate), others: skipTerms ? [] : all.filter((r) => !isCandidate(r)) };
}
