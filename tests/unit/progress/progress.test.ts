import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTemplate, DATA_SHEET, GUIDE_SHEET, type TemplateInput } from '../../../scripts/lib/progress/template.ts';
import { readCsv, readXlsx, type SheetTable } from '../../../scripts/lib/progress/readSheet.ts';
import { formatIssue, readDate, validateSheets } from '../../../scripts/lib/progress/validateSheet.ts';
import { mergeReports, progressPath } from '../../../scripts/lib/progress/history.ts';
import { columnLetter, findColumns, SHEET_COLUMNS } from '../../../scripts/lib/progress/columns.ts';
import { decodeCsvBytes, parseCsv, toCsv } from '../../../src/lib/data/csv.ts';

const INPUT: TemplateInput = {
  title: '测试市 2021 年政务公开工作要点',
  year: 2021,
  department: '市信息中心',
  tasks: [
    {
      id: '2021/08-1',
      pointNo: 8,
      pointTitle: '平台建设',
      text: '建设平台',
      lead: ['市信息中心'],
      units: ['市政府办公室'],
      deadline: '9月底',
    },
    { id: '2021/13-1', pointNo: 13, pointTitle: '数据开放', text: '开放数据', lead: ['市信息中心'], units: [], deadline: '12月底' },
  ],
};
/** The tasks the import accepts, each with its document's year. */
const TASKS = new Map([
  ['2021/08-1', 2021],
  ['2021/13-1', 2021],
]);
const AS_OF = '2021-07-15';

/** A sheet as read from a file: headers in the template's order, then the given rows. */
function table(rows: Record<string, string | Date>[], name = DATA_SHEET): SheetTable {
  const headers = SHEET_COLUMNS.map((c) => c.header);
  const columns = findColumns(headers);
  return {
    name,
    columns,
    rows: rows.map((r, i) => ({ row: i + 2, values: new Map(SHEET_COLUMNS.map((c) => [c.key, r[c.header] ?? null])) })),
  };
}
const row = (fields: Record<string, string | Date>) => ({
  任务编号: '2021/08-1',
  进展状态: '推进中',
  进展情况: '已完成需求梳理',
  填报日期: '2021-07-10',
  ...fields,
});

describe('the template', async () => {
  const bytes = await buildTemplate(INPUT);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(DATA_SHEET)!;

  it('has the Chinese headers, one row per task, a frozen header row and widths that fit', () => {
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '任务编号',
      '事项',
      '主要任务',
      '牵头/责任',
      '完成时限',
      '进展状态',
      '完成日期',
      '进展情况',
      '佐证链接',
      '填报人',
      '填报日期',
    ]);
    expect(sheet.getCell('A2').value).toBe('2021/08-1');
    expect(sheet.getCell('B2').value).toBe('8. 平台建设');
    expect(sheet.getCell('D2').value).toBe('牵头：市信息中心\n责任：市政府办公室');
    expect(sheet.getCell('A4').value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(3).width).toBe(60);
    expect(workbook.getWorksheet(GUIDE_SHEET)!.getCell('A1').value).toContain('市信息中心');
  });

  it('locks the task columns and opens only the input columns, under sheet protection', () => {
    expect((sheet as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({ sheet: true, sort: true });
    for (const [i, c] of SHEET_COLUMNS.entries())
      expect(sheet.getCell(`${columnLetter(i + 1)}2`).protection?.locked === false, c.header).toBe(c.input);
  });

  it('offers the four statuses as a drop-down and validates both dates', () => {
    expect(sheet.getCell('F2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"已完成,推进中,未启动,长期推进"'],
      showErrorMessage: true,
    });
    for (const cell of ['G3', 'K3'])
      expect(sheet.getCell(cell).dataValidation).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual' });
  });

  it('reads back untouched as a sheet with no progress', async () => {
    const tables = await readXlsx(bytes);
    expect(tables.map((t) => t.name)).toEqual([DATA_SHEET]);
    expect(validateSheets(tables, TASKS, AS_OF)).toEqual({ reports: [], issues: [] });
  });
});

