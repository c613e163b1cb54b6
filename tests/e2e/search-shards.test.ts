import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, offlineContext } from './support/browser.ts';
import { DIST } from './support/site.ts';
import { QUERIES, searchPage } from './support/searchQueries.ts';
import { writeSearchIndex } from '../../scripts/lib/build/searchIndex.ts';
import { startStaticServer } from '../../scripts/lib/serve/staticServer.ts';

/**
 * A large archive's search is several Pagefind indexes merged in the browser. The 2021 site fits
 * one index, so this re-indexes a copy of it with at most 40 pages an index and runs the search
 * quality queries through the real search page on it.
 */
const MAX_PAGES = 40;
let site: string;
let server: Server;
let url: string;
let browser: Browser;
let context: BrowserContext;
let blocked: string[];
let page: Page;
let written: { pages: number; shards: number };

const pageCount = (dir: string) =>
  Object.values(
    (JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages,
  ).reduce((n, l) => n + l.page_count, 0);

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'zw-shards-'));
  cpSync(DIST, site, { recursive: true });
  written = await writeSearchIndex(site, MAX_PAGES);
  ({ server, url } = await startStaticServer(site));
  browser = await launchBrowser();
  ({ context, blocked } = await offlineContext(browser));
  page = await context.newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(site, { recursive: true, force: true });
});

describe('search over several indexes', () => {
  it('splits the pages into indexes of at most the limit, losing none, and lists the merged ones', () => {
    const single = pageCount(join(DIST, 'pagefind'));
    expect(written.shards).toBe(Math.ceil(single / MAX_PAGES));
    expect(written.pages).toBe(single);
    const { merge } = JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8')) as { merge: string[] };
    expect(merge).toEqual(Array.from({ length: written.shards - 1 }, (_, i) => `/pagefind/${i + 2}/`));
    const counts = [join(site, 'pagefind'), ...merge.map((m) => join(site, m))].map(pageCount);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(single);
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_PAGES);
    for (const m of merge) {
      // A merged index runs on the primary's script and WebAssembly: only its data is kept.
      expect(
        readdirSync(join(site, m)).filter(
          (f) => !['pagefind-entry.json', 'index', 'fragment', 'filter'].includes(f) && !f.endsWith('.pf_meta'),
        ),
      ).toEqual([]);
      expect(existsSync(join(site, m, 'pagefind.js'))).toBe(false);
    }
  });

  it('finds each quality query’s point in the top 3 from whichever index holds it', async () => {
    const misses: string[] = [];
    for (const [query, no] of QUERIES) {
      const expected = `/yaodian/2021/${String(no).padStart(2, '0')}/`;
      const { exact } = await searchPage(page, url, query);
      if (!exact.slice(0, 3).includes(expected)) misses.push(`${query} → ${exact.slice(0, 3).join(' ')}`);
    }
    expect(misses).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
