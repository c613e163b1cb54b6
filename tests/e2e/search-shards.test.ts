import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchBrowser, offlineContext } from './support/browser.ts';
import { DIST } from './support/site.ts';
import { QUERIES, searchPage, searchSettled } from './support/searchQueries.ts';
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
  it('splits the pages into indexes of at most the limit, losing none, and lists the older ones', () => {
    const single = pageCount(join(DIST, 'pagefind'));
    expect(written.shards).toBe(Math.ceil(single / MAX_PAGES));
    expect(written.pages).toBe(single);
    const { older } = JSON.parse(readFileSync(join(site, 'pagefind', 'shards.json'), 'utf8')) as { older: string[] };
    expect(older).toEqual(Array.from({ length: written.shards - 1 }, (_, i) => `/pagefind/${i + 2}/`));
    const counts = [join(site, 'pagefind'), ...older.map((m) => join(site, m))].map(pageCount);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(single);
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_PAGES);
    const extraFiles = (dir: string) =>
      readdirSync(join(site, dir))
        .filter((f) => !['pagefind-entry.json', 'index', 'fragment', 'filter'].includes(f) && !f.endsWith('.pf_meta'))
        .sort();
    // The first older index is loaded on its own (a second search worker): it keeps Pagefind's
    // script and WebAssembly. The others are merged into it: only their data is kept.
    expect(extraFiles(older[0]!)).toEqual(['pagefind.js', 'wasm.unknown.pagefind']);
    for (const m of older.slice(1)) expect(extraFiles(m)).toEqual([]);
  });

  it('finds the same pages as the single index, those behind “more results” included', async () => {
    /** Every exact match, pressing “显示更多结果” until no candidate is left. */
    const everyMatch = async (siteUrl: string, query: string) => {
      const { exact } = await searchPage(page, siteUrl, query);
      const next = page.locator('#search-next');
      while (await next.isVisible()) {
        await next.click();
        await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#search-next')!.disabled);
      }
      const all = await page.locator('#search-results > li h3 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      return { first: exact, all: all.sort() };
    };
    const single = await startStaticServer(DIST);
    try {
      for (const query of ['政务公开', '查阅点', '三同步', '“回头看”']) {
        const expected = await everyMatch(single.url, query);
        const actual = await everyMatch(url, query);
        expect(expected.all.length, query).toBeGreaterThan(0);
        expect(actual.all, query).toEqual(expected.all);
        // 政务公开 is on more pages than are checked at once: the button was needed.
        if (query === '政务公开') expect(actual.first.length).toBeLessThan(actual.all.length);
      }
    } finally {
      await new Promise<void>((done) => single.server.close(() => done()));
    }
  });

  it('shows the newest index’s results while the older ones are still searched, then all of them', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/pagefind\/\d+\//, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`${url}/search/?q=${encodeURIComponent('政务公开')}`);
      await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0);
      const region = page.locator('#search-region');
      expect(await region.getAttribute('aria-busy')).toBe('true');
      expect(await page.locator('#search-status').textContent()).toContain('正在查找更多页面');
      const first = await page.locator('#search-results > li h3 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      release();
      await page.waitForFunction(() => document.querySelector('#search-region')?.getAttribute('aria-busy') === 'false');
      const all = await page.locator('#search-results > li h3 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(first.length).toBeLessThanOrEqual(5);
      expect(all.length).toBeGreaterThan(first.length);
      expect(await page.locator('#search-status').textContent()).not.toContain('正在查找');
    } finally {
      release();
      await page.unroute(/\/pagefind\/\d+\//);
    }
  });

  it('says so, instead of waiting forever, when an index cannot be loaded, and finds again once it can', async () => {
    // Pagefind's mergeIndex waits forever when its primary index failed to load (docs/pagefind-mergeindex.md).
    const olderWasm = /\/pagefind\/2\/wasm\.unknown\.pagefind$/;
    const newestWasm = /\/pagefind\/wasm\.unknown\.pagefind$/;
    const fail = (route: Route) => route.fulfill({ status: 404, body: '' });
    await page.route(olderWasm, fail);
    const older = await searchPage(page, url, '政务公开');
    await page.unroute(olderWasm, fail);
    expect(older.exact.length).toBeGreaterThan(0); // the newest index's results stay
    expect(older.status).toContain('更早的页面暂时无法搜索');

    await page.route(newestWasm, fail);
    const none = await searchPage(page, url, '政务公开');
    await page.unroute(newestWasm, fail);
    expect(none.exact).toEqual([]);
    expect(none.status).toContain('搜索索引未能加载');

    // The same page, searched again: a fresh Pagefind, every index.
    await page.locator('#search-form button').click();
    await page.waitForFunction(searchSettled);
    expect(await page.locator('#search-status').textContent()).not.toMatch(/未能|无法/);
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(5);
  });

  it('sends its search workers a few messages a query, not one for each result found', async () => {
    // Pagefind's own worker hands the page an object per result and, once the garbage collector
    // takes them, a message per result to free them: at 10,000 points, 57,000 messages that held
    // up the next query for up to 1.6 s (docs/performance.md). The search workers keep results.
    const counted = await context.newPage();
    await counted.addInitScript(() => {
      const sent = ((window as unknown as { sent: { messages: number } }).sent = { messages: 0 });
      const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
      Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
        sent.messages++;
        post.apply(this, args);
      } as typeof Worker.prototype.postMessage;
    });
    const cdp = await context.newCDPSession(counted);
    let found = 0;
    for (const query of ['政务公开', '公开', '政府']) {
      await searchPage(counted, url, query);
      found += await counted.locator('#search-results > li').count();
      await cdp.send('HeapProfiler.collectGarbage');
    }
    await counted.waitForTimeout(500); // finalizers run in a task after the collection
    const messages = await counted.evaluate(() => (window as unknown as { sent: { messages: number } }).sent.messages);
    expect(found).toBeGreaterThan(60);
    // Loading the two workers, three searches a query (the newest index's first screen, then
    // each worker's), and at most one text for each result shown: 45 here; 210 with Pagefind's.
    expect(messages).toBeLessThanOrEqual(2 + 3 * 3 + found);
    await counted.close();
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