describe('checking a returned sheet', () => {
  it('turns filled-in rows into reports and skips empty ones', () => {
    const result = validateSheets(
      [
        table([
          row({ 进展状态: '已完成', 完成日期: new Date(Date.UTC(2021, 6, 5)), 佐证链接: 'https://www.example.gov.cn/a', 填报人: '王某' }),
          { 任务编号: '2021/13-1' },
        ]),
      ],
      TASKS,
      AS_OF,
    );
    expect(result.issues).toEqual([]);
    expect(result.reports).toEqual([
      {
        task: '2021/08-1',
        sheet: DATA_SHEET,
        row: 2,
        update: {
          date: '2021-07-10',
          status: '已完成',
          completedAt: '2021-07-05',
          note: '已完成需求梳理',
          evidence: 'https://www.example.gov.cn/a',
          reporter: '王某',
        },
      },
    ]);
  });

  it('names the sheet, row and column of every mistake, and then keeps no report at all', () => {
    const rows = [
      row({}),
      row({ 任务编号: '2021/99-9' }),
      row({ 任务编号: '2021/13-1', 进展状态: '进行中' }),
      row({ 填报日期: '七月十日' }),
      row({ 填报日期: '2021-08-01' }),
      row({ 完成日期: '2021-07-01' }),
      row({ 佐证链接: 'www.example.gov.cn/a' }),
      row({ 佐证链接: 'ftp://example.gov.cn/a' }),
      row({ 进展状态: '已完成' }),
    ];
    const { reports, issues } = validateSheets([table(rows, '信息中心')], TASKS, AS_OF);
    expect(reports).toEqual([]);
    const lines = issues.map((i) => formatIssue('a.xlsx', i).split('\n')[0]);
    expect(lines).toEqual([
      'a.xlsx：工作表“信息中心”第 3 行，任务编号（A 列）：没有编号为“2021/99-9”的任务',
      'a.xlsx：工作表“信息中心”第 4 行，进展状态（F 列）：进展状态“进行中”不在列表中',
      'a.xlsx：工作表“信息中心”第 5 行，任务编号（A 列）：任务 2021/08-1 在工作表“信息中心”第 2 行已经填过',
      'a.xlsx：工作表“信息中心”第 5 行，填报日期（K 列）：“七月十日”不是日期',
      'a.xlsx：工作表“信息中心”第 6 行，任务编号（A 列）：任务 2021/08-1 在工作表“信息中心”第 2 行已经填过',
      'a.xlsx：工作表“信息中心”第 6 行，填报日期（K 列）：填报日期 2021-08-01 晚于今天（2021-07-15）',
      'a.xlsx：工作表“信息中心”第 7 行，任务编号（A 列）：任务 2021/08-1 在工作表“信息中心”第 2 行已经填过',
      'a.xlsx：工作表“信息中心”第 7 行，完成日期（G 列）：填了完成日期，但进展状态是“推进中”',
      'a.xlsx：工作表“信息中心”第 8 行，任务编号（A 列）：任务 2021/08-1 在工作表“信息中心”第 2 行已经填过',
      'a.xlsx：工作表“信息中心”第 8 行，佐证链接（I 列）：佐证链接“www.example.gov.cn/a”不是 http(s) 网址',
      'a.xlsx：工作表“信息中心”第 9 行，任务编号（A 列）：任务 2021/08-1 在工作表“信息中心”第 2 行已经填过',
      'a.xlsx：工作表“信息中心”第 9 行，佐证链接（I 列）：佐证链接“ftp://example.gov.cn/a”不是 http(s) 网址',
      'a.xlsx：工作表“信息中心”第 10 行，任务编号（A 列）：任务 2021/08-1 在工作表“信息中心”第 2 行已经填过',
      'a.xlsx：工作表“信息中心”第 10 行，完成日期（G 列）：进展状态为“已完成”，但没有填写完成日期',
    ]);
    expect(formatIssue('a.xlsx', issues[0]!)).toMatch(
      /sheet "信息中心", row 3, column A \(任务编号\): there is no task "2021\/99-9"\n {2}改正 \/ fix: /,
    );
  });

  it('reads dates as spreadsheets and people write them', () => {
    expect(readDate(new Date(Date.UTC(2021, 5, 30)))).toBe('2021-06-30');
    for (const s of ['2021-06-30', '2021/6/30', '2021.6.30', '2021年6月30日', '２０２１-０６-３０'])
      expect(readDate(s), s).toBe('2021-06-30');
    for (const s of ['2021-02-30', '6月30日', '44377', '']) expect(readDate(s), s).toBeNull();
  });

  it('reports a sheet that lost a column, at its header row', () => {
    const t = table([row({})]);
    t.columns.delete('evidence');
    expect(validateSheets([t], TASKS, AS_OF).issues.map((i) => [i.row, i.zh])).toEqual([[1, '缺少列：佐证链接']]);
  });
});

