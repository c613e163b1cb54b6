/**
 * What the search page (`search.ts`, through `IndexWorker`) asks of a search worker
 * (`searchWorker.ts`), and what it answers. Only plain data crosses: a result is its Pagefind page
 * id and score, and its text is asked for by id.
 */

/** A page Pagefind found: its id (the fragment's hash) and its score. */
export interface Hit {
  id: string;
  score: number;
}

/** What the page shows of a result (Pagefind's fragment, the fields the page uses). */
export interface PageData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export type SearchRequest =
  /** Loads Pagefind from `base` and merges the indexes at `merge` into it; `lang` is the page's. */
  | { method: 'load'; base: string; merge: string[]; lang: string }
  /**
   * `findPages` with these searches and filters. A new `generation` (a new query on the page)
   * forgets the earlier queries' results, so the worker holds only the current query's.
   */
  | { method: 'find'; generation: number; terms: string; phrases: string[]; filters: Record<string, string[]>; candidatesOnly: boolean }
  /** The text of a page found by the current query. */
  | { method: 'data'; id: string };

export type SearchReply = { id: number; result: unknown } | { id: number; error: string };
