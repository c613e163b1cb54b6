/**
 * The 工作台账 loop end to end, in a temporary copy of the project: templates generated, filled in
 * the way departments do (mistakes included, rows re-sorted, columns moved, a sheet renamed, CSV
 * in GBK and in UTF-8 with BOM), imported, then the site built as of two dates and its pages,
 * exports and history checked. Nothing is written to the project itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteWorkspace, projectContent } from '../../scripts/lib/workspace.ts';
import { attr, htmlText, parseHtml, select, selectAll, textOf } from './support/html.ts';
import { launchBrowser, offlineContext } from './support/browser.ts';
import { describeViolations, runAxe } from './support/axe.ts';
import { startStaticServer } from '../../scripts/lib/serve/staticServer.ts';
import { toCsv } from '../../src/lib/data/csv.ts';
import { qrPath } from '../../src/lib/kiosk/qr.ts';

const REPO = resolve(import.meta.dirname, '../..');
const XINXI = '2021年工作台账-市信息中心.xlsx';
const SIFA = '2021年工作台账-市司法局.xlsx';
/** The two dates the site is built as of. */
const SEPT = '2021-09-15';
const JAN = '2022-01-10';
let root: string;
const dist: Record<string, string> = {};
const runs: Record<string, { status: number | null; stdout: string; stderr: string }> = {};

