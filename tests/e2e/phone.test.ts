/**
 * The site on a phone: every task table shows one block per task with no sideways scrolling, the
 * blocks say what the desktop table says, and there is one search box per screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { offlineContext } from './support/browser.ts';
import { useSite } from './support/session.ts';
import { htmlPages } from './support/site.ts';
import { describeViolations, runAxe } from './support/axe.ts';

const site = useSite();
const TABLES = 'table.task-table, table.ledger';
/** Pages with a task table: point pages, 解读 (the <Tasks> component), the ledger, 回头看, departments. */
const taskPages = () =>
  htmlPages().filter((p) => /^\/(yaodian\/[^/]+\/\d+|jiedu\/[^/]+\/\d+|renwu\/[^/]+(\/huitoukan)?|bumen\/[^/]+)\/$/.test(p));

interface Cell {
  label: string;
  text: string;
}
/** Each task row's cells: the column name it shows (the `::before` text) or has, and its text. */
function taskRows(page: Page): Promise<Cell[][]> {
  return page.evaluate((tables) => {
    const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
    return [...document.querySelectorAll<HTMLTableElement>(tables)].flatMap((table) => {
      const headers = [...table.tHead!.rows[0]!.cells].map((c) => clean(c.textContent!));
      return [...table.querySelectorAll<HTMLTableRowElement>('tbody tr:not(.section-row)')].map((row) =>
        [...row.cells].map((cell, i) => {
          const shown = getComputedStyle(cell, '::before').content;
          return { label: shown.startsWith('"') ? shown.slice(1, shown.indexOf('"', 1)) : `(${headers[i]})`, text: clean(cell.innerText) };
        }),
      );
    });
  }, TABLES);
}

async function open(width: number): Promise<{ context: BrowserContext; page: Page; blocked: string[] }> {
  const { context, blocked } = await offlineContext(site.browser, { viewport: { width, height: 800 } });
  return { context, blocked, page: await context.newPage() };
}

