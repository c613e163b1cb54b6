import { importError } from './errors.ts';
import { SECTION, type Point, type Section } from './parsePoints.ts';
import { departmentsOf } from './buildDutyTasks.ts';
import { readResponsibilityCell } from './responsibility.ts';
import { resolveDeadline } from './taskDeadline.ts';
import { TEXT_ROLES, type ColumnRole } from './columnRoles.ts';
import type { GridCell, ReadTable } from './readTaskTable.ts';
import type { SourceBlock, SourceDocument } from './formats/types.ts';
import type { Inference } from './inferences.ts';
import type { Task } from './buildTasks.ts';

/** The format readers' flags the table code asks (SourceDocument carries them). */
export type TableFlags = Pick<SourceDocument, 'emptyCellIsMerge'>;

export interface PointsOptions {
  /**
   * The heading printed just above the table (its title, e.g. `2016年……任务分解表`): the one
   * section of a table that prints no groups. Rows above the header inside the table serve when
   * it is absent.
   */
  heading?: { text: string; line: number };
}

export interface TableGroupRow {
  line: number;
  /** '' for a group printed without a numeral. */
  numeral: string;
  text: string;
}

export interface Points {
  sections: Section[];
  points: Point[];
  tasks: Task[];
  inferences: Inference[];
  sectionRows: TableGroupRow[];
  /** A note row spanning the table (`注：…`), kept as closing text. */
  notes: { line: number; text: string }[];
}

type Row = ReadTable['rows'][number];

/** A line that is not part of a table's title: `附件`, `附件1：…`, `（此件公开发布）`, a date, sentence-ending text. */
const NOT_TITLE =
  /^附件\s*\d*\s*[:：]?$|^附件\s*\d*\s*[:：]|^[（(][^）)]*[)）]$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|[。；;：:，,]$/u;
/** How a title (or an issuer's name) ends: the line before it is not the same title. */
const TITLE_END = /(?:表|单|书|案|划|点|工|账|知|意见|办法|室|政府|局|委|会)$/u;
const TITLE_MAX = 60;

/**
 * The heading printed just above a table (`2016年……任务分解表`), its lines joined when the title
 * wraps over several short paragraphs (`……通报环境` / `问题整改任务分解表`); null when the block
 * above is not a title. The `附件` line, a date or a line ending a sentence is never part of it.
 * Pass the result as `options.heading` to tablePoints for a table that prints no groups.
 */
export function tableHeading(blocks: SourceBlock[], tableAt: number): { text: string; line: number } | null {
  const titleLine = (b: SourceBlock | undefined) =>
    b !== undefined &&
    b.kind !== 'table' &&
    b.text.trim() !== '' &&
    [...b.text.trim()].length <= TITLE_MAX &&
    !NOT_TITLE.test(b.text.trim());
  let k = tableAt - 1;
  if (!titleLine(blocks[k])) return null;
  while (titleLine(blocks[k - 1]) && !TITLE_END.test((blocks[k - 1] as { text: string }).text.trim())) k--;
  const lines = blocks.slice(k, tableAt) as { text: string; line: number }[];
  return { text: lines.map((b) => b.text.trim()).join(''), line: lines[0]!.line };
}

/** `1.`, `1、`, `（1）` at the start of a cell: the point's printed number. */
const ITEM = /^(?:(\d{1,3})\s*[.．、](?!\d)|[（(]\s*(\d{1,3})\s*[)）])\s*/u;
const SUBSECTION = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.*)$/u;
/** A 序号 cell holding a group's numeral rather than a row number: `一`, `一、`, `（一）`. */
const GROUP_NUMERAL = /^(?:([一二三四五六七八九十]{1,3})[、.．]?|[（(]([一二三四五六七八九十]{1,3})[)）])$/u;
const SEQ_NUMBER = /^(?:(\d{1,3})[.．、]?|[（(](\d{1,3})[)）])$/u;
const NOTE = /^(?:注|备注|说明)\s*\d*\s*[:：]/u;

/**
 * The one place a responsibility cell becomes lead and responsible units: a table with a 牵头
 * column prints them apart; a 责任单位 cell alone is read with its role words
 * (`区经发局牵头，区财金局、纪工委` → lead 区经发局), a bare list being responsible units only.
 */
function cellDuty(leadRaw: string, unitsRaw: string, line: number, inferences: Inference[]): { lead: string[]; units: string[] } {
  if (leadRaw !== '') return { lead: departmentsOf(leadRaw, line, inferences), units: departmentsOf(unitsRaw, line, inferences) };
  const read = readResponsibilityCell(unitsRaw);
  return { lead: departmentsOf(read?.lead, line, inferences), units: departmentsOf(read?.units ?? unitsRaw, line, inferences) };
}

