import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { offlineContext } from './support/browser.ts';
import { useSite } from './support/session.ts';
import { distPath } from './support/site.ts';
import { readPage, select, textOf } from './support/html.ts';
import { describeViolations, runAxe } from './support/axe.ts';
import { normalizeForComparison } from '../../src/lib/text/normalize.ts';
import { QUERIES, searchPage } from './support/searchQueries.ts';

const site = useSite();
let context: BrowserContext;
let blocked: string[];
let page: Page;
beforeAll(async () => {
  ({ context, blocked } = await offlineContext(site.browser));
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

const search = (query: string, params = '') => searchPage(page, site.url, query, params);

/** The text of a built page's <main>, to judge precision independently of the search index. */
function pageText(path: string): string {
  return normalizeForComparison(textOf(select('main', readPage(distPath(path, 'index.html')))));
}

describe('search quality on the 2021 要点', () => {
  it(`puts the right point first for ≥95% of ${QUERIES.length} queries and in the top 3 for all, showing only real matches first`, async () => {
    let hit1 = 0;
    let hit3 = 0;
    let shown = 0;
    let precise = 0;
    const misses: string[] = [];
    const notFirst: string[] = [];
    for (const [query, no] of QUERIES) {
      const expected = `/yaodian/2021/${String(no).padStart(2, '0')}/`;
      const { exact } = await search(query);
      const rank = exact.indexOf(expected);
      if (rank === 0) hit1++;
      else notFirst.push(`${query} → #${rank + 1} after ${exact[0]}`);
      if (rank >= 0 && rank < 3) hit3++;
      else misses.push(`${query} → ${rank} (${exact.slice(0, 3).join(' ')})`);
      const needle = normalizeForComparison(query);
      for (const path of exact) {
        shown++;
        if (pageText(path).includes(needle)) precise++;
      }
    }
    console.log(
      `search quality: hit@1 ${hit1}/${QUERIES.length}, hit@3 ${hit3}/${QUERIES.length}, precision ${precise}/${shown}; not first: ${notFirst.join('; ') || 'none'}`,
    );
    expect(QUERIES.length).toBeGreaterThanOrEqual(40);
    expect(misses).toEqual([]);
    expect(hit1 / QUERIES.length).toBeGreaterThanOrEqual(0.95);
    expect(precise / shown).toBeGreaterThanOrEqual(0.95);
    expect(blocked).toEqual([]);
  });

  it('keeps partial matches behind a control, and shows none for a quoted query', async () => {
    const loose = await search('发布会');
    expect(loose.exact.length).toBeGreaterThan(0);
    for (const path of loose.exact) expect(pageText(path), path).toContain('发布会');
    expect(loose.loose.length).toBeGreaterThan(0);
    expect(await page.locator('#search-loose').isVisible()).toBe(false);
    const more = page.getByRole('button', { name: /不完全匹配的相关结果/ });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await page.locator('#search-loose').isVisible()).toBe(true);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    const quoted = await search('“发布会”');
    expect(quoted.loose).toEqual([]);
    expect(quoted.exact.sort()).toEqual(loose.exact.sort());
  });

  it('says that no page contains a query when only related pages were found, after more pages are checked too', async () => {
    // 政务 要点: more than 40 pages have both words, none has them together.
    const related = await search('政务 要点');
    expect(related.exact).toHaveLength(40);
    for (const path of related.exact) expect(pageText(path), path).not.toContain('政务要点');
    expect(related.status).toBe('没有完全包含“政务 要点”的页面，以下是 40 个相关结果，还有页面可以继续查看。');
    await page.locator('#search-next').click();
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#search-next')!.disabled);
    expect(await page.locator('#search-status').textContent()).toMatch(/^没有完全包含“政务 要点”的页面，以下是 40 个相关结果/);
    expect(await page.locator('#search-results > li').count()).toBe(40);
  });
});

describe('search filters and feedback', () => {
  it('narrows by type, section and department, with counts, and keeps them in the URL', async () => {
    const all = await search('政务公开');
    const byType = await search('政务公开', '&type=%E6%96%87%E5%AD%97%E8%A7%A3%E8%AF%BB');
    expect(byType.exact.length).toBeGreaterThan(0);
    expect(byType.exact.length).toBeLessThan(all.exact.length);
    expect(byType.exact.every((p) => p.startsWith('/jiedu/'))).toBe(true);
    expect(await page.locator('select[name="type"]').inputValue()).toBe('文字解读');
    // The filter value is the section's number (`no`): some sections print no numeral.
    await page.locator('select[name="section"]').selectOption('3');
    await page.waitForURL(/section=3(&|$)/);
    await page.waitForFunction(() => /找到|没有/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const sectionThree = await page
      .locator('#search-results > li h3 a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const inThree = new Set(Array.from({ length: 8 }, (_, i) => `/jiedu/2021/${17 + i}/`));
    expect(sectionThree.length).toBeGreaterThan(0);
    expect(
      sectionThree.every((p) => inThree.has(p)),
      sectionThree.join(' '),
    ).toBe(true);
    const optionText = await page.locator('select[name="section"] option[value="3"]').textContent();
    expect(optionText).toBe(`第三部分（${sectionThree.length}）`);
    const dept = await search('公开', '&department=%E5%B8%82%E5%8F%B8%E6%B3%95%E5%B1%80&type=%E5%8E%9F%E6%96%87');
    expect(dept.exact).toContain('/yaodian/2021/05/');
    expect(dept.exact.every((p) => p === '/yaodian/2021/05/')).toBe(true);
  });

  it('loads the index once the search box has the focus, not before, so it is ready when the reader has typed', async () => {
    const fresh = await context.newPage();
    const indexFiles: string[] = [];
    fresh.on('request', (r) => void (/\/pagefind\/.+\.(pf_meta|pagefind)$/.test(r.url()) && indexFiles.push(r.url())));
    await fresh.goto(`${site.url}/search/`, { waitUntil: 'networkidle' });
    expect(indexFiles).toEqual([]);
    const meta = fresh.waitForRequest(/\/pagefind\/pagefind\..+\.pf_meta$/, { timeout: 10_000 });
    await fresh.locator('#search-q').focus();
    await meta;
    await fresh.close();
  });

  it('announces the number of results in a polite live region', async () => {
    const { exact, status } = await search('三同步');
    expect(await page.locator('#search-status').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#search-status').getAttribute('role')).toBe('status');
    expect(status).toContain(`找到 ${exact.length} 个包含“三同步”的结果`);
  });

  it('passes axe with results shown', async () => {
    const { exact } = await search('图解');
    expect(exact.length).toBeGreaterThan(5);
    await page
      .getByRole('button', { name: /不完全匹配/ })
      .click()
      .catch(() => undefined);
    const violations = await runAxe(page);
    expect(describeViolations('/search/?q=图解', violations)).toBe('');
  });

  it('goes from the header search box to a result with the keyboard alone', async () => {
    await page.goto(`${site.url}/yaodian/2021/01/`);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // site name
    await page.keyboard.press('Tab'); // header search box
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('红黄绿亮灯');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.waitForFunction(() => /找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
    let href = '';
    for (let i = 0; i < 40 && !href.includes('/yaodian/2021/23/'); i++) {
      await page.keyboard.press('Tab');
      href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? '');
    }
    expect(href).toContain('/yaodian/2021/23/');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/yaodian/2021/23/`);
  });

  it('says so without JavaScript and links to the indexes', async () => {
    const { context: noJs } = await offlineContext(site.browser, { javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${site.url}/search/?q=三同步`);
    expect(await p.locator('.noscript').textContent()).toContain('搜索需要启用 JavaScript');
    expect(await p.locator('.noscript a[href="/yaodian/"]').count()).toBe(1);
    expect(await p.locator('.noscript a[href="/renwu/"]').count()).toBe(1);
    await noJs.close();
  });
});
