import { describe, expect, it } from 'vitest';
import { distPath } from './support/site.ts';
import { htmlText, readHtml } from './support/html.ts';

const html = () => readHtml(distPath('renwu', '2021', 'index.html'));

/** The rows of the table whose caption starts with `caption`: [row header, …cells]. */
function tableRows(page: string, caption: string): string[][] {
  const table = [...page.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]).find((t) => htmlText(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? '').startsWith(caption));
  expect(table, caption).toBeDefined();
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table!)![1]!;
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => htmlText(c[1]!).trim()));
}

describe('task ledger with 红黄绿亮灯', () => {
  it('states its as-of date and gives every task a light with a text label', () => {
    const page = html();
    expect(page).toMatch(/数据截至：<time datetime="\d{4}-\d{2}-\d{2}"/);
    const lights = [...page.matchAll(/<tr[^>]*data-light="(red|yellow|green|grey)"[\s\S]*?<\/tr>/g)];
    expect(lights).toHaveLength(58);
    const names = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '灰灯' } as const;
    for (const [row, light] of lights) expect(htmlText(row), row.slice(0, 80)).toContain(names[light as keyof typeof names]);
  });

  it('counts lights per section and per department, each adding up to the 58 tasks', () => {
    const page = html();
    for (const caption of ['各部分任务亮灯情况', '各部门牵头任务亮灯情况']) {
      const rows = tableRows(page, caption);
      const total = rows.reduce((n, r) => n + Number(r.at(-1)), 0);
      expect(total, caption).toBe(58);
      for (const r of rows) expect(Number(r[1]) + Number(r[2]) + Number(r[3]) + Number(r[4]), r[0]).toBe(Number(r[5]));
    }
    expect(tableRows(page, '各部分任务亮灯情况')).toHaveLength(4);
  });

  it('draws the counts as an accessible SVG chart', () => {
    expect(html()).toMatch(/<svg [^>]*role="img" aria-labelledby="chart-sections-title chart-sections-desc"/);
    expect(html()).toMatch(/<desc id="chart-sections-desc">第一部分：红灯 \d+ 项/);
  });

  it('lists overdue tasks by department on the 回头看 page', () => {
    const page = readHtml(distPath('renwu', '2021', 'huitoukan', 'index.html'));
    const overdue = (html().match(/data-light="red"/g) ?? []).length;
    const stated = Number(/共有 (\d+) 项任务逾期未完成/.exec(htmlText(page))?.[1]);
    expect(stated).toBeLessThanOrEqual(overdue);
    if (stated > 0) expect(page).toMatch(/<h2 id="dept-0">[^<]+（\d+ 项）<\/h2>/);
    expect(html()).toContain('href="/renwu/2021/huitoukan/"');
  });
});