interface Shape {
  seq: number;
  /** Grouping columns, outermost first. */
  groups: number[];
  /** The text column whose cell starts a point. */
  pointCol: number;
  pointRole: ColumnRole;
  /** Further text columns: the tasks' own text. */
  details: number[];
  lead: number;
  units: number;
  deadline: number;
  extras: number[];
}

function shapeOf(table: ReadTable): Shape {
  const col = (role: ColumnRole) => table.columns.findIndex((c) => c.role === role);
  const text = TEXT_ROLES.map(col).filter((i) => i !== -1);
  const indices = (role: ColumnRole) => table.columns.flatMap((c, i) => (c.role === role ? [i] : []));
  return {
    seq: col('seq'),
    groups: indices('section'),
    pointCol: text[0]!,
    pointRole: table.columns[text[0]!]!.role,
    details: text.slice(1),
    lead: col('lead'),
    units: col('units'),
    deadline: col('deadline'),
    extras: indices('extra'),
  };
}

const ownText = (c: GridCell | undefined) => (c && !c.merged ? c.text : '');

/**
 * A row that only names a group: one cell alone in its row (spanning it or not) that is printed
 * `一、…` / `（一）…`, or spans the whole row; or a 序号 cell holding `一`/`（一）` beside a title
 * with no responsibility. Null for a row of the table's items.
 */
function groupRow(row: Row, shape: Shape): { text: string; numeral?: string; sub: boolean } | null {
  const own = row.cells.filter((c) => !c.merged && c.text !== '');
  if (own.length === 1) {
    const text = own[0]!.text;
    const sub = SUBSECTION.exec(text);
    if (sub) return { text, numeral: `（${sub[1]}）`, sub: true };
    const m = SECTION.exec(text);
    if (m) return { text, numeral: m[1]!, sub: false };
    // One cell spanning the whole row (colspan): a group printed without a numeral, or a note.
    if (row.cells.length > 1 && row.cells.every((c) => c === own[0] || (c.merged && c.text === text && c.line === own[0]!.line))) {
      return { text, sub: false };
    }
  }
  const seq = GROUP_NUMERAL.exec(ownText(row.cells[shape.seq]));
  const duty = [shape.lead, shape.units, shape.deadline].some((i) => ownText(row.cells[i]) !== '');
  const title = ownText(row.cells[shape.pointCol]);
  if (seq && title !== '' && !duty) {
    const numeral = seq[1] ?? `（${seq[2]}）`;
    return { text: seq[1] ? `${seq[1]}、${title}` : `${numeral}${title}`, numeral, sub: seq[1] === undefined };
  }
  return null;
}

/** The printed number of a point row: from its cell (`1.`) or the 序号 column; null when none. */
function printedNumber(cellText: string, seqText: string): { no: number; label: string; rest: string } | null {
  const m = ITEM.exec(cellText);
  if (m) return { no: Number(m[1] ?? m[2]), label: m[0].trim(), rest: cellText.slice(m[0].length).trim() };
  const s = SEQ_NUMBER.exec(seqText);
  if (s) return { no: Number(s[1] ?? s[2]), label: s[1] !== undefined ? `${s[1]}.` : seqText, rest: cellText };
  return null;
}

/** A point's title and first body paragraph from the cell that starts it. */
function titleAndBody(text: string, shape: Shape): { title: string; body: string[] } {
  if (shape.pointRole === 'item') return { title: text.replace(/[。.]$/u, '').trim(), body: [] };
  const stop = text.indexOf('。');
  const title = (stop === -1 ? text : text.slice(0, stop)).replace(/[。.]$/u, '').trim();
  // A table whose one text column is the measure: the whole cell is the point's body.
  if (shape.details.length === 0) return { title, body: [text] };
  const rest = stop === -1 ? '' : text.slice(stop + 1).trim();
  return { title, body: rest === '' ? [] : [rest] };
}

/**
 * Reads a table that is the whole 要点 (a table-only document, or the 附件 table of a short
 * notice), in any shape:
 * - groups: a grouping column (类别, 存在问题, 目标; a merged cell spanning its rows), several
 *   columns as nested levels, rows spanning the table, or `一、`/`（一）` rows inside the text
 *   column. The outer level becomes sections, the next sub-sections; a group keeps its numeral
 *   only when it prints one (`一、`), a 存在问题 text is a section without numeral. A table without
 *   any group is one section named by the heading printed above it (reported).
 * - points: every row whose point cell (事项, else 工作任务, else the one text column) is its own
 *   starts a point; rows whose point cell is merged or empty continue it. The printed number is
 *   the cell's `1.` or the 序号 column's; a row without one is a point numbered in order with
 *   `unlabelled: true`.
 * - tasks: every row is a task of its point, with the row's further text columns as its text.
 * Merged (spanned) cells repeat the value of the cell that spans them. An empty cell is empty
 * where the reader states merges; where it cannot (`emptyCellIsMerge`, the text form) it is a
 * merged cell and takes the nearest value of the same point. A deadline found nowhere comes from
 * the task's text or is 未注明, never from another point.
 */
