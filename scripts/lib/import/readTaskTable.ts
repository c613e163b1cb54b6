import { importError } from './errors.ts';
import { columnRole, headerKey, roleByContent, TEXT_ROLES, type ColumnRole } from './columnRoles.ts';
import type { SourceBlock, TableCell } from './formats/types.ts';
import type { Inference } from './inferences.ts';

export { columnRole, headerKey, type ColumnRole } from './columnRoles.ts';

export interface Column {
  role: ColumnRole;
  /** The header as printed ('' for a table printed without a header row). */
  header: string;
  /** True when the role was read from the column's cells, the header being unknown or absent. */
  byContent?: true;
}

export interface GridCell extends TableCell {
  /** True for a position covered by another cell's span (or an empty cell of a text table). */
  merged: boolean;
}

export interface ReadTable {
  block: Extract<SourceBlock, { kind: 'table' }>;
  columns: Column[];
  /** Rows above the header inside the table (a title row), as text. */
  titleRows: string[];
  /** Lines of every header row: the first one and each repeat after a page break. */
  headerLines: number[];
  /** Every row after the header that is not a repeated header, cells in column order. */
  rows: { line: number; cells: GridCell[] }[];
  /** Column roles read from the cells (`columnByContent`), for the import report. */
  inferences: Inference[];
}

type Table = Extract<SourceBlock, { kind: 'table' }>;

/** Roles a table has at most one column of; `section` columns are levels, so several may exist. */
const UNIQUE: readonly ColumnRole[] = ['seq', 'item', 'task', 'requirement', 'lead', 'units', 'deadline'];

/** How many rows at the top may stand above the header (title rows, a two-line caption). */
const HEADER_SEARCH = 5;

/**
 * A cell's text with Word's soft wraps undone: a line ending in 、 or ， continues on the next one
 * (`区经发局牵头，区财金局、纪工委、环土局、` / `交建局、社会事业局` is one list). Other line breaks
 * inside a cell are the author's and stay.
 */
const joinWrappedLines = (text: string) => text.trim().replace(/([、，,])[ \t\u3000]*\n\s*/gu, '$1');

/** The header row: the first of the table's first rows whose cells name two known columns. */
function findHeader(rows: { cells: TableCell[] }[]): number {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH); r++) {
    const known = rows[r]!.cells.filter((c) => !c.spanOf && columnRole(c.text) !== null);
    if (known.length >= 2) return r;
  }
  return -1;
}

/** Roles of the header row's columns: by header words, a duplicated text column demoted one level. */
function rolesByHeader(header: TableCell[]): (ColumnRole | null)[] {
  const roles: (ColumnRole | null)[] = [];
  for (const c of header) {
    if (c.spanOf) {
      roles.push(roles[c.spanOf.col] ?? null);
      continue;
    }
    let role = columnRole(c.text);
    if (role && UNIQUE.includes(role) && roles.includes(role))
      role = role === 'task' && !roles.includes('requirement') ? 'requirement' : null;
    roles.push(role);
  }
  return roles;
}

/**
 * Completes the roles from the cells where the header is unknown or missing: a column of numbers
 * is 序号, of department lists 责任单位, of deadline phrases 完成时限, of `一、` labels or merged
 * cells a grouping level, of long text the task text (see roleByContent). A role the header
 * already gave another column is not given twice (the column stays `extra`).
 */
function completeRoles(roles: (ColumnRole | null)[], rows: { cells: GridCell[] }[]): { roles: ColumnRole[]; byContent: boolean[] } {
  const byContent = roles.map(() => false);
  const done = roles.map((role, i) => {
    if (role) return role;
    let found = roleByContent(rows.map((r) => r.cells[i]!));
    if (found && UNIQUE.includes(found) && roles.includes(found))
      found = found === 'task' && !roles.includes('requirement') ? 'requirement' : null;
    if (!found) return 'extra';
    roles[i] = found;
    byContent[i] = true;
    return found;
  });
  return { roles: done, byContent };
}

