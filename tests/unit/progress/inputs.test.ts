/**
 * What a returned 工作台账 sheet may not hold (issue items 12 and 13): dates outside the task's
 * document year to the as-of date (Excel serials 0, 1, −5, 60, past 9999, a 0001-01-01 cell,
 * 1900-01-01, 1000-01-01), CSV bytes its encoding cannot decode, files and sheets over the limits,
 * and more errors than a terminal can show. Each is refused with the file, sheet and row.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgress } from '../../../scripts/progress.ts';
import { readCsv, readXlsx, SheetReadError } from '../../../scripts/lib/progress/readSheet.ts';
import { formatIssue, validateSheets } from '../../../scripts/lib/progress/validateSheet.ts';
import { SHEET_COLUMNS } from '../../../scripts/lib/progress/columns.ts';
import { INFLATED_LIMIT, SHEET_FILE_MAX, SHEET_ROWS_MAX } from '../../../scripts/lib/limits.ts';
import { CsvEncodingError, decodeCsvBytes, toCsv } from '../../../src/lib/data/csv.ts';

const REPO = resolve(import.meta.dirname, '../../..');
const AS_OF = '2021-07-15';
const HEADERS = SHEET_COLUMNS.map((c) => c.header);
const dir = mkdtempSync(join(tmpdir(), 'zwgk-progress-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A row of the template's columns from header → value. */
const line = (values: Record<string, ExcelJS.CellValue>) => HEADERS.map((h) => values[h] ?? null);
const filled = (task: string, values: Record<string, ExcelJS.CellValue> = {}) =>
  line({ 任务编号: task, 进展状态: '推进中', 进展情况: '已部署', 填报日期: '2021-07-10', ...values });

