import { importError } from './errors.ts';
import { normalizeForComparison } from '../../../src/lib/text/normalize.ts';
import type { ReadTable } from './readTaskTable.ts';
import type { TableFlags } from './tablePoints.ts';

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
  /**
   * Present for tables whose merges are explicit (web pages, Word): the value and line of the
   * merged cell that covers each field, or null where the field's own cell is printed or empty.
   */
  spanned?: Record<'lead' | 'units' | 'deadline', { raw: string; from: number } | null>;
}

export interface SectionRow {
  line: number;
  numeral: string;
  /** Cell text as printed. */
  text: string;
}

export interface ParsedTable {
  columns: string[];
  /** Lines of every header row: the first one and each repeat after a page break. */
  headerLines: number[];
  sectionRows: SectionRow[];
  rows: TableRow[];
}

const LABEL = /^(\d+)\s*[.．、]\s*([\s\S]+)$/u;
const SECTION_ROW = /^([一二三四五六七八九十]+)、|^[（(]([一二三四五六七八九十]+)[)）]/u;

/**
 * Reads a task table that accompanies numbered points (the seed's layout): each row is a task of
 * the printed item (事项名称) in force; a row that only names a section (`一、…`, spanning the
 * table or alone in its first cell) is a section row; an empty or merged 事项名称 cell continues the
 * item above it. An item printed without its number is matched to the point with that title.
 * Where the reader states merges (web page, Word: `emptyCellIsMerge` false), a covered cell
 * carries the value of the merged cell over it, and an empty cell is simply empty.
 */
export function parseTaskTable(table: ReadTable, points: { no: number; title: string }[], file: string, flags: TableFlags): ParsedTable {
  // Until every caller passes the reader's flags, a boolean is the former `explicitSpans`.
  const explicitSpans = !flags.emptyCellIsMerge;
  const col = (role: string) => table.columns.findIndex((c) => c.role === role);
  const [item, task, requirement, lead, units, deadline] = ['item', 'task', 'requirement', 'lead', 'units', 'deadline'].map(col) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const textCol = task !== -1 ? task : requirement;
  const sectionRows: SectionRow[] = [];
  const rows: TableRow[] = [];
  let label: PrintedLabel | null = null;
  let labelLine = 0;
  const cell = (cells: ReadTable['rows'][number]['cells'], i: number) => (i === -1 || cells[i]!.merged ? '' : cells[i]!.text);

  for (const { line, cells } of table.rows) {
    const own = cells.filter((c) => !c.merged && c.text !== '');
    const first = own[0]?.text ?? '';
    if (own.length === 1 && SECTION_ROW.test(first)) {
      sectionRows.push({ line, numeral: SECTION_ROW.exec(first)?.[1] ?? SECTION_ROW.exec(first)?.[2] ?? '', text: first });
      continue;
    }
    const labelText = cell(cells, item);
    if (labelText !== '') {
      const m = LABEL.exec(labelText);
      const byTitle = m ? null : points.find((p) => normalizeForComparison(p.title) === normalizeForComparison(labelText));
      if (!m && !byTitle) {
        throw importError(
          file,
          line,
          'taskTable.label',
          `无法识别的事项名称“${labelText}”`,
          `unrecognised item label "${labelText}"`,
          '事项名称写成“N. 标题”，续行的第一个单元格留空。',
        );
      }
      label = m ? { no: Number(m[1]), title: (m[2] ?? '').trim() } : { no: byTitle!.no, title: labelText };
      labelLine = line;
    }
    if (!label && item !== -1) {
      throw importError(
        file,
        line,
        'taskTable.label',
        '第一行任务缺少事项名称',
        'the first task row has no item label',
        '第一行任务的第一个单元格写“1. 标题”。',
      );
    }
    const covering = (i: number) =>
      i !== -1 && cells[i]!.merged && cells[i]!.text !== '' ? { raw: cells[i]!.text, from: cells[i]!.line } : null;
    const text = cell(cells, textCol) || (covering(textCol)?.raw ?? '');
    if (text === '') {
      throw importError(
        file,
        line,
        'taskTable.text',
        '主要任务单元格为空',
        'the 主要任务 cell is empty',
        '每行任务都要写主要任务；空行请删除。',
      );
    }
    rows.push({
      line,
      label: label ?? { no: 0, title: '' },
      labelLine: label ? labelLine : line,
      text,
      leadRaw: cell(cells, lead),
      unitsRaw: cell(cells, units),
      deadlineRaw: cell(cells, deadline),
      ...(explicitSpans ? { spanned: { lead: covering(lead), units: covering(units), deadline: covering(deadline) } } : {}),
    });
  }
  return { columns: table.columns.map((c) => c.header), headerLines: table.headerLines, sectionRows, rows };
}
