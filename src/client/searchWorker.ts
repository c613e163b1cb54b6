/**
 * A search worker: one Pagefind (an index and those merged into it) on a thread of its own, run by
 * the search page through `IndexWorker` (`indexWorker.ts`).
 *
 * Why not Pagefind's own worker: its `search()` hands the page one object per result, each tied to
 * data its worker keeps until a `FinalizationRegistry` on the page sends a message to release it,
 * one per result. At 10,000 points a common query has some 57,000 results across the indexes, and
 * when the garbage collector reclaims them the page spends 0.6–0.8 s posting release messages:
 * the next query's first result then waited up to 1.6 s instead of 75 ms (docs/performance.md).
 * Here Pagefind runs on this thread without a worker of its own, its results stay here, and the
 * page gets plain ids and scores: no finalizers, and the current query's results are dropped in
 * one go when the next query starts.
 */
import { findPages } from '../lib/search/findPages.ts';
import { mergeIndexes, SEARCH_STEP_TIMEOUT_MS, withTimeout, type PagefindModule } from '../lib/search/pagefindLoad.ts';
import type { Hit, PageData, SearchReply, SearchRequest } from './searchWorkerProtocol.ts';

interface PagefindResult extends Hit {
  data(): Promise<PageData>;
}
interface Pagefind extends PagefindModule {
  search(q: string, o?: { filters?: Record<string, string[]> }): Promise<{ results: PagefindResult[] }>;
}

let pagefind: Pagefind | undefined;
/** The current query's results, by id, for `data`. */
let results = new Map<string, PagefindResult>();
let generation = -1;

/**
 * Pagefind takes the language of the query's words from `<html lang>` (it segments CJK queries
 * by word); a worker has no document, so it is given the page's. Pagefind tells a browser page
 * by `window`, which stays undefined here: it runs on this thread and starts no worker.
 */
function giveLanguage(lang: string): void {
  const html = { getAttribute: (name: string) => (name === 'lang' ? lang : null) };
  (globalThis as { document?: unknown }).document = { querySelector: (selector: string) => (selector === 'html' ? html : null) };
}

const plain = ({ id, score }: Hit): Hit => ({ id, score });

async function handle(request: SearchRequest): Promise<unknown> {
  switch (request.method) {
    case 'load': {
      giveLanguage(request.lang);
      const module = (await withTimeout(
        import(/* @vite-ignore */ `${request.base}pagefind.js`),
        SEARCH_STEP_TIMEOUT_MS,
        'loading Pagefind',
      )) as Pagefind;
      // Given, not taken from the script's URL: that is absolute here, and so would be every result's.
      pagefind = await mergeIndexes(module, request.merge, { options: { basePath: request.base } });
      return null;
    }
    case 'find': {
      if (!pagefind) throw new Error('Pagefind is not loaded');
      if (request.generation !== generation) {
        generation = request.generation;
        results = new Map();
      }
      const pf = pagefind;
      const found = await findPages(
        async (q) => (await pf.search(q, { filters: request.filters })).results,
        { terms: request.terms, phrases: request.phrases },
        request.candidatesOnly,
      );
      for (const r of [...found.candidates, ...found.others]) results.set(r.id, r);
      return { candidates: found.candidates.map(plain), others: found.others.map(plain) };
    }
    case 'data': {
      const result = results.get(request.id);
      if (!result) throw new Error(`no result ${request.id} in the current query`);
      const { url, content, meta, filters } = await result.data();
      return { url, content, meta, filters } satisfies PageData;
    }
  }
}

self.addEventListener('message', (event: MessageEvent<{ id: number; request: SearchRequest }>) => {
  const { id, request } = event.data;
  handle(request).then(
    (result) => self.postMessage({ id, result } satisfies SearchReply),
    (error: unknown) => self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies SearchReply),
  );
});
