import { importError } from './errors.ts';
import { readText } from './formats/readText.ts';
import type { SourceBlock, SourceDocument, SourceFormat, SourceUnit } from './formats/types.ts';
import { ATTACHMENT, findEndSignature, parseFront, type FrontOptions, type ParsedFront } from './parseFront.ts';
import { isTitleLike, markerOf, parsePoints, SECTION, type ParsedPoints, type Point, type Section } from './parsePoints.ts';
import { isTaskTable, readTaskTable } from './readTaskTable.ts';
import { parseTaskTable, type SectionRow, type TableRow } from './parseTaskTable.ts';
import { buildTasks, type Task, type TaskNotes } from './buildTasks.ts';
import { buildDutyTasks } from './buildDutyTasks.ts';
import { tablePoints } from './tablePoints.ts';
import { FIRST_LISTED_LEADS } from './dutyClauses.ts';
import { resolveDepartments, type Department, type ExistingDepartment } from './departments.ts';
import { issuerGovernment } from './departmentList.ts';
import { normalizeForComparison } from '../../../src/lib/text/normalize.ts';
import type { Inference } from './inferences.ts';

/** How a document states its points and tasks. */
export type Layout = 'points-table' | 'inline-clauses' | 'duty-paragraphs' | 'points-only' | 'table-only';

/** The document as read: its front matter and points, with what the importer built from them. */
export interface ParsedDocument extends ParsedFront, Omit<ParsedPoints, 'restart'> {
  /** Repo-relative path of the source file. */
  source: string;
  format: SourceFormat;
  unit: SourceUnit;
  layout: Layout;
  taskTable?: {
    title: string;
    columns: string[];
    headerLines: number[];
    /** Rows naming a section; their wording is checked against the section headings. */
    sectionRows: SectionRow[];
  };
  rows: TableRow[];
  /** In table or text order; `seq` numbers them within their point. */
  tasks: Task[];
  notes: TaskNotes & {
    /** Table section rows whose wording differs from the section heading of the same numeral. */
    sectionRowMismatches: { line: number; row: string; heading: string }[];
    /** Printed labels whose title differs from the title of the point with that number. */
    labelTitles: { line: number; label: string; point: number; title: string }[];
    /** Points of a document without a task table that state no responsible unit. */
    withoutDuty: number[];
  };
  /** The government whose departments the document names, when it is not the site's own. */
  government?: string;
  departments: Department[];
  /** Department name → id. */
  departmentSlugs: Map<string, string>;
}

export interface ParseOptions extends FrontOptions {
  existingDepartments?: ExistingDepartment[];
  /** The site's own government (沈阳市); departments of other governments get their own ids. */
  siteGovernment?: string;
}

type Table = Extract<SourceBlock, { kind: 'table' }>;

/** A table block and the table blocks right after it (a table split at page ends) as one table. */
function mergedTable(blocks: SourceBlock[], at: number): { table: Table; next: number } {
  const first = blocks[at] as Table;
  const rows = [...first.rows];
  let k = at + 1;
  for (; blocks[k]?.kind === 'table' && (blocks[k] as Table).rows[0]?.cells.length === first.rows[0]?.cells.length; k++)
    rows.push(...(blocks[k] as Table).rows);
  return { table: { ...first, rows, endLine: (blocks[k - 1] as Table).endLine }, next: k };
}

const textOf = (b: SourceBlock): string =>
  b.kind === 'table'
    ? b.rows
        .map((r) =>
          r.cells
            .filter((c) => !c.spanOf)
            .map((c) => c.text)
            .join(' '),
        )
        .join('\n')
    : b.text;

/**
 * Parses one published 要点 document, in any of the layouts documents use, into everything the
 * content collections and the import report need: the front matter (parseFront), then either
 * numbered points in the text (parsePoints) with their tasks from a task table (buildTasks) or
 * from responsibility clauses and paragraphs (buildDutyTasks), or a table that is the whole
 * 要点 (tablePoints). Pure: no file system, no clock. Throws ImportError.
 */
