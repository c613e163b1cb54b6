/**
 * Reads a returned 工作台账 sheet, `.xlsx` (any sheet name) or `.csv` (UTF-8 with or without BOM,
 * or GBK), into rows keyed by column, found by header text. What cannot be read safely (a file
 * over the size limits, too many rows, bytes its encoding cannot decode) throws `SheetReadError`.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { CsvEncodingError, decodeCsvBytes, parseCsv } from '../../../src/lib/data/csv.ts';
import { inflateXmlParts, TooLarge } from '../inflate.ts';
import { INFLATED_LIMIT, megabytes, SHEET_FILE_MAX, SHEET_ROWS_MAX } from '../limits.ts';
import { findColumns, type ColumnKey } from './columns.ts';

/** Why a sheet file cannot be read, in Chinese and English, with the fix; `at`: the sheet and row, when known. */
export class SheetReadError extends Error {
  readonly zh: string;
  readonly en: string;
  readonly fix: string;
  readonly at: { sheet: string; row: number } | undefined;

  constructor(details: { zh: string; en: string; fix: string; at?: { sheet: string; row: number } }) {
    super(details.en);
    this.zh = details.zh;
    this.en = details.en;
    this.fix = details.fix;
    this.at = details.at;
  }
}

const RESAVE =
  '用 Excel 或 WPS 打开原表格，另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后重新导入 / open it in Excel or WPS, save it as .xlsx or “CSV UTF-8” and import it again';
const ONE_SHEET =
  '每个部门用 npm run progress -- template 生成的表格，一项任务一行 / use the department’s template from npm run progress -- template, one row per task';

/** Refuses a sheet file larger than `SHEET_FILE_MAX` (before it is read, by its size). */
export function assertSheetSize(size: number): void {
  if (size <= SHEET_FILE_MAX) return;
  throw new SheetReadError({
    zh: `文件有 ${megabytes(size)}，超过工作台账表格 ${megabytes(SHEET_FILE_MAX)} 的上限`,
    en: `the file is ${megabytes(size)}, over the ${megabytes(SHEET_FILE_MAX)} limit for a progress sheet`,
    fix: ONE_SHEET,
  });
}

function tooManyRows(sheet: string, rows: number | undefined): SheetReadError {
  const max = SHEET_ROWS_MAX.toLocaleString('en');
  return new SheetReadError({
    zh: `工作表“${sheet}”${rows === undefined ? '' : `有 ${rows.toLocaleString('en')} 行，`}超过每张表 ${max} 行的上限`,
    en: `sheet "${sheet}" has ${rows === undefined ? 'more than ' + max : rows.toLocaleString('en')} rows, over the limit of ${max}`,
    fix: `删除多余的行；任务多于 ${max} 项时分成几张表导入 / delete stray rows; split a larger sheet into several`,
  });
}

/** A cell as the spreadsheet holds it: text, a number, or a date (xlsx date cells). */
export type CellValue = string | number | Date | null;

export interface SheetRow {
  /** 1-based row number in the sheet, as the spreadsheet program shows it. */
  row: number;
  values: Map<ColumnKey, CellValue>;
}

export interface SheetTable {
  name: string;
  columns: Map<ColumnKey, number>;
  rows: SheetRow[];
}

/** The header row is one of the first rows (a department may add a title above it). */
const HEADER_SEARCH_ROWS = 5;

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    // A link typed into a cell: the address, not the text shown.
    if ('hyperlink' in value) return value.hyperlink;
    if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function table(name: string, grid: CellValue[][]): SheetTable | null {
  const headerIndex = grid
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => findColumns(r.map((c) => (typeof c === 'string' ? c : ''))).has('task'));
  if (headerIndex < 0) return null;
  const columns = findColumns(grid[headerIndex]!.map((c) => (typeof c === 'string' ? c : '')));
  const rows = grid.slice(headerIndex + 1).map((cells, i) => ({
    row: headerIndex + 2 + i,
    values: new Map([...columns].map(([key, col]) => [key, cells[col - 1] ?? null])),
  }));
  return { name, columns, rows };
}

/** `<row` elements of a worksheet part (any namespace prefix). */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/gu;

