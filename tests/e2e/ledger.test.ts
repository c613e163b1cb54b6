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

const NAMES = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '不亮灯', unreported: '未报送' } as const;
type State = keyof typeof NAMES;
/** The ledger rows' states, from `data-light`. */
const states = (page: string) => [...page.matchAll(/<tr[^>]*data-light="(\w+)"[\s\S]*?<\/tr>/g)].map((m) => ({ row: m[0], light: m[1] as State }));

/**
 * The committed content has no progress reports (nobody has reported on 2021), so every task is
 * 未报送 and nothing is lit. tests/e2e/progress.test.ts builds a copy with reports.
 */
describe('task ledger with 红黄绿亮灯, as committed (no progress reported)', () => {
  it('states its as-of date and shows every task as 未报送 in words, with no light', () => {
    const page = html();
    expect(page).toMatch(/数据截至：<time datetime="\d{4}-\d{2}-\d{2}"/);
    const rows = states(page);
    expect(rows).toHaveLength(58);
    for (const { row, light } of rows) {
      expect(light).toBe('unreported');
      expect(htmlText(row), row.slice(0, 80)).toContain('未报送 · 无进展数据');
      expect(htmlText(row)).not.toMatch(/红灯|黄灯|绿灯|逾期/);
    }
  });

  it('says what each state means and how many tasks have no report', () => {
    const text = htmlText(html());
    expect(text).toContain('本表任务共 58 项，0 项已报送进展，58 项未报送。');
    expect(text).toContain('未报送的任务不亮灯，也不计为逾期');
    for (const [light, name] of Object.entries(NAMES)) expect(text, light).toMatch(new RegExp(`${name} ${light === 'unreported' ? 58 : 0} 项：[^。]{6,}。`));
  });

  it('counts states per section and per department, 未报送 in a column of its own, adding up to the 58 tasks', () => {
    const page = html();
    for (const caption of ['各部分任务亮灯和报送情况', '各部门牵头任务亮灯和报送情况']) {
      const rows = tableRows(page, caption);
      expect(rows.reduce((n, r) => n + Number(r.at(-1)), 0), caption).toBe(58);
      for (const r of rows) {
        expect(r.slice(1, 6).reduce((n, c) => n + Number(c), 0), r[0]).toBe(Number(r[6]));
        expect(r.slice(1, 5).map(Number), r[0]).toEqual([0, 0, 0, 0]);
      }
    }
    expect(tableRows(page, '各部分任务亮灯和报送情况')).toHaveLength(4);
    const header = /<caption[^>]*>各部分任务亮灯和报送情况<\/caption>\s*<thead[^>]*>([\s\S]*?)<\/thead>/.exec(page)?.[1] ?? '';
    expect([...header.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]).join(' ')).toBe('部分 红灯 黄灯 绿灯 不亮灯 未报送 合计');
  });

  it('draws the counts as an accessible SVG chart with 未报送 as its own, hatched, segment', () => {
    const page = html();
    expect(page).toMatch(/<svg [^>]*role="img" aria-labelledby="chart-sections-title chart-sections-desc"/);
    expect(page).toMatch(/<desc id="chart-sections-desc">第一部分：红灯 0 项，黄灯 0 项，绿灯 0 项，不亮灯 0 项，未报送 \d+ 项/);
    expect(page).toMatch(/<rect x="190" [^>]*fill="url\(#chart-sections-hatch\)"/);
  });

  it('回头看 claims no overdue task and lists the tasks past their deadline with no report apart', () => {
    const page = htmlText(readHtml(distPath('renwu', '2021', 'huitoukan', 'index.html')));
    expect(page).toContain('共有 0 项任务逾期未完成');
    expect(page).toContain('没有报送为未完成且已逾期的任务。');
    expect(page).toMatch(/另有 58 项任务已过完成时限、未报送进展/);
    expect(page).toContain('已过完成时限、未报送进展（58 项）');
    expect(html()).toContain('href="/renwu/2021/huitoukan/"');
  });

  it('shows 未报送 on the point pages and department pages too', () => {
    const point = htmlText(readHtml(distPath('yaodian', '2021', '18', 'index.html')));
    expect(point).toContain('未报送 · 无进展数据');
    expect(point).not.toMatch(/红灯|绿灯|黄灯/);
    const department = htmlText(readHtml(distPath('bumen', 'shi-zheng-fu-ban-gong-shi', 'index.html')));
    expect(department).toMatch(/牵头的任务共 \d+ 项，0 项已报送进展，\d+ 项未报送/);
    expect(department).toContain('未报送 · 无进展数据');
  });
});
