/**
 * The search page searches the newest index first and shows its results, then the older indexes
 * (`src/client/search.ts`). These helpers make the list shown at the end the one a single search
 * over every index gives: Pagefind's own merged search concatenates its indexes' results in
 * index order and sorts them by score, stable, and so does `combineFound`.
 */

/** Pagefind's results for a query in one index or group of indexes (see `find` in the client). */
export interface Found<R> {
  /** Pages that may contain the query (every phrase of it): checked against their text. */
  candidates: R[];
  /** Pages with every character of the query, not together: loose matches. */
  others: R[];
}

const byScore = <R extends { score: number }>(a: R, b: R) => b.score - a.score;

/** The newest index's results and the older indexes', in the order one merged search gives. */
export function combineFound<R extends { score: number }>(newest: Found<R>, older: Found<R>): Found<R> {
  return {
    candidates: [...newest.candidates, ...older.candidates].sort(byScore),
    others: [...newest.others, ...older.others].sort(byScore),
  };
}

/**
 * What to load and check now (`limit` pages: candidates first, then loose matches unless the query
 * was quoted) and the candidates left for the “more results” button.
 */
export function firstBatch<R>(found: Found<R>, limit: number, exactOnly: boolean): { load: R[]; rest: R[] } {
  return {
    load: [...found.candidates, ...(exactOnly ? [] : found.others)].slice(0, limit),
    rest: found.candidates.slice(limit),
  };
}
