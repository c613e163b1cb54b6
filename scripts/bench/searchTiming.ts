/**
 * Search as a reader meets it: the real search page in a real browser (the test suite's Chromium,
 * network blocked), served by the project's own static server with text compressed as
 * docs/deploy.md asks of a web server. A query is typed into the search box and submitted; the
 * page shows the newest index's results first, then every index's (`src/client/search.ts`).
 * - first result: ms from the submit until the first result is on the page;
 * - complete: ms until every index has been searched (the results region is no longer busy);
 * - cold: the first query in a fresh browser context (empty cache: the search worker, Pagefind's
 *   script and WebAssembly, index metadata and chunks, the results' fragments), submitted without
 *   focusing the search box (which starts loading the index); the median of `coldRuns`;
 * - warm: the median of 10 further queries, each a different term, in the same page;
 * - bytes: everything under `/pagefind/` and the search worker's script fetched for one cold
 *   query, body and headers, until the first result and until complete.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser, offlineContext } from '../../tests/e2e/support/browser.ts';
import { listenOnFreePort, staticHandler } from '../lib/serve/staticServer.ts';

export interface SearchTiming {
  coldMs: number;
  warmMs: number;
  coldBytes: number;
  coldCompleteMs: number;
  warmCompleteMs: number;
  coldCompleteBytes: number;
  /** Exact matches shown for the cold query once every index was searched. */
  coldResults: number;
}

/** The search page's worker script as the build names it (`src/client/searchWorker.ts`). */
const SEARCH_WORKER = /^\/_astro\/searchWorker[-.][\w-]+\.js$/;

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
 * Submits `query` on the search page and resolves at the first result shown (or at the end of a
 * search that shows none); `complete` resolves when every index has been searched.
 */
async function submitQuery(page: Page, query: string): Promise<{ firstMs: number; complete: Promise<{ ms: number; results: number }> }> {
  await page.evaluate((q) => {
    const w = window as unknown as { benchFirst: Promise<number>; benchComplete: Promise<{ ms: number; results: number }> };
    const list = document.querySelector('#search-results')!;
    const region = document.querySelector('#search-region')!;
    const input = document.querySelector<HTMLInputElement>('#search-q')!;
    input.value = q;
    const start = performance.now();
    let first: (ms: number) => void;
    w.benchFirst = new Promise((resolve) => (first = resolve));
    w.benchComplete = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (list.children.length) first(performance.now() - start);
        if (region.getAttribute('aria-busy') !== 'false') return;
        observer.disconnect();
        const ms = performance.now() - start;
        first(ms);
        resolve({ ms, results: list.children.length });
      });
      // The submit clears the list and marks the region busy at once; watching starts after it.
      document.querySelector<HTMLFormElement>('#search-form')!.requestSubmit();
      observer.observe(region, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
    });
  }, query);
  const firstMs = await page.evaluate(() => (window as unknown as { benchFirst: Promise<number> }).benchFirst);
  const complete = page.evaluate(() => (window as unknown as { benchComplete: Promise<{ ms: number; results: number }> }).benchComplete);
  return { firstMs, complete };
}

export async function searchTiming(dist: string, coldRuns = 3): Promise<SearchTiming> {
  const server = createServer(staticHandler(dist, { compress: true }));
  const url = await listenOnFreePort(server, 0);
  const browser = await launchBrowser();
  try {
    const cold = { first: [] as number[], complete: [] as number[], bytes: [] as number[], completeBytes: [] as number[] };
    const warm = { first: [] as number[], complete: [] as number[] };
    let coldResults = 0;
    for (let run = 0; run < coldRuns; run++) {
      const { context, blocked } = await offlineContext(browser);
      const page = await context.newPage();
      await page.goto(`${url}/search/`, { waitUntil: 'load' });
      let fetched = 0;
      const pending: Promise<void>[] = [];
      page.on('requestfinished', (request) => {
        const path = new URL(request.url()).pathname;
        if (!path.startsWith('/pagefind/') && !SEARCH_WORKER.test(path)) return;
        // Chromium reports no body size for a worker's own script: it is the file, gzipped as served.
        const body = (reported: number) => reported || (SEARCH_WORKER.test(path) ? gzipSync(readFileSync(join(dist, path))).length : 0);
        pending.push(request.sizes().then((s) => void (fetched += body(s.responseBodySize) + s.responseHeadersSize)));
      });
      const query = await submitQuery(page, COLD_QUERY);
      await Promise.all(pending);
      cold.bytes.push(fetched);
      cold.first.push(query.firstMs);
      const done = await query.complete;
      await Promise.all(pending);
      cold.completeBytes.push(fetched);
      cold.complete.push(done.ms);
      coldResults = done.results;
      if (run === 0) {
        for (const q of WARM_QUERIES) {
          const next = await submitQuery(page, q);
          warm.first.push(next.firstMs);
          warm.complete.push((await next.complete).ms);
        }
      }
      if (blocked.length) throw new Error(`the search page tried to leave the machine: ${blocked.join(', ')}`);
      await context.close();
    }
    return {
      coldMs: median(cold.first),
      warmMs: median(warm.first),
      coldBytes: median(cold.bytes),
      coldCompleteMs: median(cold.complete),
      warmCompleteMs: median(warm.complete),
      coldCompleteBytes: median(cold.completeBytes),
      coldResults,
    };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}
