/**
 * Reads a returned 工作台账 sheet, `.xlsx` (any sheet name) or `.csv` (UTF-8 with or without BOM,
 * or GBK), into rows keyed by column, found by header text.
 */
import ExcelJS from 'exceljs';
import { decodeCsvBytes, parseCsv } from '../../../src/lib/data/csv.ts';
import { findColumns, type ColumnKey } from './columns.ts';

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

export async function readXlsx(bytes: Uint8Array): Promise<SheetTable[]> {
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

export function readCsv(bytes: Uint8Array, name: string): { tables: SheetTable[]; encoding: string } {
  const { text, encoding } = decodeCsvBytes(bytes);
  const t = table(name, parseCsv(text));
  return { tables: t ? [t] : [], encoding };
}