/**
 * Inflates the workbook's XML parts within `INFLATED_LIMIT` and counts each worksheet's rows, before
 * exceljs reads it: exceljs has no limit of its own and holds every cell of every row in memory.
 */
async function assertXlsxBounds(bytes: Uint8Array): Promise<void> {
  let parts: Map<string, string>;
  try {
    parts = await inflateXmlParts(await JSZip.loadAsync(bytes), INFLATED_LIMIT);
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    throw new SheetReadError({
      zh: `表格解压后超过 ${megabytes(INFLATED_LIMIT)}（${error.message}），不像是一张工作台账表格，可能已损坏`,
      en: `the workbook inflates to more than ${megabytes(INFLATED_LIMIT)} (${error.message}): not a progress sheet, possibly damaged`,
      fix: RESAVE,
    });
  }
  const names = sheetNames(parts);
  for (const [part, xml] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/iu.test(part)) continue;
    const rows = xml.match(ROW_TAG)?.length ?? 0;
    if (rows > SHEET_ROWS_MAX) throw tooManyRows(names.get(part) ?? part, rows);
  }
}

/** The attribute `name` of an XML start tag's text. */
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(tag)?.[1];

/** Worksheet part → the sheet's name as the spreadsheet shows it (xl/workbook.xml and its relationships). */
function sheetNames(parts: Map<string, string>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of parts.get('xl/_rels/workbook.xml.rels')?.match(/<Relationship\s[^>]*>/gu) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const tag of parts.get('xl/workbook.xml')?.match(/<(?:\w+:)?sheet\s[^>]*>/gu) ?? []) {
    const part = targets.get(attribute(tag, 'r:id') ?? '');
    const name = attribute(tag, 'name');
    if (part && name)
      names.set(part, name.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"'));
  }
  return names;
}

export async function readXlsx(bytes: Uint8Array): Promise<SheetTable[]> {
  assertSheetSize(bytes.length);
  await assertXlsxBounds(bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const tables: SheetTable[] = [];
  for (const sheet of workbook.worksheets) {
    const grid: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells[c - 1] = plainValue(cell.value);
      });
      grid[n - 1] = cells;
    });
    const t = table(
      sheet.name,
      Array.from(grid, (r) => r ?? []),
    );
    if (t) tables.push(t);
  }
  return tables;
}

/** A CSV sheet, named `name`; refuses bytes its encoding cannot decode, with the row. */
export function readCsv(bytes: Uint8Array, name: string): { tables: SheetTable[]; encoding: string } {
  assertSheetSize(bytes.length);
  let decoded: ReturnType<typeof decodeCsvBytes>;
  try {
    decoded = decodeCsvBytes(bytes);
  } catch (error) {
    if (error instanceof CsvEncodingError) throw undecodable(name, error);
    throw error;
  }
  const { rows, more } = parseCsv(decoded.text, SHEET_ROWS_MAX);
  if (more) throw tooManyRows(name, undefined);
  const t = table(name, rows);
  return { tables: t ? [t] : [], encoding: decoded.encoding };
}

function undecodable(sheet: string, error: CsvEncodingError): SheetReadError {
  const utf8 = error.encoding === 'UTF-8';
  const count = error.count > 1 ? `（全文共 ${error.count} 处）` : '';
  const countEn = error.count > 1 ? ` (${error.count} in the file)` : '';
  return new SheetReadError({
    at: { sheet, row: error.row },
    zh: utf8
      ? `这一行有不是 UTF-8 的字节${count}：文件是 UTF-8 编码，但有字节损坏（可能被截断，或被别的程序改过）`
      : `这一行有无法解码的字节${count}：文件是 GBK 编码（中文 Windows 的 CSV），但有字节不是有效的汉字`,
    en: utf8
      ? `this row holds bytes that are not valid UTF-8${countEn}: the file is UTF-8 with damaged bytes (truncated, or changed by another program)`
      : `this row holds bytes that are not valid GBK${countEn}: the file is GBK (a CSV from Chinese Windows) with damaged bytes`,
    fix: `核对这一行的文字；${RESAVE}`,
  });
}
