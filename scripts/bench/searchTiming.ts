/**
 * Time to first search result in a real browser (the test suite's Chromium, network blocked),
 * served by the project's own static server. On `/search/` the Pagefind JS API is called
 * directly, so the figure is Pagefind's, not the page's rendering of results:
 * - cold: the first query in a fresh browser context (empty cache; Pagefind's script and
 *   WebAssembly, every year's metadata, index chunks and the first result's fragment are all
 *   fetched); the median of `coldRuns`;
 * - warm: the median of 10 further queries, each a different term, in the same page;
 * - bytes: everything under `/pagefind/` fetched for one cold query, body and headers.
 */
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { launchBrowser, offlineContext } from '../../tests/e2e/support/browser.ts';
import { startStaticServer } from '../lib/serve/staticServer.ts';
import { searchPlan } from '../../src/lib/search/segment.ts';

export interface SearchTiming {
  coldMs: number;
  warmMs: number;
  coldBytes: number;
  coldResults: number;
}

/** Terms a reader of a 政务公开 site types; all occur in the synthetic archive's vocabulary. */
export const COLD_QUERY = '政策解读';
export const WARM_QUERIES = [
  '依申请公开',
  '政府网站',
  '新媒体',
  '疫情防控',
  '财政',
  '考核',
  '标准化',
  '政府公报',
  '查阅点',
  '回应关切',
] as const;

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * One query through Pagefind's API, loaded the way `src/client/search.ts` loads it (the primary
 * index plus the older years' from `/pagefind/shards.json`) and searched as it searches (every
 * character, and each run as a phrase: `searchPlan`): ms from the query until the first result's
 * data is loaded, and the result count. For the first query of a page the time includes loading
 * Pagefind and merging the indexes.
 */
function timedQuery(page: Page, query: string): Promise<{ ms: number; results: number }> {
  const plan = searchPlan(query);
  return page.evaluate(async ({ terms, phrases }) => {
    type Pf = { mergeIndex: (p: string) => Promise<void>; search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }> };
    const w = window as unknown as { benchPagefind?: Promise<Pf> };
    const t = performance.now();
    w.benchPagefind ??= Promise.all([
      import('/pagefind/pagefind.js' as string) as Promise<Pf>,
      fetch('/pagefind/shards.json').then((r) => (r.ok ? (r.json() as Promise<{ merge: string[] }>) : { merge: [] })),
    ]).then(async ([pf, shards]) => {
      await Promise.all(shards.merge.map((path) => pf.mergeIndex(path)));
      return pf;
    });
    const pf = await w.benchPagefind;
    const [r] = await Promise.all([terms, ...phrases.map((p) => `"${p}"`)].map((q) => pf.search(q)));
    await r!.results[0]?.data();
    return { ms: performance.now() - t, results: r!.results.length };
  }, plan);
}

export async function searchTiming(dist: string, coldRuns = 3): Promise<SearchTiming> {
  const { server, url }: { server: Server; url: string } = await startStaticServer(dist);
  const browser = await launchBrowser();
  try {
    const colds: number[] = [];
    const bytes: number[] = [];
    let warmMs = 0;
    let coldResults = 0;
    for (let run = 0; run < coldRuns; run++) {
      const { context, blocked } = await offlineContext(browser);
      const page = await context.newPage();
      await page.goto(`${url}/search/`, { waitUntil: 'load' });
      let fetched = 0;
      const pending: Promise<void>[] = [];
      page.on('requestfinished', (request) => {
        if (!new URL(request.url()).pathname.startsWith('/pagefind/')) return;
        pending.push(request.sizes().then((s) => void (fetched += s.responseBodySize + s.responseHeadersSize)));
      });
      const cold = await timedQuery(page, COLD_QUERY);
      await Promise.all(pending);
      colds.push(cold.ms);
      bytes.push(fetched);
      coldResults = cold.results;
      if (run === 0) {
        const warm: number[] = [];
        for (const q of WARM_QUERIES) warm.push((await timedQuery(page, q)).ms);
        warmMs = median(warm);
      }
      if (blocked.length) throw new Error(`the search page tried to leave the machine: ${blocked.join(', ')}`);
      await context.close();
    }
    return { coldMs: median(colds), warmMs, coldBytes: median(bytes), coldResults };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}
