/**
 * The columns of a 工作台账 sheet, shared by the template and the import. The import finds each
 * column by its header text, never by position, so a department may move columns or re-sort rows.
 */
export type ColumnKey =
  'task' | 'point' | 'text' | 'departments' | 'deadline' | 'status' | 'completedAt' | 'note' | 'evidence' | 'reporter' | 'date';

export interface SheetColumn {
  key: ColumnKey;
  header: string;
  /** Width in characters (a CJK character counts as two). */
  width: number;
  /** Filled in by the department; the other columns are locked. */
  input: boolean;
  /** The import stops when a sheet lacks this column. */
  required: boolean;
}

export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: 'task', header: '任务编号', width: 12, input: false, required: true },
  { key: 'point', header: '事项', width: 26, input: false, required: false },
  { key: 'text', header: '主要任务', width: 60, input: false, required: false },
  { key: 'departments', header: '牵头/责任', width: 28, input: false, required: false },
  { key: 'deadline', header: '完成时限', width: 12, input: false, required: false },
  { key: 'status', header: '进展状态', width: 12, input: true, required: true },
  { key: 'completedAt', header: '完成日期', width: 14, input: true, required: true },
  { key: 'note', header: '进展情况', width: 50, input: true, required: true },
  { key: 'evidence', header: '佐证链接', width: 36, input: true, required: true },
  { key: 'reporter', header: '填报人', width: 12, input: true, required: false },
  { key: 'date', header: '填报日期', width: 14, input: true, required: true },
];

export const INPUT_KEYS = SHEET_COLUMNS.filter((c) => c.input).map((c) => c.key);

/** A header cell as typed: full-width forms, spaces and a trailing `*` (必填 mark) ignored. */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/\*+$/, '');
}

/** The column of each header in `row` (1-based positions, by header text). */
export function findColumns(row: readonly string[]): Map<ColumnKey, number> {
  const found = new Map<ColumnKey, number>();
  row.forEach((cell, i) => {
    const column = SHEET_COLUMNS.find((c) => normaliseHeader(c.header) === normaliseHeader(cell));
    if (column && !found.has(column.key)) found.set(column.key, i + 1);
  });
  return found;
}

/** Spreadsheet column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
