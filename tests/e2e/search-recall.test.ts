import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { offlineContext } from './support/browser.ts';
import { useSite } from './support/session.ts';
import { distPath, htmlPages } from './support/site.ts';
import { readPage, selectAll, textOf } from './support/html.ts';
import { normalizeForComparison } from '../../src/lib/text/normalize.ts';
import { parseQuery } from '../../src/lib/search/parseQuery.ts';
import { createRng } from '../../scripts/bench/prng.ts';
import { searchSettled } from './support/searchQueries.ts';

/**
 * Recall: a query that appears in a page's text finds that page, whatever the segmenter makes of
 * the text around it. Run through the real search page, typed into its form.
 */
const site = useSite();
let context: BrowserContext;
let blocked: string[];
let page: Page;
beforeAll(async () => {
  ({ context, blocked } = await offlineContext(site.browser));
  page = await context.newPage();
  await page.goto(`${site.url}/search/`);
});
afterAll(async () => {
  await context?.close();
});

interface Shown {
  status: string;
  exact: { path: string; excerpt: string; marked: string[] }[];
}

/**
 * Submits a query in the search page's form and reads the exact matches with their excerpts,
 * asking for more results (a common query is on more pages than one batch) until `until` is shown.
 */
async function search(query: string, until?: string): Promise<Shown> {
  await page.evaluate((q) => {
    document.querySelector<HTMLInputElement>('#search-q')!.value = q;
    document.querySelector<HTMLFormElement>('#search-form')!.requestSubmit();
  }, query);
  await page.waitForFunction(searchSettled);
  const next = page.locator('#search-next');
  while (until && (await next.isVisible()) && !(await page.locator(`#search-results a[href="${until}"]`).count())) {
    const count = await page.locator('#search-results > li').count();
    await next.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results > li').length > n || !document.querySelector<HTMLElement>('#search-next')!.hidden,
      count,
    );
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#search-next')!.disabled);
  }
  const exact = await page.locator('#search-results > li').evaluateAll((items) =>
    items.map((li) => ({
      path: new URL(li.querySelector('h3 a')!.getAttribute('href')!, location.href).pathname,
      excerpt: li.querySelector('.result__excerpt')?.textContent ?? '',
      marked: [...li.querySelectorAll('.result__excerpt mark')].map((m) => m.textContent ?? ''),
    })),
  );
  return { status: (await page.locator('#search-status').textContent()) ?? '', exact };
}

/** The 原文 paragraphs of a point's page, as built. */
function yuanwen(path: string): string[] {
  return selectAll('div.yuanwen p', readPage(distPath(path, 'index.html')))
    .map((p) => textOf(p).trim())
    .filter(Boolean);
}

/** `count` sub-strings of 4–12 characters of the paragraphs, drawn with a fixed seed. */
function samples(paragraphs: string[], count: number, seed: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  while (out.length < count) {
    const chars = [...rng.pick(paragraphs)];
    const length = rng.int(4, 12);
    if (chars.length < length) continue;
    const start = rng.int(0, chars.length - length);
    const sample = chars
      .slice(start, start + length)
      .join('')
      .trim();
    if (normalizeForComparison(sample).length >= 2) out.push(sample);
  }
  return out;
}

const POINTS = htmlPages().filter((p) => /^\/yaodian\/2021\/\d{2}\/$/.test(p));

describe('search recall', () => {
  it('finds every 2021 point by 10 random sub-strings of its 原文, with the query in the excerpt', async () => {
    expect(POINTS.length).toBeGreaterThanOrEqual(28);
    let found = 0;
    let total = 0;
    const misses: string[] = [];
    const badExcerpts: string[] = [];
    for (const [i, path] of POINTS.entries()) {
      for (const query of samples(yuanwen(path), 10, 2021 + i)) {
        total++;
        const { exact } = await search(query, path);
        const hit = exact.find((r) => r.path === path);
        if (hit) found++;
        else misses.push(`${path} ← ${query}`);
        // A sample may hold quote marks: then, as for any query, the quoted phrase is what must match.
        const { needles } = parseQuery(query);
        for (const r of exact) {
          if (!needles.every((n) => normalizeForComparison(r.excerpt).includes(n)) || !r.marked.length)
            badExcerpts.push(`${r.path} ← ${query}: ${r.excerpt}`);
        }
      }
    }
    console.log(`search recall: ${found}/${total} sub-strings of the 2021 points' 原文 find their point`);
    expect(misses).toEqual([]);
    expect(badExcerpts).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it.each(['国务院政策', '国务院政策问答平台'])(
    'finds point 19 for %s, which its 原文 holds after 与 (与国 is a word to the segmenter)',
    async (query) => {
      const { exact } = await search(query);
      const point = exact.find((r) => r.path === '/yaodian/2021/19/');
      expect(point, exact.map((r) => r.path).join(' ')).toBeDefined();
      expect(exact[0]!.path).toBe('/yaodian/2021/19/');
      // The passage of the 原文, not the page's header.
      expect(point!.excerpt).toContain(`做好与${query}`);
      expect(point!.marked).toEqual([query]);
    },
  );

  it('shows only the latest search when a filter changes while the index is still loading', async () => {
    const slow = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    await slow.route(/\/pagefind\/pagefind-entry\.json/, async (route) => {
      await held;
      await route.continue();
    });
    await slow.goto(`${site.url}/search/?q=${encodeURIComponent('政务公开')}`);
    await slow.waitForFunction(() => document.querySelector('#search-status')?.textContent === '正在搜索…');
    await slow.locator('select[name="type"]').selectOption('图解');
    release();
    await slow.waitForFunction(() => /找到|没有/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await slow.waitForTimeout(500); // time for the first search's results, were they still to come
    const paths = await slow
      .locator('#search-results > li h3 a, #search-loose > li h3 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !p.startsWith('/tujie/'))).toEqual([]);
    await slow.close();
  });
});