/** An .xlsx of the template's columns; date cells formatted as dates, as Excel saves them. */
async function xlsx(rows: (ExcelJS.CellValue | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('工作台账');
  sheet.addRow(HEADERS);
  for (const r of rows) {
    const added = sheet.addRow(r);
    for (const h of ['完成日期', '填报日期']) added.getCell(HEADERS.indexOf(h) + 1).numFmt = 'yyyy-mm-dd';
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** `npm run progress -- import <file>` on the project's own tasks; nothing is written on an error. */
async function importFile(name: string, bytes: Uint8Array | string) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const out: string[] = [];
  const err: string[] = [];
  const status = await runProgress(['import', file, '--as-of', AS_OF, '--dry-run'], {
    root: REPO,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The header row as CSV text, no BOM. */
const header = toCsv([HEADERS]).slice(1);
const firstLines = (stderr: string) => stderr.split('\n').filter((l) => !l.startsWith('  '));

describe('dates lie from the document’s year to the as-of date', () => {
  const YEAR_ONE = new Date('0001-01-01T00:00:00Z');
  const rows = [
    filled('2021/01-1', { 填报日期: 0 }),
    filled('2021/01-2', { 填报日期: 1 }),
    filled('2021/02-1', { 填报日期: -5 }),
    filled('2021/02-2', { 填报日期: 60 }),
    filled('2021/02-3', { 填报日期: 2958466 }),
    filled('2021/02-4', { 填报日期: YEAR_ONE }),
    filled('2021/03-1', { 填报日期: '1900-01-01' }),
    filled('2021/03-2', { 进展状态: '已完成', 完成日期: '1000-01-01' }),
    filled('2021/04-1', { 填报日期: 61 }),
  ];
  const refused = [
    'x.xlsx：工作表“工作台账”第 2 行，填报日期（K 列）：填报日期 Excel 日期序号 0 早于任务所属文件的年度（2021 年），不在 2021-01-01 至 2021-07-15 之内',
    'x.xlsx：工作表“工作台账”第 3 行，填报日期（K 列）：填报日期 Excel 日期序号 1 早于任务所属文件的年度（2021 年），不在 2021-01-01 至 2021-07-15 之内',
    'x.xlsx：工作表“工作台账”第 4 行，填报日期（K 列）：填报日期 Excel 日期序号 -5 早于任务所属文件的年度（2021 年），不在 2021-01-01 至 2021-07-15 之内',
    'x.xlsx：工作表“工作台账”第 5 行，填报日期（K 列）：填报日期 Excel 日期序号 60 早于任务所属文件的年度（2021 年），不在 2021-01-01 至 2021-07-15 之内',
    'x.xlsx：工作表“工作台账”第 6 行，填报日期（K 列）：填报日期 Excel 日期序号 2958466 晚于今天（2021-07-15）',
    'x.xlsx：工作表“工作台账”第 7 行，填报日期（K 列）：填报日期 Excel 日期序号 -693593 早于任务所属文件的年度（2021 年），不在 2021-01-01 至 2021-07-15 之内',
    'x.xlsx：工作表“工作台账”第 8 行，填报日期（K 列）：填报日期 1900-01-01 早于任务所属文件的年度（2021 年），不在 2021-01-01 至 2021-07-15 之内',
    'x.xlsx：工作表“工作台账”第 9 行，完成日期（G 列）：完成日期 1000-01-01 早于任务所属文件的年度（2021 年），不在 2021-01-01 至 2021-07-15 之内',
    'x.xlsx：工作表“工作台账”第 10 行，填报日期（K 列）：填报日期 1900-03-01 早于任务所属文件的年度（2021 年），不在 2021-01-01 至 2021-07-15 之内',
  ];

  it('refuses Excel serials 0, 1, −5, 60 (the 1900 leap bug), past 9999 and 1900/1000 dates, by sheet, row and column', async () => {
    const tables = await readXlsx(await xlsx(rows));
    const tasks = new Map(rows.map((r) => [String(r[0]), 2021]));
    const { reports, issues } = validateSheets(tables, tasks, AS_OF);
    expect(reports).toEqual([]);
    expect(issues.map((i) => formatIssue('x.xlsx', i).split('\n')[0])).toEqual(refused);
    expect(formatIssue('x.xlsx', issues[0]!).split('\n').slice(1)).toEqual([
      '  x.xlsx: sheet "工作台账", row 2, column K (填报日期): 填报日期 Excel date serial 0 is before the year of the task\'s document (2021), outside 2021-01-01 to 2021-07-15',
      '  改正 / fix: 填写 2021-01-01 至 2021-07-15 之间的实际日期，单元格格式设为“日期” / give the real date, from 2021-01-01 up to 2021-07-15, in a cell formatted as a date',
    ]);
  });

  it('npm run progress -- import says the same, with no raw schema dump, and writes nothing', async () => {
    const run = await importFile('x.xlsx', await xlsx(rows));
    expect(run.status).toBe(1);
    expect(firstLines(run.stderr)).toEqual([...refused, 'x.xlsx：9 处错误，未写入任何文件 / 9 error(s); nothing was written']);
    expect(run.stderr).not.toMatch(/Zod|invalid_|"code"/);
  });

  it('still takes a date of the document’s year up to the as-of date, typed or as a date cell', async () => {
    const ok = await xlsx([
      filled('2021/01-1', { 填报日期: new Date('2021-01-01T00:00:00Z') }),
      filled('2021/01-2', { 填报日期: '2021-07-15' }),
    ]);
    const run = await importFile('ok.xlsx', ok);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('dry run: 2 report(s) to 2 file(s)');
  });
});

describe('CSV bytes that do not decode', () => {
  const row2 = toCsv([filled('2021/01-1', { 进展情况: '第一行\n第二行' }).map((v) => String(v ?? ''))]).slice(1);
  const row3 = toCsv([filled('2021/01-2', { 进展情况: '已部署测试环境' }).map((v) => String(v ?? ''))]).slice(1);
  const [before, after] = [row3.slice(0, row3.indexOf('已部署')), row3.slice(row3.indexOf('已部署'))];

  it('refuses a GBK file with a broken byte, naming the row, instead of importing U+FFFD', async () => {
    const bytes = Buffer.concat([iconv.encode(header + row2 + before, 'gbk'), Buffer.from([0xff]), iconv.encode(after, 'gbk')]);
    expect(() => decodeCsvBytes(bytes)).toThrow(CsvEncodingError);
    const run = await importFile('gbk.csv', bytes);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      [
        'gbk.csv：工作表“gbk”第 3 行：这一行有无法解码的字节：文件是 GBK 编码（中文 Windows 的 CSV），但有字节不是有效的汉字',
        '  gbk.csv: sheet "gbk", row 3: this row holds bytes that are not valid GBK: the file is GBK (a CSV from Chinese Windows) with damaged bytes',
        '  改正 / fix: 核对这一行的文字；用 Excel 或 WPS 打开原表格，另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后重新导入 / open it in Excel or WPS, save it as .xlsx or “CSV UTF-8” and import it again',
      ].join('\n'),
    );
  });

  it('reports a UTF-8 file with one bad byte as such, not as a file without a 任务编号 header', async () => {
    const bytes = Buffer.concat([Buffer.from(header + row2 + before), Buffer.from([0xff]), Buffer.from(after)]);
    const run = await importFile('utf8.csv', bytes);
    expect(run.status).toBe(1);
    expect(firstLines(run.stderr)).toEqual([
      'utf8.csv：工作表“utf8”第 3 行：这一行有不是 UTF-8 的字节：文件是 UTF-8 编码，但有字节损坏（可能被截断，或被别的程序改过）',
    ]);
    expect(run.stderr).not.toContain('任务编号');
  });

  it('counts every bad byte and finds the first one’s row with a BOM too', () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFF' + header), Buffer.from([0xc3]), Buffer.from(row2), Buffer.from([0xff, 0xfe])]);
    expect(() => decodeCsvBytes(bytes)).toThrow(expect.objectContaining({ encoding: 'UTF-8', row: 2, count: 3 }));
  });
});

describe('limits', () => {
  it(`refuses a sheet file over ${SHEET_FILE_MAX / 1024 / 1024} MB before reading it`, async () => {
    const run = await importFile('big.csv', Buffer.alloc(SHEET_FILE_MAX + 1, 0x2c));
    expect(run.status).toBe(1);
    expect(firstLines(run.stderr)).toEqual(['big.csv：文件有 10 MB，超过工作台账表格 10 MB 的上限']);
  });

  it(`refuses a CSV of more than ${SHEET_ROWS_MAX} rows, and stops reading there`, async () => {
    const run = await importFile('rows.csv', header + 'x\n'.repeat(SHEET_ROWS_MAX));
    expect(firstLines(run.stderr)).toEqual(['rows.csv：工作表“rows”超过每张表 10,000 行的上限']);
    expect(() => readCsv(Buffer.from(header + 'x\n'.repeat(SHEET_ROWS_MAX - 1)), 'rows')).not.toThrow();
  });

  it(`refuses an .xlsx with more than ${SHEET_ROWS_MAX} rows in a sheet, by its name, before exceljs reads it`, async () => {
    const rows = Array.from({ length: SHEET_ROWS_MAX }, () => filled('2021/01-1'));
    await expect(readXlsx(await xlsx(rows))).rejects.toThrow(SheetReadError);
    const run = await importFile('many.xlsx', await xlsx(rows));
    expect(firstLines(run.stderr)).toEqual(['many.xlsx：工作表“工作台账”有 10,001 行，超过每张表 10,000 行的上限']);
  });

  it(`refuses an .xlsx whose parts inflate past ${INFLATED_LIMIT / 1024 / 1024} MB (a zip bomb)`, async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${' '.repeat(INFLATED_LIMIT + 1)}</sheetData></worksheet>`);
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(INFLATED_LIMIT / 100);
    const run = await importFile('bomb.xlsx', bomb);
    expect(firstLines(run.stderr)).toEqual([
      'bomb.xlsx：表格解压后超过 50 MB（xl/worksheets/sheet1.xml），不像是一张工作台账表格，可能已损坏',
    ]);
  });

  it('prints at most 100 errors, then how many more there are and the total', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => filled(`2021/99-${i + 1}`).map((v) => String(v ?? '')));
    const run = await importFile('errors.csv', toCsv([HEADERS, ...rows]));
    expect(run.status).toBe(1);
    const lines = firstLines(run.stderr);
    expect(lines.filter((l) => l.includes('没有编号为'))).toHaveLength(100);
    expect(lines.slice(-2)).toEqual([
      '……另有 50 处错误未列出；先改正以上 100 处再导入 / 50 more not shown; fix the first 100 and import again',
      'errors.csv：150 处错误，未写入任何文件 / 150 error(s); nothing was written',
    ]);
  });
});