export function tablePoints(table: ReadTable, year: number, file: string, flags: TableFlags, options: PointsOptions = {}): Points {
  const shape = shapeOf(table);
  const mergeEmpty = flags.emptyCellIsMerge;
  const result: Points = { sections: [], points: [], tasks: [], inferences: [...table.inferences], sectionRows: [], notes: [] };
  const rowsOf = new Map<Point, Row[]>();
  let subsectionCount = 0;

  const openSection = (text: string, numeral: string | undefined, line: number) => {
    const current = result.sections[result.sections.length - 1];
    if (current && current.heading === text) {
      result.inferences.push({ kind: 'sectionRepeated', line, text: `分页后重复打印的部分名称：${text}` });
      return;
    }
    const m = SECTION.exec(text);
    const title = numeral && m ? m[2]!.trim() : text;
    result.sections.push({ no: result.sections.length + 1, ...(numeral ? { numeral } : {}), title, heading: text, line });
  };
  const openSubsection = (text: string, numeral: string | undefined, line: number) => {
    const section = result.sections[result.sections.length - 1];
    if (!section) {
      throw importError(
        file,
        line,
        'taskTable.section',
        `表格中小部分“${text}”之前没有部分名称`,
        `the sub-group “${text}” of the table stands before any group`,
        '在表格中小部分之前加一行部分名称，如“一、推进决策公开”。',
      );
    }
    const last = section.subsections?.[section.subsections.length - 1];
    if (last && last.heading === text) {
      result.inferences.push({ kind: 'sectionRepeated', line, text: `分页后重复打印的小部分名称：${text}` });
      return;
    }
    subsectionCount++;
    const m = SUBSECTION.exec(text);
    const title = numeral && m ? m[2]!.trim() : text;
    (section.subsections ??= []).push({ no: subsectionCount, ...(numeral ? { numeral } : {}), title, heading: text, line });
  };
  const openGroup = (text: string, numeral: string | undefined, sub: boolean, line: number) => {
    result.sectionRows.push({ line, numeral: numeral ?? '', text });
    if (sub) openSubsection(text, numeral, line);
    else openSection(text, numeral, line);
  };
  /** A grouping column's cell: its own marker decides the level, else its column's place. */
  const openColumnGroup = (text: string, level: number, line: number) => {
    const sub = SUBSECTION.exec(text);
    if (sub) return openGroup(text, `（${sub[1]}）`, true, line);
    const m = SECTION.exec(text);
    if (m) return openGroup(text, m[1], false, line);
    if (level > 1) {
      throw importError(
        file,
        line,
        'taskTable.section',
        `表格有 ${shape.groups.length} 级分组列，只能读两级（部分、小部分）`,
        `the table has ${shape.groups.length} grouping columns; only two levels (section, sub-section) can be read`,
        '把第三级分组并入事项或工作任务单元格，或拆成两级。',
      );
    }
    openGroup(text, undefined, level === 1, line);
  };
  /** Before the first point: the table prints no group, so its heading names the one section. */
  const headingSection = (line: number) => {
    const heading = options.heading ?? (table.titleRows.length > 0 ? { text: table.titleRows.join(' '), line: table.block.line } : null);
    if (shape.groups.length > 0 || result.sectionRows.length > 0 || !heading) {
      throw importError(
        file,
        line,
        'taskTable.section',
        '表格中第一项之前没有部分名称（“一、……”或分组单元格）',
        'no section (“一、……” or a grouping cell) stands before the first item of the table',
        '在表格中加一行部分名称，如“一、推进决策公开”，或在分组列中填写第一组的名称。',
      );
    }
    result.sections.push({ no: 1, title: heading.text, heading: heading.text, line: heading.line });
    result.inferences.push({ kind: 'sectionFromTitle', line: heading.line, text: `表格未分组，全部事项归入“${heading.text}”` });
  };

  for (const row of table.rows) {
    if (row.cells.every((c) => c.merged || c.text === '')) continue;
    const group = groupRow(row, shape);
    if (group && NOTE.test(group.text) && group.numeral === undefined) {
      result.notes.push({ line: row.line, text: group.text });
      continue;
    }
    if (group) {
      openGroup(group.text, group.numeral, group.sub, row.line);
      continue;
    }
    shape.groups.forEach((i, level) => {
      const text = ownText(row.cells[i]);
      if (text !== '') openColumnGroup(text, level, row.line);
    });
    const pointText = ownText(row.cells[shape.pointCol]);
    if (pointText !== '') {
      if (result.sections.length === 0) headingSection(row.line);
      const section = result.sections[result.sections.length - 1]!;
      const subsection = section.subsections?.[section.subsections.length - 1]?.no;
      const no = result.points.length + 1;
      const printed = printedNumber(pointText, ownText(row.cells[shape.seq]));
      const { title, body } = titleAndBody(printed?.rest ?? pointText, shape);
      const point: Point = {
        no,
        ...(printed ? { label: printed.label } : { unlabelled: true as const }),
        printedNo: printed?.no || no,
        section: section.no,
        ...(subsection ? { subsection } : {}),
        title,
        titleBold: row.cells[shape.pointCol]!.bold,
        body,
        startLine: row.line,
        endLine: row.line,
        joinedAt: [],
        pieces: [],
      };
      result.points.push(point);
      rowsOf.set(point, []);
    }
    const point = result.points[result.points.length - 1];
    if (!point) {
      throw importError(
        file,
        row.line,
        'taskTable.label',
        '表格第一行事项的事项或工作任务单元格为空',
        'the first item row of the table has an empty item or task cell',
        '在第一行的事项或工作任务单元格中写出事项。',
      );
    }
    rowsOf.get(point)!.push(row);
    point.endLine = row.line;
  }
  for (const point of result.points) buildPointTasks(point, rowsOf.get(point)!, table, shape, { year, mergeEmpty }, result);
  return result;
}