describe('CSV from spreadsheet programs', () => {
  const rows = [
    SHEET_COLUMNS.map((c) => c.header),
    ['2021/08-1', '', '建设平台, "一期"', '', '9月底', '推进中', '', '第一行\n第二行', '', '', '2021-07-10'],
  ];
  it('parses quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv(toCsv(rows).slice(1))).toEqual(rows);
    expect(parseCsv('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
  it('reads UTF-8 with a BOM, UTF-8 without, and GBK', () => {
    const text = toCsv(rows);
    const gbk = Uint8Array.from([0xc8, 0xce, 0xce, 0xf1, 0xb1, 0xe0, 0xba, 0xc5]); // 任务编号 in GBK
    expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({ text: text.slice(1), encoding: 'UTF-8' });
    expect(decodeCsvBytes(new TextEncoder().encode(text.slice(1))).encoding).toBe('UTF-8');
    expect(decodeCsvBytes(gbk)).toEqual({ text: '任务编号', encoding: 'GBK' });
    const [t] = readCsv(new TextEncoder().encode(text), 'returned').tables;
    expect(validateSheets([t!], TASKS, AS_OF).reports.map((r) => r.update.note)).toEqual(['第一行\n第二行']);
  });
});

describe('history', () => {
  const report = (date: string, status: '推进中' | '已完成', extra = {}) => ({
    task: '2021/08-1',
    sheet: 's',
    row: 2,
    update: { date, status, note: `${date} 的进展`, ...extra },
  });
  it('adds reports in date order, keeps every earlier one, and skips a report already recorded', () => {
    const first = mergeReports([report('2021-07-10', '推进中')], () => null);
    const path = progressPath('2021/08-1');
    expect([...first.files.keys()]).toEqual(['src/content/progress/2021/08-1.yaml']);
    const text = first.files.get(path)!;
    const second = mergeReports(
      [report('2021-07-10', '推进中'), report('2021-09-20', '已完成', { completedAt: '2021-09-18' }), report('2021-06-01', '推进中')],
      () => text,
    );
    expect(second.already).toHaveLength(1);
    expect(second.added.map((r) => r.update.date)).toEqual(['2021-09-20', '2021-06-01']);
    expect(second.files.get(path)).toBe(
      'task: 2021/08-1\nupdates:\n  - date: 2021-06-01\n    status: 推进中\n    note: 2021-06-01 的进展\n  - date: 2021-07-10\n    status: 推进中\n    note: 2021-07-10 的进展\n  - date: 2021-09-20\n    status: 已完成\n    completedAt: 2021-09-18\n    note: 2021-09-20 的进展\n',
    );
    expect(mergeReports([report('2021-07-10', '推进中')], () => text).files.size).toBe(0);
  });
  it('refuses to add to a progress file that is not valid', () => {
    expect(() => mergeReports([report('2021-07-10', '推进中')], () => 'task: 2021/08-1\nupdates: []\n')).toThrow(/npm run check/);
  });
});