describe('task tables on a phone', () => {
  it('finds the pages with task tables', () => {
    expect(taskPages()).toHaveLength(76);
  });

  for (const width of [320, 360, 390, 430]) {
    it(`shows every task as a block with no sideways scrolling at ${width} px`, async () => {
      const { context, page, blocked } = await open(width);
      const problems: string[] = [];
      for (const path of taskPages()) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        const found = await page.evaluate((tables) => {
          const out: string[] = [];
          for (const table of document.querySelectorAll<HTMLElement>(tables)) {
            const box = table.closest<HTMLElement>('.task-region')!;
            if (box.scrollWidth > box.clientWidth) out.push(`box scrolls ${box.scrollWidth} > ${box.clientWidth}`);
            for (const row of table.querySelectorAll<HTMLElement>('tbody tr')) {
              if (getComputedStyle(row).display !== 'block') out.push(`row is ${getComputedStyle(row).display}`);
              const text = row.querySelector<HTMLElement>('.task-text');
              if (text && text.getBoundingClientRect().width < box.clientWidth - 2)
                out.push(`task text ${text.getBoundingClientRect().width}px wide`);
            }
          }
          if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth} > ${innerWidth}`);
          return out;
        }, TABLES);
        problems.push(...found.slice(0, 3).map((f) => `${path}: ${f}`));
      }
      expect(problems).toEqual([]);
      expect(blocked).toEqual([]);
      await context.close();
    });
  }

  it('labels the fields of point 18’s task block at 390 px and makes the page 2,943 px tall instead of 4,049', async () => {
    const { context, page } = await open(390);
    await page.goto(`${site.url}/yaodian/2021/18/`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    expect((await taskRows(page))[0]!.map((c) => c.label)).toEqual(['编号', '(主要任务)', '牵头部门', '责任单位', '完成时限', '状态']);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(2943);
    await context.close();
  });

  it('labels the ledger’s blocks with every column, the 工作要点 included', async () => {
    const { context, page } = await open(360);
    await page.goto(`${site.url}/renwu/2021/`, { waitUntil: 'load' });
    const rows = await taskRows(page);
    expect(rows).toHaveLength(58);
    for (const row of rows)
      expect(row.map((c) => c.label)).toEqual(['编号', '工作要点', '(主要任务)', '牵头部门', '责任单位', '完成时限', '状态']);
    await context.close();
  });

  for (const width of [360, 390]) {
    it(`says in each block at ${width} px exactly what the same row says at 1280 px, field by field`, async () => {
      const [phone, desktop] = await Promise.all([open(width), open(1280)]);
      let compared = 0;
      for (const path of taskPages()) {
        await Promise.all([
          phone.page.goto(site.url + path, { waitUntil: 'load' }),
          desktop.page.goto(site.url + path, { waitUntil: 'load' }),
        ]);
        const [small, wide] = await Promise.all([taskRows(phone.page), taskRows(desktop.page)]);
        expect(small.length, path).toBeGreaterThan(0);
        // At 1280 px no field is labelled: it is a table, each cell under its column header. A 解读's
        // column (46rem) is narrower than 61em: its tasks are blocks at every width.
        expect(
          wide.flat().every((c) => c.label.startsWith('(')),
          path,
        ).toBe(!path.startsWith('/jiedu/'));
        const texts = (rows: Cell[][]) => rows.map((r) => r.map((c) => c.text));
        expect(texts(small), path).toEqual(texts(wide));
        // Every field but the task text shows its column's name.
        for (const row of small)
          expect(
            row.filter((c) => c.label.startsWith('(')).map((c) => c.label),
            path,
          ).toEqual(['(主要任务)']);
        compared += small.length;
      }
      expect(compared).toBeGreaterThan(58);
      await Promise.all([phone.context.close(), desktop.context.close()]);
    });
  }

  it('keeps the table, its headers and its roles for screen readers in the block layout', async () => {
    const { context, page } = await open(390);
    await page.goto(`${site.url}/yaodian/2021/18/`, { waitUntil: 'load' });
    const table = page.getByRole('table', { name: '第18项“创新政策解读形式”的任务分解（共 1 项）' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      '编号',
      '主要任务',
      '牵头部门',
      '责任单位',
      '完成时限',
      '状态',
    ]);
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(['1']);
    const cdp = await context.newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const lead = nodes.find((n) => n.role?.value === 'cell' && n.name?.value?.includes('市政府办公室'));
    // The visible column name is not read as part of the cell: the column header says it.
    expect(lead?.name?.value).toBe('市政府办公室');
    await context.close();
  });
});

describe('one search box per screen', () => {
  for (const width of [320, 390, 600]) {
    it(`replaces the header's search form with a 搜索 link at ${width} px`, async () => {
      const { context, page } = await open(width);
      await page.goto(`${site.url}/yaodian/2021/18/`, { waitUntil: 'load' });
      expect(await page.locator('#site-search').isVisible()).toBe(false);
      const link = page.locator('.site-search-link');
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe('/search/');
      expect(await page.locator('input[type="search"]:visible').count()).toBe(0);
      await context.close();
    });
  }

  it('keeps the header form and no link on a wide screen, but not with 特大 text that no longer fits beside it', async () => {
    const { context, page } = await open(1024);
    await page.goto(`${site.url}/yaodian/2021/18/`, { waitUntil: 'load' });
    expect(await page.locator('#site-search').isVisible()).toBe(true);
    expect(await page.locator('.site-search-link').isVisible()).toBe(false);
    await page.evaluate(() => document.documentElement.setAttribute('data-text-size', 'xlarge'));
    expect(await page.locator('#site-search').isVisible()).toBe(false);
    expect(await page.locator('.site-search-link').isVisible()).toBe(true);
    await context.close();
  });

  it('has only the home page’s own search box on a phone', async () => {
    const { context, page } = await open(390);
    await page.goto(`${site.url}/`, { waitUntil: 'load' });
    expect(await page.locator('input[type="search"]:visible').count()).toBe(1);
    await context.close();
  });

  for (const width of [390, 1280]) {
    it(`has no header search on /search/ at ${width} px, only the page's own form`, async () => {
      const { context, page } = await open(width);
      await page.goto(`${site.url}/search/`, { waitUntil: 'load' });
      expect(await page.locator('.site-search, .site-search-link, #site-search').count()).toBe(0);
      expect(await page.locator('input[type="search"]').count()).toBe(1);
      expect(await page.locator('input[type="search"]').getAttribute('id')).toBe('search-q');
      await context.close();
    });
  }
});

describe('axe on a phone', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await open(390));
    await context.addInitScript(() => localStorage.setItem('zw-reading', JSON.stringify({ textSize: 'xlarge', contrast: 'high' })));
  });
  afterAll(async () => context?.close());
  it.each([
    '/',
    '/yaodian/2021/18/',
    '/renwu/2021/',
    '/renwu/2021/huitoukan/',
    '/bumen/shi-zheng-fu-ban-gong-shi/',
    '/jiedu/2021/18/',
    '/search/',
  ])('%s has no violation at 390 px with 特大 text and high contrast', async (path) => {
    await page.goto(site.url + path, { waitUntil: 'load' });
    expect(describeViolations(path, await runAxe(page))).toBe('');
  });
});
