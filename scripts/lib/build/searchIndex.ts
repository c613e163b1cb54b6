import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { splitCjkInHtml } from '../../../src/lib/search/segment.ts';
import { indexerInput } from '../../../src/lib/search/indexerInput.ts';
import { readUntil } from '../../../src/lib/build/readUntil.ts';

/** Where the search page finds the indexes it searches after the primary one at `/pagefind/`. */
export const SEARCH_SHARDS_FILE = 'pagefind/shards.json';

/** Files read at once and sent to the indexer together. */
const IN_FLIGHT = 32;

export interface SearchShards {
  /**
   * Base URLs of the older indexes, searched after the primary one: the first is loaded with its
   * own Pagefind script (a second worker), the others are merged into it (`mergeIndex`).
   */
  older: string[];
}

export interface SearchPage {
  url: string;
  file: string;
}

/**
 * Pages per index. Pagefind holds 0.5–0.7 MB per Chinese page while indexing, more per page the
 * larger the index (1.6 GB for 3,058 pages of a 1,000-point archive in one index; 1.6 GB for the
 * 2,313-page indexes of a 10,000-point one), so this keeps one indexing process under 2 GB. Each
 * further index adds an entry, a metadata file and index chunks to what the search page fetches
 * after it shows the primary index's results.
 */
export const MAX_PAGES_PER_INDEX = 2500;

/** The year a page belongs to: its document id's leading year (`/yaodian/2021-sheng/…` → 2021), else none. */
const yearOf = (url: string): string =>
  url
    .split('/')
    .find((segment) => /^\d{4}(?:-|$)/.test(segment))
    ?.slice(0, 4) ?? '9999';

/**
 * Pages in the primary index of a site that needs several: the search page searches it alone
 * first and shows its results while the older indexes are searched, so the smaller it is the
 * sooner a reader sees them; Pagefind's search time and a query's chunk bytes grow with the
 * pages holding its characters. At 10,000 points a cold first result took 445–464 ms with 500
 * pages and 546–595 ms with 1,000, warm ones 65–94 ms and 76–86 ms (docs/performance.md).
 */
export const PRIMARY_PAGES = 500;

/**
 * The pages split into indexes, the first being the primary (`/pagefind/`). Newest years first:
 * the primary holds the pages of no year (departments) and the newest pages, at most
 * `primaryPages`; the others are of nearly equal size, at most `maxPages`, so one year's pages
 * stay together where they fit. A site of at most `maxPages` pages has one index.
 */
