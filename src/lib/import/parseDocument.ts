import { importError } from './errors.ts';
import { readBlocks } from './markdown.ts';
import { parseNotice, type Notice } from './parseNotice.ts';
import { parsePoints, type Point, type Section } from './parsePoints.ts';
import { parseTaskTable, type SectionRow, type TableRow } from './parseTaskTable.ts';
import { buildTasks, type Task, type TaskNotes } from './buildTasks.ts';
import { resolveDepartments, type Department, type ExistingDepartment } from './departments.ts';
import { contentString } from './normalize.ts';
import type { Disclosure } from './parseDisclosure.ts';

export interface ParsedDocument {
  /** Repo-relative path of the seed. */
  source: string;
  year: number;
  title: string;
  issuer: string;
  docNumber: string;
  signedAt: string;
  publishedAt: string;
  disclosure: Disclosure;
  disclosureNote: string;
  notice: Notice;
  intro: string[];
  sections: Section[];
  points: Point[];
  closing: string[];
  closingLines: number[];
  attachment: string;
  taskTable: {
    title: string;
    columns: string[];
    headerLines: number[];
    /** `<b>一、…</b>` rows; their wording is checked against the section headings. */
    sectionRows: SectionRow[];
  };
  rows: TableRow[];
  /** In table order; `seq` numbers them within their assigned point. */
  tasks: Task[];
  notes: TaskNotes & {
    /** Table section rows whose wording differs from the section heading of the same numeral. */
    sectionRowMismatches: { line: number; row: string; heading: string }[];
    /** Printed labels whose title differs from the title of the point with that number. */
    labelTitles: { line: number; label: string; point: number; title: string }[];
  };
  departments: Department[];
  /** Department name → id. */
  departmentSlugs: Map<string, string>;
}

/**
 * Parses one published 要点 document (notice, 要点, task table) into everything the content
 * collections and the import report need. Pure: no file system, no clock. Throws ImportError.
 */
export function parseDocument(text: string, source: string, existingDepartments: ExistingDepartment[] = []): ParsedDocument {
  const blocks = readBlocks(text);
  const notice = parseNotice(blocks, source);
  const titleBlock = blocks[notice.next];
  const title = titleBlock?.kind === 'heading' ? titleBlock.text : '';
  const yearMatch = /(\d{4})\s*年/u.exec(title.normalize('NFKC')) ?? /[〔［\[(（]\s*(\d{4})/u.exec(notice.docNumber);
  if (!yearMatch) {
    throw importError(source, titleBlock?.line ?? 1, 'year', '要点标题和发文字号中都找不到年份', 'no year in the 要点 title or the document number', '要点标题写成“××市 2021 年政务公开工作要点”。');
  }
  const year = Number(yearMatch[1]);
  const body = parsePoints(blocks, notice.next, source);
  const table = parseTaskTable(blocks, body.tableStart, source);

  const pointTexts = body.points.map((p) => ({ no: p.no, text: `${p.title}。${p.body.join('')}` }));
  const { tasks, notes } = buildTasks(table.rows, pointTexts, year, source);

  const sectionRowMismatches = table.sectionRows.flatMap((row) => {
    const heading = body.sections.find((s) => s.numeral === row.numeral)?.heading ?? '';
    return contentString(heading) === contentString(row.text) ? [] : [{ line: row.line, row: row.text, heading }];
  });
  const labelTitles = table.rows.flatMap((row) => {
    if (row.labelLine !== row.line) return [];
    const point = body.points.find((p) => p.no === row.label.no);
    if (!point) {
      throw importError(source, row.line, 'taskTable.label', `事项名称的序号 ${row.label.no} 不是任何要点的序号`, `item number ${row.label.no} matches no point`, '核对事项名称的序号与要点序号。');
    }
    return contentString(point.title) === contentString(row.label.title)
      ? []
      : [{ line: row.line, label: row.label.title, point: point.no, title: point.title }];
  });

  const names = tasks.flatMap((t) => [...t.lead, ...t.units]);
  const { bySlug, slugOf } = resolveDepartments([...new Set(names)], existingDepartments);

  return {
    source,
    year,
    title,
    issuer: notice.issuer,
    docNumber: notice.docNumber,
    signedAt: notice.signedAt,
    publishedAt: notice.signedAt,
    disclosure: notice.disclosure,
    disclosureNote: notice.disclosureNote,
    notice: notice.notice,
    intro: body.intro,
    sections: body.sections,
    points: body.points,
    closing: body.closing,
    closingLines: body.closingLines,
    attachment: body.attachment,
    taskTable: { title: body.tableTitle, columns: table.columns, headerLines: table.headerLines, sectionRows: table.sectionRows },
    rows: table.rows,
    tasks,
    notes: { ...notes, sectionRowMismatches, labelTitles },
    departments: bySlug,
    departmentSlugs: slugOf,
  };
}