/** The tasks of one point, one per row, and the point's body from the rows' own text. */
function buildPointTasks(
  point: Point,
  rows: Row[],
  table: ReadTable,
  shape: Shape,
  context: { year: number; mergeEmpty: boolean },
  result: Points,
): void {
  const { inferences } = result;
  const ownDetails = (row: Row) => shape.details.map((i) => ownText(row.cells[i])).filter((t) => t !== '');
  const textOf = (row: Row) => {
    const parts = ownDetails(row);
    for (const i of shape.extras) {
      const text = ownText(row.cells[i]);
      if (text === '') continue;
      parts.push(`${table.columns[i]!.header}：${text}`);
      inferences.push({ kind: 'extraColumn', line: row.line, text: `“${table.columns[i]!.header}”列的内容并入任务文字` });
    }
    return parts.length > 0 ? parts.join('\n') : (point.body[0] ?? point.title);
  };
  const texts = rows.map((row) => ({ line: row.line, text: textOf(row), own: ownDetails(row).length > 0 }));
  point.body = [...point.body, ...texts.filter((t) => t.own).map((t) => t.text)];
  if (point.body.length === 0) point.body = [point.title];
  point.pieces = point.body.map((text) => ({ text, line: point.startLine }));

  const valueOf = (i: number, r: number): { raw: string; inherited: boolean } => {
    if (i === -1) return { raw: '', inherited: false };
    const cell = rows[r]!.cells[i]!;
    if (cell.text !== '') return { raw: cell.text, inherited: cell.merged };
    if (!context.mergeEmpty) return { raw: '', inherited: false };
    for (let k = r - 1; k >= 0; k--) if (rows[k]!.cells[i]!.text !== '') return { raw: rows[k]!.cells[i]!.text, inherited: true };
    for (let k = r + 1; k < rows.length; k++) if (rows[k]!.cells[i]!.text !== '') return { raw: rows[k]!.cells[i]!.text, inherited: true };
    return { raw: '', inherited: false };
  };
  texts.forEach(({ line, text }, r) => {
    const lead = valueOf(shape.lead, r);
    const units = valueOf(shape.units, r);
    const dl = valueOf(shape.deadline, r);
    const resolved = resolveDeadline({ raw: dl.raw, inherited: dl.inherited, text, year: context.year, line });
    inferences.push(...resolved.inferences);
    const duty = cellDuty(lead.raw, units.raw, line, inferences);
    result.tasks.push({
      point: point.no,
      seq: r + 1,
      text,
      lead: duty.lead,
      units: duty.units,
      leadRaw: lead.inherited ? '' : lead.raw,
      unitsRaw: units.inherited ? '' : units.raw,
      deadline: resolved.deadline,
      inherited: { lead: lead.inherited, units: units.inherited },
      inheritedFrom: { lead: null, units: null, deadline: null },
      ...(point.unlabelled ? {} : { printedLabel: { no: point.printedNo, title: point.title } }),
      labelLine: point.startLine,
      sourceLine: line,
      match: { score: 1, runnerUp: null, fallback: null },
      wording: [],
    });
  });
}