export function parseDocument(input: string | SourceDocument, source: string, options: ParseOptions = {}): ParsedDocument {
  const doc = typeof input === 'string' ? readText(input) : input;
  const blocks = doc.blocks;
  const tableAt = blocks.findIndex(isTaskTable);
  const sectionAt = blocks.findIndex(
    (b, k) =>
      (tableAt === -1 || k < tableAt) &&
      isTitleLike(b) &&
      SECTION.test(b.text.trim()) &&
      blocks.slice(k + 1).some((n) => n.kind !== 'table' && markerOf(n.text) !== null),
  );
  const pointsInText = sectionAt !== -1;
  if (!pointsInText && tableAt === -1) {
    throw importError(
      source,
      blocks[0]?.line ?? 1,
      'points',
      '没有找到要点：既没有“一、”部分标题下的编号要点，也没有带表头的任务表',
      'no 要点 found: neither numbered points under “一、” section headings nor a task table with a header row',
      '确认文件是政务公开工作要点：部分标题“一、……”，要点以“1.”或“（一）”开头；或表格第一行是表头（如“工作任务”“责任单位”“完成时限”）。',
    );
  }
  // Where the body starts: the first section (points in the text) or the table (table-only).
  const bodyStart = pointsInText ? sectionAt : tableAt;
  // A 要点 without a notice may be signed at its end; that 落款 is closing text, not a point's.
  const signature = findEndSignature(blocks, bodyStart);
  const front = parseFront(doc, bodyStart, source, signature ?? undefined, options);
  const inferences: Inference[] = [...front.inferences];
  const firstListedLeads = blocks.some((b) => FIRST_LISTED_LEADS.test(textOf(b)));

  let sections: Section[];
  let points: Point[];
  let tasks: Task[];
  let rows: TableRow[] = [];
  let closing: string[] = [];
  let closingLines: number[] = [];
  let layout: Layout;
  let attachment = front.attachment;
  let taskTable: ParsedDocument['taskTable'];
  let notes: TaskNotes = { unsplit: [], crossLabel: [], deadlineChecks: [], crossPoint: [], noLead: [], inferences: [] };
  let withoutDuty: number[] = [];
  let after = blocks.length;

  if (pointsInText) {
    // The points end at the table's 附件 line and title, or at the end of the document.
    let end = tableAt === -1 ? blocks.length : tableAt;
    if (signature && signature.end <= end) end = signature.start;
    let tableTitle = '';
    if (tableAt !== -1) {
      const before = blocks[end - 1];
      if (
        isTitleLike(before) &&
        !ATTACHMENT.test(before.text.trim()) &&
        !SECTION.test(before.text.trim()) &&
        markerOf(before.text) === null
      ) {
        tableTitle = before.text.trim();
        end--;
      }
      const attach = blocks[end - 1];
      if (attach?.kind === 'paragraph' && ATTACHMENT.test(attach.text.trim())) {
        attachment = attach.text.trim();
        end--;
      }
    }
    const body = parsePoints(doc, bodyStart, end, source);
    sections = body.sections;
    points = body.points;
    const signed = signature && signature.end <= (tableAt === -1 ? blocks.length : tableAt) ? signature.paragraphs : [];
    closing = [...body.closing, ...signed.map((p) => p.text)];
    closingLines = [...body.closingLines, ...signed.map((p) => p.line)];
    if (tableAt !== -1) {
      const merged = mergedTable(blocks, tableAt);
      after = merged.next;
      const read = readTaskTable(merged.table, source);
      const table = parseTaskTable(
        read,
        points.map((p) => ({ no: p.printedNo, title: p.title })),
        source,
        doc.format !== 'text',
      );
      // The table's 事项名称 repeats the printed number; points are numbered 1..N by `no`.
      const byPrinted = new Map<number, number>();
      for (const p of points) if (!byPrinted.has(p.printedNo)) byPrinted.set(p.printedNo, p.no);
      rows = table.rows.map((r) => (r.label.no === 0 ? r : { ...r, label: { ...r.label, no: byPrinted.get(r.label.no) ?? r.label.no } }));
      const built = buildTasks(
        rows,
        points.map((p) => ({ no: p.no, text: `${p.title}。${p.body.join('')}` })),
        front.year,
      );
      tasks = built.tasks;
      notes = built.notes;
      layout = 'points-table';
      taskTable = {
        title: tableTitle || read.titleRows.join(' '),
        columns: table.columns,
        headerLines: table.headerLines,
        sectionRows: table.sectionRows,
      };
    } else {
      const built = buildDutyTasks(points, front.year, firstListedLeads);
      tasks = built.tasks;
      layout = built.layout;
      withoutDuty = built.withoutDuty;
      inferences.push(...built.inferences);
    }
  } else {
    const merged = mergedTable(blocks, tableAt);
    after = merged.next;
    const read = readTaskTable(merged.table, source);
    const built = tablePoints(read, front.year, source, doc.format !== 'text');
    if (built.points.length === 0) {
      throw importError(
        source,
        merged.table.line,
        'taskTable',
        '表格中没有编号事项（“1.……”）',
        'the table has no numbered items (“1.……”)',
        '在事项或工作任务单元格开头写编号，如“1. 推进决策公开”。',
      );
    }
    sections = built.sections;
    points = built.points;
    tasks = built.tasks;
    inferences.push(...built.inferences);
    layout = 'table-only';
    taskTable = {
      title: read.titleRows.join(' '),
      columns: read.columns.map((c) => c.header),
      headerLines: read.headerLines,
      sectionRows: built.sectionRows,
    };
  }
  // Text after the task table (a 落款, a note) is kept as closing text.
  for (const b of blocks.slice(after)) {
    const text = textOf(b).trim();
    if (text === '') continue;
    if (doc.format === 'text' && b.kind !== 'table') {
      throw importError(
        source,
        b.line,
        'taskTable',
        `表格中或表格之后出现非表格内容：“${text.slice(0, 30)}”`,
        `non-table content inside or after the task table: "${text.slice(0, 30)}"`,
        '任务分解表必须是文件的最后部分；表格行用制表符分隔单元格。',
      );
    }
    closing.push(text);
    closingLines.push(b.line);
  }
  inferences.push(...notes.inferences);
  const seqs = new Map<number, number>();
  for (const t of tasks) {
    const k = (seqs.get(t.point) ?? 0) + 1;
    seqs.set(t.point, k);
    t.seq = k;
  }

  const sectionRowMismatches = (taskTable?.sectionRows ?? []).flatMap((row) => {
    if (layout === 'table-only') return [];
    const heading = sections.find((s) => s.numeral === row.numeral)?.heading ?? '';
    return normalizeForComparison(heading) === normalizeForComparison(row.text) ? [] : [{ line: row.line, row: row.text, heading }];
  });
  const labelTitles = rows.flatMap((row) => {
    if (row.labelLine !== row.line || row.label.no === 0) return [];
    const point = points.find((p) => p.no === row.label.no);
    if (!point) {
      throw importError(
        source,
        row.line,
        'taskTable.label',
        `事项名称的序号 ${row.label.no} 不是任何要点的序号`,
        `item number ${row.label.no} matches no point`,
        '核对事项名称的序号与要点序号。',
      );
    }
    return normalizeForComparison(point.title) === normalizeForComparison(row.label.title)
      ? []
      : [{ line: row.line, label: row.label.title, point: point.no, title: point.title }];
  });

  const ownGovernment = issuerGovernment(front.issuer) || issuerGovernment(front.title);
  const government = ownGovernment !== '' && options.siteGovernment && ownGovernment !== options.siteGovernment ? ownGovernment : undefined;
  const names = tasks.flatMap((t) => [...t.lead, ...t.units]);
  const { bySlug, slugOf } = resolveDepartments([...new Set(names)], options.existingDepartments ?? [], government);

  return {
    source,
    format: doc.format,
    unit: doc.unit,
    layout,
    year: front.year,
    title: front.title,
    issuer: front.issuer,
    issuers: front.issuers,
    ...(front.docNumber ? { docNumber: front.docNumber } : {}),
    ...(front.signedAt ? { signedAt: front.signedAt } : {}),
    publishedAt: front.publishedAt,
    ...(front.publishedAtFrom ? { publishedAtFrom: front.publishedAtFrom } : {}),
    disclosure: front.disclosure,
    disclosureNote: front.disclosureNote,
    disclosureFrom: front.disclosureFrom,
    ...(front.indexNo ? { indexNo: front.indexNo } : {}),
    ...(front.category ? { category: front.category } : {}),
    ...(front.notice ? { notice: front.notice } : {}),
    intro: front.intro,
    sections,
    points,
    closing,
    closingLines,
    ...(attachment ? { attachment } : {}),
    ...(taskTable ? { taskTable } : {}),
    rows,
    tasks,
    notes: { ...notes, sectionRowMismatches, labelTitles, withoutDuty },
    inferences,
    ...(government ? { government } : {}),
    departments: bySlug,
    departmentSlugs: slugOf,
  };
}
