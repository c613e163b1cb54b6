import { importError } from './errors.ts';
import { SECTION } from './parsePoints.ts';
import type { SourceBlock, TableCell } from './formats/types.ts';

/** What a column of a task table holds. */
export type ColumnRole = 'seq' | 'section' | 'item' | 'task' | 'requirement' | 'lead' | 'units' | 'deadline' | 'extra';

/** Header words by role, compared with spaces, slashes and punctuation removed (`工 作 任 务`, `配合/责任单位`). */
const SYNONYMS: [ColumnRole, RegExp][] = [
  ['seq', /^(?:序号|编号|序)$/u],
  ['section', /^(?:类别|分类|板块|领域|类型|部分|工作类别)$/u],
  ['item', /^(?:事项名称|事项|重点任务|任务名称|工作事项|重点工作|项目|工作项目|任务事项|重点事项)$/u],
  ['task', /^(?:主要任务|工作任务|任务内容|工作内容|具体任务|任务|主要内容|任务分解)$/u],
  ['requirement', /^(?:工作要求|具体要求|工作措施|具体措施|主要措施|目标要求|工作目标|具体内容)$/u],
  ['lead', /^(?:牵头单位|牵头部门|牵头|主责单位|主责部门|牵头责任单位)$/u],
  ['units', /^(?:责任单位|配合单位|配合责任单位|责任配合单位|责任部门|配合部门|参与单位|协办单位|责任主体|落实单位|参与部门)$/u],
  ['deadline', /^(?:完成时限|完成时间|时间要求|时限|时间节点|完成时限要求|时间安排|进度安排|完成期限|时限要求)$/u],
];

export const headerKey = (text: string) => text.normalize('NFKC').replace(/[\s/／、,，()（）·.:：]/gu, '');

export function columnRole(header: string): ColumnRole | null {
  const key = headerKey(header);
  return SYNONYMS.find(([, re]) => re.test(key))?.[0] ?? null;
}

export interface Column {
  role: ColumnRole;
  /** The header as printed. */
  header: string;
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
}

/** The header row: the first of the table's first rows that names a task column and one more known column. */
function findHeader(rows: { cells: TableCell[] }[]): number {
  for (let r = 0; r < Math.min(rows.length, 5); r++) {
    const roles = rows[r]!.cells.filter((c) => !c.spanOf).map((c) => columnRole(c.text));
    const known = roles.filter((x) => x !== null);
    if (known.length >= 2 && known.some((x) => x === 'task' || x === 'item' || x === 'requirement')) return r;
  }
  return -1;
}

/** True when the block is a task table: it has a header row naming its columns. */
export function isTaskTable(block: SourceBlock): block is Extract<SourceBlock, { kind: 'table' }> {
  return block.kind === 'table' && findHeader(block.rows) !== -1;
}

/**
 * Reads a task table's header and rows: columns are found by their header words in any order
 * and with synonyms; a column without a known header that holds `一、` section names is the
 * section column; other unknown columns are kept as `extra`. Header rows printed again after a
 * page break are skipped. Every data row must have as many cells as the header.
 */
export function readTaskTable(block: Extract<SourceBlock, { kind: 'table' }>, file: string): ReadTable {
  const h = findHeader(block.rows);
  const headerRow = block.rows[h]!;
  const headers = headerRow.cells.map((c) => c.text.trim());
  const key = headers.map(headerKey).join('\t');
  const roles: ColumnRole[] = [];
  for (const c of headerRow.cells) {
    let role = c.spanOf ? (roles[c.spanOf.col] ?? 'extra') : (columnRole(c.text) ?? 'extra');
    if (!c.spanOf && role !== 'extra' && roles.includes(role))
      role = role === 'task' && !roles.includes('requirement') ? 'requirement' : 'extra';
    roles.push(role);
  }
  const headerLines = [headerRow.line];
  const rows: ReadTable['rows'] = [];
  for (const row of block.rows.slice(h + 1)) {
    if (row.cells.map((c) => headerKey(c.text)).join('\t') === key) {
      headerLines.push(row.line);
      continue;
    }
    if (row.cells.length !== headers.length) {
      throw importError(
        file,
        row.line,
        'taskTable.row',
        `该行有 ${row.cells.length} 个单元格，应为 ${headers.length} 个`,
        `this row has ${row.cells.length} cells; ${headers.length} are required`,
        `检查制表符：每行 ${headers.length} 个单元格、${headers.length - 1} 个制表符，空单元格也要保留制表符。`,
      );
    }
    rows.push({ line: row.line, cells: row.cells.map((c) => ({ ...c, text: c.text.trim(), merged: c.spanOf !== undefined })) });
  }
  // An unnamed column whose cells start with 一、 二、 is the section column (a merged first-column cell).
  roles.forEach((role, i) => {
    if (role !== 'extra') return;
    const texts = rows
      .map((r) => r.cells[i]!)
      .filter((c) => !c.merged && c.text !== '')
      .map((c) => c.text);
    if (texts.length > 0 && texts.every((t) => SECTION.test(t) || /^[（(][一二三四五六七八九十]+[)）]/u.test(t))) roles[i] = 'section';
  });
  return {
    block,
    columns: headers.map((header, i) => ({ role: roles[i]!, header })),
    titleRows: block.rows.slice(0, h).map((r) => [...new Set(r.cells.map((c) => c.text.trim()))].join(' ')),
    headerLines,
    rows,
  };
}