function progress(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/progress.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A template's task rows as header → value, in its order. */
async function templateRows(file: string): Promise<{ headers: string[]; rows: Map<string, ExcelJS.CellValue>[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(root, 'progress-sheets/2021', file));
  const sheet = wb.getWorksheet('工作台账')!;
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  const rows: Map<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(new Map(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  });
  return { headers, rows };
}

/** Fills the template in place, as a department does in its spreadsheet program: by task id. */
async function fillTemplate(
  file: string,
  out: string,
  fill: Record<string, Record<string, ExcelJS.CellValue>>,
  extraRows: Record<string, ExcelJS.CellValue>[] = [],
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(root, 'progress-sheets/2021', file));
  const sheet = wb.getWorksheet('工作台账')!;
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  const col = (h: string) => headers.indexOf(h) + 1;
  sheet.eachRow((row, n) => {
    const values = fill[String(row.getCell(1).value)];
    if (n > 1 && values) for (const [h, v] of Object.entries(values)) row.getCell(col(h)).value = v;
  });
  for (const extra of extraRows) sheet.addRow(headers.map((h) => extra[h] ?? null));
  await wb.xlsx.writeFile(join(root, out));
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const EVIDENCE = 'https://www.shenyang.gov.cn/zwgk/zfxxgk/test-8-1.html';

beforeAll(async () => {
  root = join(tmpdir(), `zwgk-progress-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  createSiteWorkspace(REPO, root, projectContent(REPO));
  runs.template = progress('template', '2021');
  runs.one = progress('template', '2021', '--department', 'shi-si-fa-ju', '--out', 'one');
  runs.untouched = progress('import', `progress-sheets/2021/${SIFA}`, '--as-of', '2021-07-15');

  // Every mistake the issue lists, in the 信息中心's sheet.
  await fillTemplate(
    XINXI,
    'mistakes.xlsx',
    {
      '2021/08-1': { 进展状态: '进行中', 进展情况: '平台需求已梳理', 填报日期: utc(2021, 7, 10) },
      '2021/08-2': { 进展状态: '推进中', 完成日期: utc(2021, 7, 5), 进展情况: '已上线', 填报日期: utc(2021, 7, 10) },
      '2021/08-3': { 进展状态: '未启动', 进展情况: '待部署', 填报日期: '7月10号' },
      '2021/10-1': { 进展状态: '推进中', 进展情况: '正在推进', 填报日期: utc(2021, 8, 1) },
      '2021/13-1': { 进展状态: '长期推进', 进展情况: '持续开放', 佐证链接: 'www.shenyang.gov.cn/data', 填报日期: utc(2021, 7, 10) },
    },
    [{ 任务编号: '2021/99-1', 进展状态: '推进中', 进展情况: '多出的一行', 填报日期: utc(2021, 7, 10) }],
  );
  runs.mistakes = progress('import', 'mistakes.xlsx', '--as-of', '2021-07-15');

  // The first return: rows re-sorted, columns moved, the sheet renamed, a new workbook.
  const { headers, rows } = await templateRows(XINXI);
  const first: Record<string, Record<string, ExcelJS.CellValue>> = {
    '2021/08-1': {
      进展状态: '推进中',
      进展情况: '已完成平台需求梳理，正在开发。',
      佐证链接: { text: '进展公告', hyperlink: EVIDENCE },
      填报人: '王测试',
      填报日期: utc(2021, 7, 10),
    },
    '2021/08-2': { 进展状态: '已完成', 完成日期: utc(2021, 7, 5), 进展情况: '专栏已上线。', 填报人: '王测试', 填报日期: utc(2021, 7, 10) },
    '2021/08-3': { 进展状态: '未启动', 进展情况: '待平台上线后部署。', 填报人: '王测试', 填报日期: '2021/7/10' },
    '2021/13-1': { 进展状态: '长期推进', 进展情况: '数据开放目录按月更新。', 填报人: '王测试', 填报日期: '2021年7月10日' },
  };
  const moved = [...headers].reverse();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('信息中心7月报送');
  sheet.addRow(moved);
  for (const row of [...rows].reverse()) sheet.addRow(moved.map((h) => first[String(row.get('任务编号'))]?.[h] ?? row.get(h) ?? null));
  await wb.xlsx.writeFile(join(root, 'first.xlsx'));
  runs.dryRun = progress('import', 'first.xlsx', '--as-of', '2021-07-15', '--dry-run');
  runs.dryRunWrote = { status: existsSync(join(root, 'src/content/progress')) ? 1 : 0, stdout: '', stderr: '' };
  runs.first = progress('import', 'first.xlsx', '--as-of', '2021-07-15');
  runs.again = progress('import', 'first.xlsx', '--as-of', '2021-07-15');

  // 市司法局 returns a CSV (UTF-8 with BOM, as Excel saves “CSV UTF-8”).
  const sifa = await templateRows(SIFA);
  const csvRows = [
    sifa.headers,
    ...sifa.rows.map((r) =>
      sifa.headers.map(
        (h) =>
          (
            ({
              进展状态: '已完成',
              完成日期: '2021-06-20',
              进展情况: '复议决定书已公开。',
              佐证链接: 'https://sfj.example.gov.cn/fy/',
              填报日期: '2021-06-25',
            }) as Record<string, string>
          )[h] ?? String(r.get(h) ?? ''),
      ),
    ),
  ];
  writeFileSync(join(root, 'sifa.csv'), toCsv(csvRows));
  runs.sifa = progress('import', 'sifa.csv', '--as-of', '2021-07-15');

  // The 信息中心's second return in October, saved as CSV on Chinese Windows (GBK).
  const october: Record<string, Record<string, string>> = {
    '2021/08-1': { 进展状态: '已完成', 完成日期: '2021-10-12', 进展情况: '平台已上线运行。', 佐证链接: EVIDENCE, 填报日期: '2021-10-15' },
    '2021/08-3': { 进展状态: '推进中', 进展情况: '已部署测试环境。', 填报日期: '2021-10-15' },
  };
  const gbkRows = [
    headers,
    ...rows.map((r) =>
      headers.map((h) => october[String(r.get('任务编号'))]?.[h] ?? (typeof r.get(h) === 'string' ? (r.get(h) as string) : '')),
    ),
  ];
  writeFileSync(join(root, 'october.csv'), iconv.encode(toCsv(gbkRows).slice(1), 'gbk'));
  runs.october = progress('import', 'october.csv', '--as-of', '2021-10-20');

  for (const asOf of [SEPT, JAN]) {
    const built = spawnSync(process.execPath, ['scripts/build.ts', '--as-of', asOf], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(built.stdout + built.stderr);
    dist[asOf] = join(root, `dist-${asOf}`);
    renameSync(join(root, 'dist'), dist[asOf]);
  }
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const page = (asOf: string, path: string) => readFileSync(join(dist[asOf]!, path, 'index.html'), 'utf8');
const text = (asOf: string, path: string) => htmlText(page(asOf, path));
const ledgerRow = (asOf: string, label: string) => {
  const row = selectAll('tr[data-light]', parseHtml(page(asOf, 'renwu/2021'))).find(
    (tr) => textOf(select('th[scope="row"]', tr)) === label,
  );
  return row ? textOf(row) : '';
};
/** The progress history section of a page: its text, and the page's tree. */
const progressSection = (html: string) => select('section[aria-labelledby="progress-heading"]', parseHtml(html));

describe('templates', () => {
  it('writes one .xlsx per lead department, or one department’s', () => {
    expect(runs.template!.status, runs.template!.stderr).toBe(0);
    const files = readdirSync(join(root, 'progress-sheets/2021'));
    expect(files).toContain(XINXI);
    expect(files).toHaveLength(13);
    expect(readdirSync(join(root, 'one'))).toEqual([SIFA]);
  });

  it('round trip: an untouched template imports nothing and says no progress was entered', () => {
    expect(runs.untouched).toMatchObject({ status: 0 });
    expect(runs.untouched!.stdout).toContain('no progress entered');
  });
});

describe('importing a returned sheet', () => {
  it('names the sheet, row and column of every mistake, and writes nothing', () => {
    expect(runs.mistakes!.status).toBe(1);
    const err = runs.mistakes!.stderr;
    for (const line of [
      'mistakes.xlsx：工作表“工作台账”第 2 行，进展状态（F 列）：进展状态“进行中”不在列表中',
      'mistakes.xlsx：工作表“工作台账”第 3 行，完成日期（G 列）：填了完成日期，但进展状态是“推进中”',
      'mistakes.xlsx：工作表“工作台账”第 4 行，填报日期（K 列）：“7月10号”不是日期',
      'mistakes.xlsx：工作表“工作台账”第 5 行，填报日期（K 列）：填报日期 2021-08-01 晚于今天（2021-07-15）',
      'mistakes.xlsx：工作表“工作台账”第 6 行，佐证链接（I 列）：佐证链接“www.shenyang.gov.cn/data”不是 http(s) 网址',
      'mistakes.xlsx：工作表“工作台账”第 7 行，任务编号（A 列）：没有编号为“2021/99-1”的任务',
    ]) {
      expect(err).toContain(line);
    }
    expect(err).toContain('sheet "工作台账", row 2, column F (进展状态): status "进行中" is not in the list');
    expect(err).toContain('6 处错误，未写入任何文件');
  });

  it('--dry-run shows what would be written and writes nothing', () => {
    expect(runs.dryRun!.status, runs.dryRun!.stderr).toBe(0);
    expect(runs.dryRun!.stdout).toContain('--- src/content/progress/2021/08-1.yaml');
    expect(runs.dryRun!.stdout).toContain('dry run: 4 report(s) to 4 file(s)');
    expect(runs.dryRunWrote!.status).toBe(0);
  });

  it('reads re-sorted rows, moved columns and a renamed sheet, and writes one file per task', () => {
    expect(runs.first!.status, runs.first!.stderr).toBe(0);
    expect(runs.first!.stdout).toContain('+ 2021/08-1 2021-07-10 推进中（工作表“信息中心7月报送”第 6 行）');
    expect(runs.first!.stdout).toContain('4 report(s) added in 4 file(s)');
    expect(readdirSync(join(root, 'src/content/progress/2021')).sort()).toEqual([
      '05-1.yaml',
      '08-1.yaml',
      '08-2.yaml',
      '08-3.yaml',
      '13-1.yaml',
    ]);
  });

  it('skips reports already recorded when the same sheet comes in twice', () => {
    expect(runs.again!.status).toBe(0);
    expect(runs.again!.stdout).toContain('0 report(s) added in 0 file(s), 4 already recorded');
  });

  it('reads CSV in UTF-8 with BOM and in GBK, and adds the later report as new history', () => {
    expect(runs.sifa!.status, runs.sifa!.stderr).toBe(0);
    expect(runs.october!.status, runs.october!.stderr).toBe(0);
    expect(runs.october!.stdout).toContain('+ 2021/08-1 2021-10-15 已完成');
    const file = readFileSync(join(root, 'src/content/progress/2021/08-1.yaml'), 'utf8');
    expect(file).toBe(
      `task: 2021/08-1\nupdates:\n  - date: 2021-07-10\n    status: 推进中\n    note: 已完成平台需求梳理，正在开发。\n    evidence: ${EVIDENCE}\n    reporter: 王测试\n  - date: 2021-10-15\n    status: 已完成\n    completedAt: 2021-10-12\n    note: 平台已上线运行。\n    evidence: ${EVIDENCE}\n`,
    );
  });
});

describe('the ledger as of two dates', () => {
  /** The worked example: 市信息中心's two returns and 市司法局's one, seen on two dates. */
  const expected = {
    [SEPT]: {
      counts: '红灯 0 项：.*黄灯 1 项：.*绿灯 4 项：.*不亮灯 0 项：.*未报送 53 项：',
      rows: {
        '8-1': ['黄灯 · 即将到期（剩 15 天）', '2021年7月10日报送：推进中。已完成平台需求梳理，正在开发。'],
        '8-2': ['绿灯 · 按期完成', '2021年7月10日报送：已完成（2021年7月5日完成）'],
        '8-3': ['绿灯 · 未到期', '未启动'],
        '10-1': ['未报送 · 无进展数据'],
        '13-1': ['绿灯 · 未到期', '长期推进'],
      },
    },
    [JAN]: {
      counts: '红灯 3 项：.*黄灯 0 项：.*绿灯 2 项：.*不亮灯 0 项：.*未报送 53 项：',
      rows: {
        '8-1': ['红灯 · 逾期完成', '2021年10月15日报送：已完成（2021年10月12日完成）'],
        '8-3': ['红灯 · 逾期未完成', '2021年10月15日报送：推进中'],
        '13-1': ['红灯 · 逾期未完成'],
        '5-1': ['绿灯 · 按期完成'],
        '10-1': ['未报送 · 无进展数据'],
      },
    },
  };
  for (const [asOf, { counts, rows }] of Object.entries(expected)) {
    it(`as of ${asOf}: lights from the latest report on or before that day, 未报送 where there is none`, () => {
      const t = text(asOf, 'renwu/2021');
      expect(t).toContain('本表任务共 58 项，5 项已报送进展，53 项未报送。');
      expect(t).toMatch(new RegExp(counts, 's'));
      for (const [label, parts] of Object.entries(rows)) for (const part of parts) expect(ledgerRow(asOf, label), label).toContain(part);
    });
  }

  it('shows the whole history on the task’s point page, with the evidence link, and never the reporter', () => {
    const html = page(JAN, 'yaodian/2021/08');
    const section = progressSection(html);
    const history = textOf(section);
    expect(history).toMatch(
      /任务 8-1：.*红灯 · 逾期完成.*2021年7月10日报送：推进中。已完成平台需求梳理，正在开发。.*2021年10月15日报送：已完成（2021年10月12日完成）。平台已上线运行。/s,
    );
    expect(selectAll(`a[href="${EVIDENCE}"]`, section).map((a) => attr(a, 'aria-label'))).toContain(
      '任务 8-1 的佐证材料（2021年7月10日报送）',
    );
    expect(history).toMatch(/任务 8-2：.*绿灯 · 按期完成/s);
    const sept = textOf(progressSection(page(SEPT, 'yaodian/2021/08')));
    expect(sept).not.toContain('2021年10月15日');
    for (const asOf of [SEPT, JAN])
      expect(
        readdirSync(dist[asOf]!, { recursive: true, encoding: 'utf8' })
          .filter((f) => /\.(html|json|csv)$/.test(f))
          .some((f) => readFileSync(join(dist[asOf]!, f), 'utf8').includes('王测试')),
      ).toBe(false);
  });

  it('counts the department’s tasks on its page, and lists overdue and unreported tasks apart in 回头看', () => {
    expect(text(JAN, 'bumen/shi-xin-xi-zhong-xin')).toContain('牵头的任务共 5 项，4 项已报送进展，1 项未报送。');
    const back = text(JAN, 'renwu/2021/huitoukan');
    expect(back).toContain('共有 2 项任务逾期未完成');
    expect(back).toContain('另有 53 项任务已过完成时限、未报送进展');
    expect(back).toMatch(/市信息中心（2 项）/);
  });

  it('exports the latest report in tasks.json and tasks.csv and the whole history in progress.csv', () => {
    const json = JSON.parse(readFileSync(join(dist[JAN]!, 'data/2021/tasks.json'), 'utf8')) as { tasks: { id: string; status: object }[] };
    expect(json.tasks.find((t) => t.id === '2021/08-1')!.status).toEqual({
      progress: '已完成',
      light: 'red',
      label: '逾期完成',
      reportedAt: '2021-10-15',
      completedAt: '2021-10-12',
      note: '平台已上线运行。',
      evidence: EVIDENCE,
      asOf: JAN,
    });
    expect(json.tasks.find((t) => t.id === '2021/10-1')!.status).toMatchObject({ progress: null, light: 'unreported', reportedAt: null });
    const csv = readFileSync(join(dist[JAN]!, 'data/2021/tasks.csv'), 'utf8');
    expect(csv).toContain(`已完成（红灯：逾期完成）,2021-10-15,2021-10-12,平台已上线运行。,${EVIDENCE}\r\n`);
    const history = (asOf: string) => readFileSync(join(dist[asOf]!, 'data/2021/progress.csv'), 'utf8').slice(1).trim().split('\r\n');
    expect(history(SEPT)).toHaveLength(1 + 5);
    expect(history(JAN)).toHaveLength(1 + 7);
    expect(history(JAN)[0]).toBe('任务编号,要点编号,主要任务,牵头部门,完成时限,填报日期,进展状态,完成日期,进展情况,佐证链接');
    expect(
      history(JAN)
        .filter((r) => r.startsWith('2021/08-1,'))
        .map((r) => r.split(',').slice(5, 8).join(',')),
    ).toEqual(['2021-07-10,推进中,', '2021-10-15,已完成,2021-10-12']);
  });

  it('shows an evidence link as its QR code in kiosk mode, on the point page and the ledger, and never leaves the site', async () => {
    expect(existsSync(join(dist[JAN]!, qrPath(EVIDENCE)))).toBe(true);
    const { server, url } = await startStaticServer(dist[JAN]!);
    const browser = await launchBrowser();
    try {
      const { context, blocked } = await offlineContext(browser, { viewport: { width: 1080, height: 1920 } });
      const tab = await context.newPage();
      await tab.goto(`${url}/?kiosk=1&idle=600`);
      for (const path of ['/yaodian/2021/08/', '/renwu/2021/']) {
        await tab.goto(url + path);
        const link = tab.getByRole('link', {
          name: path === '/renwu/2021/' ? '任务 8-1 的佐证材料（2021年10月15日报送）' : '任务 8-1 的佐证材料（2021年7月10日报送）',
        });
        const qr = tab
          .getByRole('img', { name: new RegExp(`^任务 8-1 的佐证材料（.+报送）的二维码，网址 ${EVIDENCE.replaceAll('.', '\\.')}$`) })
          .first();
        await qr.scrollIntoViewIfNeeded();
        expect(await qr.isVisible(), path).toBe(true);
        const loaded = (img: HTMLImageElement) =>
          img.complete
            ? img.naturalWidth > 0
            : new Promise<boolean>((done) => img.addEventListener('load', () => done(img.naturalWidth > 0)));
        expect(await qr.evaluate(loaded), path).toBe(true);
        expect(await qr.getAttribute('src')).toBe(qrPath(EVIDENCE));
        await link.dispatchEvent('click');
        await tab.waitForTimeout(300);
        expect(tab.url()).toBe(url + path);
      }
      expect(blocked).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
      await new Promise((done) => server.close(() => done(undefined)));
    }
  });

  it('passes axe with lit states on the ledger, a point page and a department page', async () => {
    const { server, url } = await startStaticServer(dist[JAN]!);
    const browser = await launchBrowser();
    try {
      const { context } = await offlineContext(browser);
      const tab = await context.newPage();
      for (const path of ['/renwu/2021/', '/yaodian/2021/08/', '/bumen/shi-xin-xi-zhong-xin/', '/renwu/2021/huitoukan/']) {
        await tab.goto(url + path);
        const violations = await runAxe(tab);
        expect(violations, describeViolations(path, violations)).toEqual([]);
      }
      await context.close();
    } finally {
      await browser.close();
      await new Promise((done) => server.close(() => done(undefined)));
    }
  });
});