/** The cells of every data row, trimmed and unwrapped, with merged positions marked. */
function gridRows(table: Table, from: number, skip: (row: Table['rows'][number]) => boolean, width: number, file: string) {
  const rows: ReadTable['rows'] = [];
  for (const row of table.rows.slice(from)) {
    if (skip(row)) continue;
    if (row.cells.length !== width) {
      throw importError(
        file,
        row.line,
        'taskTable.row',
        `该行有 ${row.cells.length} 个单元格，应为 ${width} 个`,
        `this row has ${row.cells.length} cells; ${width} are required`,
        `检查制表符：每行 ${width} 个单元格、${width - 1} 个制表符，空单元格也要保留制表符。`,
      );
    }
    rows.push({ line: row.line, cells: row.cells.map((c) => ({ ...c, text: joinWrappedLines(c.text), merged: c.spanOf !== undefined })) });
  }
  return rows;
}

/**
 * Where the table's header is and what its columns hold, or null when the table is not a task
 * table. With a header row: roles by header words, unknown headers by their cells. Without one
 * (a table printed with no header): every column by its cells, and the table counts only when
 * that finds a text column and a 责任单位 column. A task table always has a text column.
 */
function layoutOf(
  table: Table,
  file: string,
): { header: number; roles: ColumnRole[]; byContent: boolean[]; rows: ReadTable['rows'] } | null {
  const width = table.rows[0]?.cells.length ?? 0;
  if (width < 2) return null;
  const header = findHeader(table.rows);
  const key = header === -1 ? null : table.rows[header]!.cells.map((c) => headerKey(c.text)).join('\t');
  const isHeaderRepeat = (row: Table['rows'][number]) => key !== null && row.cells.map((c) => headerKey(c.text)).join('\t') === key;
  const rows = gridRows(table, header + 1, isHeaderRepeat, width, file);
  const printed = header === -1 ? table.rows[0]!.cells.map(() => null) : rolesByHeader(table.rows[header]!.cells);
  const { roles, byContent } = completeRoles(printed, rows);
  if (!roles.some((r) => TEXT_ROLES.includes(r))) return null;
  if (header === -1 && !(roles.includes('units') || roles.includes('lead'))) return null;
  return { header, roles, byContent, rows };
}

/** True when the block is a task table: a header row naming its columns, or cells that show them. */
export function isTaskTable(block: SourceBlock): block is Table {
  if (block.kind !== 'table') return false;
  try {
    return layoutOf(block, '') !== null;
  } catch {
    // A row of the wrong length: the table is a task table that readTaskTable will refuse with the line.
    return findHeader(block.rows) !== -1;
  }
}

/**
 * Reads a task table's header and rows: columns are found by their header words in any order and
 * with synonyms, and where a header is unknown or the table has none, by what their cells hold;
 * the rest are kept as `extra`. Header rows printed again after a page break are skipped. Every
 * data row must have as many cells as the header.
 */
export function readTaskTable(block: Table, file: string): ReadTable {
  const layout = layoutOf(block, file);
  if (!layout) {
    throw importError(
      file,
      block.line,
      'taskTable',
      '无法识别任务表的列：没有找到任务内容列',
      'the task table’s columns could not be read: no column holds the task text',
      '在表格第一行写表头，如“工作任务”“责任单位”“完成时限”。',
    );
  }
  const { header, roles, byContent, rows } = layout;
  const headers = header === -1 ? roles.map(() => '') : block.rows[header]!.cells.map((c) => c.text.trim());
  const inferences: Inference[] = roles.flatMap((role, i) =>
    byContent[i]
      ? [
          {
            kind: 'columnByContent' as const,
            line: block.rows[Math.max(header, 0)]!.line,
            text: `第${i + 1}列“${headers[i] || '（无表头）'}”按内容识别为 ${role}`,
          },
        ]
      : [],
  );
  const headerLines = header === -1 ? [] : [block.rows[header]!.line];
  const key = headers.map(headerKey).join('\t');
  if (header !== -1)
    for (const row of block.rows.slice(header + 1))
      if (row.cells.map((c) => headerKey(c.text)).join('\t') === key) headerLines.push(row.line);
  return {
    block,
    columns: headers.map((text, i) => ({ role: roles[i]!, header: text, ...(byContent[i] ? { byContent: true as const } : {}) })),
    titleRows: block.rows.slice(0, Math.max(header, 0)).map((r) => [...new Set(r.cells.map((c) => c.text.trim()))].join(' ')),
    headerLines,
    rows,
    inferences,
  };
}
