import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { distPath } from './support/site.ts';
import { attr, readPage, select, selectAll, textOf } from './support/html.ts';

const ledgerPage = () => readPage(distPath('renwu', '2021', 'index.html'));

/** The body rows of the table whose caption starts with `caption`: [row header, …cells]. */
function tableRows(page: Root, caption: string): string[][] {
  const table = selectAll('table', page).find((t) => textOf(select('caption', t)).startsWith(caption));
  expect(table, caption).toBeDefined();
  return selectAll('tbody tr', table!).map((r) => selectAll('th, td', r).map((c) => textOf(c).trim()));
}

const NAMES = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '不亮灯', unreported: '未报送' } as const;
type State = keyof typeof NAMES;
/** The ledger rows' states, from `data-light`, with each row's text. */
const states = (page: Root) => selectAll('tr[data-light]', page).map((r) => ({ row: textOf(r), light: attr(r, 'data-light') as State }));

/**
 * The committed content has no progress reports (nobody has reported on 2021), so every task is
 * 未报送 and nothing is lit. tests/e2e/progress.test.ts builds a copy with reports.
 */
describe('task ledger with 红黄绿亮灯, as committed (no progress reported)', () => {
  it('states its as-of date and shows every task as 未报送 in words, with no light', () => {
    const page = ledgerPage();
    const statement = selectAll(':has(> time)', page).find((e) => textOf(e).includes('数据截至：'));
    const asOf = select(':scope > time', statement!);
    expect(textOf(statement!)).toContain(`数据截至：${textOf(asOf)}`);
    expect(attr(asOf, 'datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const rows = states(page);
    expect(rows).toHaveLength(58);
    for (const { row, light } of rows) {
      expect(light).toBe('unreported');
      expect(row, row.slice(0, 80)).toContain('未报送 · 无进展数据');
      expect(row).not.toMatch(/红灯|黄灯|绿灯|逾期/);
    }
  });

  it('says what each state means and how many tasks have no report', () => {
    const text = textOf(ledgerPage());
    expect(text).toContain('本表任务共 58 项，0 项已报送进展，58 项未报送。');
    expect(text).toContain('未报送的任务不亮灯，也不计为逾期');
    for (const [light, name] of Object.entries(NAMES))
      expect(text, light).toMatch(new RegExp(`${name} ${light === 'unreported' ? 58 : 0} 项：[^。]{6,}。`));
  });

  it('counts states per section and per department, 未报送 in a column of its own, adding up to the 58 tasks', () => {
    const page = ledgerPage();
    for (const caption of ['各部分任务亮灯和报送情况', '各部门牵头任务亮灯和报送情况']) {
      const rows = tableRows(page, caption);
      expect(
        rows.reduce((n, r) => n + Number(r.at(-1)), 0),
        caption,
      ).toBe(58);
      for (const r of rows) {
        expect(
          r.slice(1, 6).reduce((n, c) => n + Number(c), 0),
          r[0],
        ).toBe(Number(r[6]));
        expect(r.slice(1, 5).map(Number), r[0]).toEqual([0, 0, 0, 0]);
      }
    }
    expect(tableRows(page, '各部分任务亮灯和报送情况')).toHaveLength(4);
    const sections = selectAll('table', page).find((t) => textOf(select('caption', t)) === '各部分任务亮灯和报送情况')!;
    expect(selectAll('thead th', sections).map(textOf).join(' ')).toBe('部分 红灯 黄灯 绿灯 不亮灯 未报送 合计');
  });

  it('draws the counts as an accessible SVG chart with 未报送 as its own, hatched, segment', () => {
    const page = ledgerPage();
    const chart = select('svg[aria-labelledby="chart-sections-title chart-sections-desc"]', page);
    expect(attr(chart, 'role')).toBe('img');
    expect(textOf(select('desc#chart-sections-desc', chart))).toMatch(
      /^第一部分：红灯 0 项，黄灯 0 项，绿灯 0 项，不亮灯 0 项，未报送 \d+ 项/,
    );
    expect(selectAll('rect[x="190"][fill="url(#chart-sections-hatch)"]', chart)).not.toHaveLength(0);
  });

  it('回头看 claims no overdue task and lists the tasks past their deadline with no report apart', () => {
    const page = textOf(readPage(distPath('renwu', '2021', 'huitoukan', 'index.html')));
    expect(page).toContain('共有 0 项任务逾期未完成');
    expect(page).toContain('没有报送为未完成且已逾期的任务。');
    expect(page).toMatch(/另有 58 项任务已过完成时限、未报送进展/);
    expect(page).toContain('已过完成时限、未报送进展（58 项）');
    expect(selectAll('a[href="/renwu/2021/huitoukan/"]', ledgerPage())).not.toHaveLength(0);
  });

  it('shows 未报送 on the point pages and department pages too', () => {
    const point = textOf(readPage(distPath('yaodian', '2021', '18', 'index.html')));
    expect(point).toContain('未报送 · 无进展数据');
    expect(point).not.toMatch(/红灯|绿灯|黄灯/);
    const department = textOf(readPage(distPath('bumen', 'shi-zheng-fu-ban-gong-shi', 'index.html')));
    expect(department).toMatch(/牵头的任务共 \d+ 项，0 项已报送进展，\d+ 项未报送/);
    expect(department).toContain('未报送 · 无进展数据');
  });
});
