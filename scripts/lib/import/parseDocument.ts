import { importError } from './errors.ts';
import { readText } from './formats/readText.ts';
import type { SourceDocument, SourceFormat, SourceUnit } from './formats/types.ts';
import { findEndSignature, parseFront, type FrontOptions, type ParsedFront } from './parseFront.ts';
import type { ParsedPoints } from './parsePoints.ts';
import type { SectionRow, TableRow } from './parseTaskTable.ts';
import type { Task, TaskNotes } from './buildTasks.ts';
import { FIRST_LISTED_LEADS } from './dutyClauses.ts';
import { resolveDepartments, type Department, type ExistingDepartment } from './departments.ts';
import { issuerGovernment } from './departmentList.ts';
import { similarDepartments, type DepartmentAlias } from './departmentAliases.ts';
import { normalizeForComparison } from '../../../src/lib/text/normalize.ts';
import type { Inference } from './inferences.ts';
import { refuseUntasked, untaskedPoints, type UntaskedPoint } from './untaskedPoints.ts';
import { chooseLayout } from './layouts/index.ts';
import { blockText, locateBody } from './layouts/body.ts';
import type { Layout, LayoutInput, LayoutScore } from './layouts/types.ts';

export type { Layout };

export interface ParsedDocument extends ParsedFront, Omit<ParsedPoints, 'restart'> {
  /** Repo-relative path of the source file. */
  source: string;
  format: SourceFormat;
  unit: SourceUnit;
  layout: Layout;
  /** Every layout recogniser's score and reasons, best first (the first one won). */
  layoutScores: LayoutScore[];
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
    /** Points without tasks whose text looks like an assignment (imported with `--allow-untasked`). */
    untasked: UntaskedPoint[];
  };
  /** The government whose departments the document names, when it is not the site's own. */
  government?: string;
  departments: Department[];
  /** Department name → id. */
  departmentSlugs: Map<string, string>;
  /** Spellings of one office merged into one department (the name and its other spellings). */
  departmentAliases: DepartmentAlias[];
  /** Names alike enough to be one office but not merged: for an editor to decide. */
  similarDepartments: [string, string][];
}

export interface ParseOptions extends FrontOptions {
  existingDepartments?: ExistingDepartment[];
  /** The site's own government (沈阳市); departments of other governments get their own ids. */
  siteGovernment?: string;
  /** Import points whose text looks like an assignment although no task was read (`--allow-untasked`). */
  allowUntasked?: boolean;
}

/**
 * Parses one published 要点 document, in any of the layouts documents use, into everything the
 * content collections and the import report need: every layout recogniser (`layouts/`) scores the
 * document and the best one builds its points and tasks, after the front matter (parseFront) is
 * read up to where that layout's body starts; then departments are resolved once for the whole
 * document. Pure: no file system, no clock. Throws ImportError.
 */
export function parseDocument(input: string | SourceDocument, source: string, options: ParseOptions = {}): ParsedDocument {
  const doc = typeof input === 'string' ? readText(input) : input;
  const blocks = doc.blocks;
  const layoutInput: LayoutInput = { doc, source, body: locateBody(doc) };
  const { winner, scores } = chooseLayout(layoutInput);
  const { pointsAt, tableAt } = layoutInput.body;
  // Where the body starts: the first section (points in the text) or the table (table-only).
  const bodyStart = winner.layout === 'table-only' ? tableAt : pointsAt;
  // A 要点 without a notice may be signed at its end; that 落款 is closing text, not a point's.
  const signature = findEndSignature(blocks, bodyStart);
  const front = parseFront(doc, bodyStart, source, signature ?? undefined, options);
  const built = winner.build({
    ...layoutInput,
    front,
    signature,
    firstListedLeads: blocks.some((b) => FIRST_LISTED_LEADS.test(blockText(b))),
  });
  const { sections, points, tasks, rows, layout, taskTable, notes, withoutDuty } = built;
  const closing = [...built.closing];
  const closingLines = [...built.closingLines];
  const inferences: Inference[] = [...front.inferences, ...built.inferences];
  const attachment = built.attachment;
  // Text after the task table (a 落款, a note) is kept as closing text.
  for (const b of blocks.slice(built.after)) {
    const text = blockText(b).trim();
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
  const untasked = untaskedPoints(points, tasks);
  refuseUntasked(untasked, source, options.allowUntasked === true);
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
  const { bySlug, slugOf, aliases } = resolveDepartments([...new Set(names)], options.existingDepartments ?? [], government, front.issuer);

  return {
    source,
    format: doc.format,
    unit: doc.unit,
    layout,
    layoutScores: scores,
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
    notes: { ...notes, sectionRowMismatches, labelTitles, withoutDuty, untasked },
    inferences,
    ...(government ? { government } : {}),
    departments: bySlug,
    departmentSlugs: slugOf,
    departmentAliases: aliases,
    similarDepartments: similarDepartments([...new Set(names)]),
  };
}
