import { importError } from './errors.ts';
import { stripMarkup, type Block } from './markdown.ts';

export interface PrintedLabel {
  no: number;
  title: string;
}

/** One data row of the 任务分解表, cells as printed (trimmed), before inheritance or splitting. */
export interface TableRow {
  line: number;
  /** The 事项名称 in force for this row: printed on it, or on the row that starts its run. */
  label: PrintedLabel;
  /** Line where that label was printed (equals `line` when printed on this row). */
  labelLine: number;
  text: string;
  leadRaw: string;
  unitsRaw: string;
  deadlineRaw: string;
}

export interface SectionRow {
  line: number;
  numeral: string;
  /** Cell text without `<b>` markup. */
  text: string;
}

export interface ParsedTable {
  columns: string[];
  /** Lines of every header row: the first one and each repeat after a page break. */
  headerLines: number[];
  sectionRows: SectionRow[];
  rows: TableRow[];
}

const COLUMN_COUNT = 5;
const LABEL = /^(\d+)[.．、]\s*(.+)$/u;
const SECTION = /^([一二三四五六七八九十]+)、/u;

/**
 * Reads the tab-separated table. The header row repeats after every page break and is skipped;
 * `<b>一、…</b>` rows are section rows; a row whose first cell is empty continues the printed item
 * above it (merged cells in the original). Every row must have exactly five cells.
 */
export function parseTaskTable(blocks: Block[], start: number, file: string): ParsedTable {
  const first = blocks[start];
  if (!first || first.kind !== 'tableLine') {
    throw importError(file, first?.line ?? 1, 'taskTable', '找不到任务分解表', 'the task table is missing', '表格每行用制表符分隔单元格。');
  }
  const columns = first.text.split('\t').map((c) => stripMarkup(c).trim());
  if (columns.length !== COLUMN_COUNT || columns.some((c) => c === '')) {
    throw importError(file, first.line, 'taskTable.columns', `表头应有 ${COLUMN_COUNT} 个非空单元格（事项名称、主要任务、牵头部门、责任单位、完成时限），实际为 ${columns.length} 个`, `the header row must have ${COLUMN_COUNT} non-empty cells (事项名称 主要任务 牵头部门 责任单位 完成时限), found ${columns.length}`, '表格第一行写表头，单元格之间用一个制表符分隔。');
  }
  const headerKey = columns.join('\t');
  const headerLines: number[] = [];
  const sectionRows: SectionRow[] = [];
  const rows: TableRow[] = [];
  let label: PrintedLabel | null = null;
  let labelLine = 0;

  for (const block of blocks.slice(start)) {
    if (block.kind !== 'tableLine') {
      throw importError(file, block.line, 'taskTable', `表格中或表格之后出现非表格内容：“${block.text.slice(0, 30)}”`, `non-table content inside or after the task table: "${block.text.slice(0, 30)}"`, '任务分解表必须是文件的最后部分；表格行用制表符分隔单元格。');
    }
    const cells = block.text.split('\t').map((c) => c.trim());
    if (cells.map((c) => stripMarkup(c).trim()).join('\t') === headerKey) {
      headerLines.push(block.line);
      continue;
    }
    if (cells.length !== COLUMN_COUNT) {
      throw importError(file, block.line, 'taskTable.row', `该行有 ${cells.length} 个单元格，应为 ${COLUMN_COUNT} 个`, `this row has ${cells.length} cells; ${COLUMN_COUNT} are required`, `检查制表符：每行 ${COLUMN_COUNT} 个单元格、${COLUMN_COUNT - 1} 个制表符，空单元格也要保留制表符。`);
    }
    const [labelCell = '', text = '', leadRaw = '', unitsRaw = '', deadlineRaw = ''] = cells;
    const labelText = stripMarkup(labelCell).trim();
    const section = SECTION.exec(labelText);
    if (section && text === '' && leadRaw === '' && unitsRaw === '' && deadlineRaw === '') {
      sectionRows.push({ line: block.line, numeral: section[1] ?? '', text: labelText });
      continue;
    }
    if (labelText !== '') {
      const m = LABEL.exec(labelText);
      if (!m) {
        throw importError(file, block.line, 'taskTable.label', `无法识别的事项名称“${labelText}”`, `unrecognised item label "${labelText}"`, '事项名称写成“N. 标题”，续行的第一个单元格留空。');
      }
      label = { no: Number(m[1]), title: (m[2] ?? '').trim() };
      labelLine = block.line;
    }
    if (!label) {
      throw importError(file, block.line, 'taskTable.label', '第一行任务缺少事项名称', 'the first task row has no item label', '第一行任务的第一个单元格写“1. 标题”。');
    }
    if (text === '') {
      throw importError(file, block.line, 'taskTable.text', '主要任务单元格为空', 'the 主要任务 cell is empty', '每行任务都要写主要任务；空行请删除。');
    }
    rows.push({ line: block.line, label, labelLine, text, leadRaw, unitsRaw, deadlineRaw });
  }
  return { columns, headerLines, sectionRows, rows };
}