export function planSearchShards(
  pages: readonly SearchPage[],
  maxPages = MAX_PAGES_PER_INDEX,
  primaryPages = PRIMARY_PAGES,
): SearchPage[][] {
  const sorted = [...pages].sort((a, b) => yearOf(b.url).localeCompare(yearOf(a.url)) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  if (sorted.length <= maxPages) return [sorted];
  const primary = sorted.slice(0, Math.min(primaryPages, maxPages));
  const older = sorted.slice(primary.length);
  const count = Math.ceil(older.length / maxPages);
  const boundary = (i: number) => Math.ceil((i * older.length) / count);
  return [primary, ...Array.from({ length: count }, (_, i) => older.slice(boundary(i), boundary(i + 1)))];
}

/** Every HTML file of the built site with an indexed region (`data-pagefind-body`), by URL. */
async function searchablePages(siteDir: string): Promise<SearchPage[]> {
  const files = (await readdir(siteDir, { recursive: true })).filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`)).sort();
  const pages: SearchPage[] = [];
  for (const file of files) {
    // Looked for in the bytes up to it: the attribute is on `<main>`, near the top.
    if (!readUntil(join(siteDir, file), 'data-pagefind-body').includes('data-pagefind-body')) continue;
    const path = `/${file.split(sep).join('/')}`;
    pages.push({ url: path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path, file });
  }
  return pages;
}

/**
 * Pagefind's search script and WebAssembly: what an index loaded on its own needs. Its worker
 * script is not: the search page runs Pagefind in workers of its own (`src/client/searchWorker.ts`).
 */
const isSearchRuntime = (name: string) => name === 'pagefind.js' || /^wasm\..*\.pagefind$/.test(name);

/**
 * Top-level files an older index does not need: Pagefind's UI bundles, and for an index merged
 * into another one its search script and WebAssembly too (it runs on those of the one it joins).
 */
async function pruneOlderIndex(dir: string, keepRuntime: boolean): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const needed = entry.name === 'pagefind-entry.json' || entry.name.endsWith('.pf_meta') || (keepRuntime && isSearchRuntime(entry.name));
    if (entry.isFile() && !needed) await rm(join(dir, entry.name));
  }
}

/**
 * Allocator settings for the indexer. Pagefind's binary links jemalloc (its settings under the
 * `_RJEM_` prefix), which by default hands freed memory back to the system within seconds and
 * takes it again page by page; page faults and zeroing were about 30 % of the indexer's CPU on a
 * 1,000-point archive. Keeping freed memory, one arena and transparent huge pages took 17 % off
 * its CPU (23.5 → 19.5 s for the whole step, 3 runs each) and a little off its peak memory, with
 * the same files written. A value already in the environment is left as it is.
 */
const INDEXER_ALLOCATOR = 'dirty_decay_ms:-1,muzzy_decay_ms:-1,thp:always,metadata_thp:always,narenas:1';

/** Indexers run side by side, on machines with the cores for it; each holds one index at a time. */
const INDEXERS_AT_ONCE = 2;

type PagefindApi = typeof pagefind;

/**
 * A Pagefind API with an indexer process of its own. The package keeps one indexer per module
 * instance (`close()` ends it), so each further instance, the same module under another URL,
 * runs a second indexer beside the first.
 */
async function pagefindInstance(n: number): Promise<PagefindApi> {
  return n === 0 ? pagefind : ((await import(`${import.meta.resolve('pagefind')}?indexer=${n}`)) as PagefindApi);
}

/** Writes one index of `members` into `outputPath` with a fresh indexer; the pages it holds. */
async function writeIndex(api: PagefindApi, siteDir: string, members: SearchPage[], outputPath: string): Promise<number> {
  const { index, errors } = await api.createIndex({});
  if (!index) throw new Error(`Pagefind 无法启动 / Pagefind did not start: ${errors.join('; ')}`);
  try {
    for (let start = 0; start < members.length; start += IN_FLIGHT) {
      const batch = members.slice(start, start + IN_FLIGHT);
      const contents = await Promise.all(batch.map((page) => readFile(join(siteDir, page.file), 'utf8')));
      // Sent in page order, so the index is the same on every build.
      const added = await Promise.all(
        batch.map((page, i) => index.addHTMLFile({ url: page.url, content: splitCjkInHtml(indexerInput(contents[i]!)) })),
      );
      const failed = added.findIndex((a) => a.errors.length);
      if (failed >= 0) throw new Error(`Pagefind 索引失败 / indexing failed: ${batch[failed]!.file}: ${added[failed]!.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind 写入失败 / writing the index failed: ${written.errors.join('; ')}`);
  } finally {
    await api.close();
  }
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/**
 * Index the built site with Pagefind, in indexes of at most `MAX_PAGES_PER_INDEX` pages, all
 * searched by the search page (newest first, see `SearchShards`), so the indexer's memory stays
 * bounded however large the archive: a 30,000-page site in one index needed over 16 GB. Each
 * index is written by a fresh Pagefind process, which returns its memory when closed; up to
 * `INDEXERS_AT_ONCE` of them run side by side (each index's files are its own, so the output
 * does not depend on the order they finish in). A site under the limit has one index, as before.
 *
 * Chinese needs `lang="zh-CN"` on the pages: Pagefind picks its segmenter from it. The text is
 * given to Pagefind with a word per CJK character (`splitCjkInHtml`, see `src/lib/search/segment.ts`),
 * so that any part of a page's text finds it; the pages served are unchanged. Pagefind is given
 * only the parts of a page it reads (`indexerInput`, src/lib/search/indexerInput.ts).
 */
export async function writeSearchIndex(
  siteDir: string,
  maxPages = MAX_PAGES_PER_INDEX,
  primaryPages = PRIMARY_PAGES,
): Promise<{ pages: number; shards: number }> {
  await rm(join(siteDir, 'pagefind'), { recursive: true, force: true });
  // Read by each indexer process when it starts: Pagefind starts it with this environment.
  process.env._RJEM_MALLOC_CONF ??= INDEXER_ALLOCATOR;
  const shards = planSearchShards(await searchablePages(siteDir), maxPages, primaryPages);
  const paths = shards.map((_, i) => (i === 0 ? 'pagefind' : `pagefind/${i + 1}`));
  const counts: number[] = [];
  let next = 0;
  let failed = false;
  const indexer = async (api: PagefindApi): Promise<void> => {
    while (next < shards.length && !failed) {
      const i = next++;
      const outputPath = join(siteDir, paths[i]!);
      try {
        counts[i] = await writeIndex(api, siteDir, shards[i]!, outputPath);
      } catch (error) {
        failed = true;
        throw error;
      }
      if (i > 0) await pruneOlderIndex(outputPath, i === 1);
    }
  };
  const indexers = Math.min(INDEXERS_AT_ONCE, availableParallelism(), shards.length);
  // Every indexer is let finish (each closes its process) before a failure is reported.
  const settled = await Promise.allSettled(Array.from({ length: indexers }, async (_, n) => indexer(await pagefindInstance(n))));
  for (const result of settled) if (result.status === 'rejected') throw result.reason;
  const manifest: SearchShards = { older: paths.slice(1).map((path) => `/${path}/`) };
  await writeFile(join(siteDir, SEARCH_SHARDS_FILE), `${JSON.stringify(manifest)}\n`);
  return { pages: counts.reduce((a, b) => a + b, 0), shards: shards.length };
}
