import { Scalar, stringify } from 'yaml';
import type { ParsedDocument } from './parseDocument.ts';
import { importReport } from './importReport.ts';
import { pointId, taskId } from '../../../src/lib/content/ids.ts';

/** Dates are quoted so that no YAML loader turns them into Date objects. */
export function quoted(value: string): Scalar<string> {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

/** lineWidth 0: long Chinese lines are never folded, so diffs stay one line per field. */
export const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

export interface ContentFiles {
  /** Repo-relative path → file content (UTF-8, LF). */
  files: Map<string, string>;
  /** Directories the importer owns for this year; they are replaced as a whole. */
  ownedDirs: string[];
}

export interface SerializeOptions {
  /** The document's id: its file name and the first part of its URLs (default: the year). */
  id: string;
  /** Published before the site existed: no 解读 or 图解 is required (`--archive`). */
  archive?: boolean;
}

/** A field that is written only when it has a value, so documents that lack it stay as they were. */
const optional = <K extends string, V>(key: K, value: V | undefined | false) =>
  value === undefined || value === false ? {} : ({ [key]: value } as Record<K, V>);

/**
 * Everything the importer writes, as text, in a stable order: the document, its points, its tasks,
 * departments that do not exist yet, and the import report. Pure and deterministic. Fields a
 * document lacks are left out, and the seed's own form (text with a task table) writes no format
 * or layout, so re-importing it changes nothing.
 */
export function serialize(doc: ParsedDocument, options: SerializeOptions): ContentFiles {
  const id = options.id;
  const files = new Map<string, string>();
  const slug = (name: string) => doc.departmentSlugs.get(name) ?? name;
  const seedForm = doc.format === 'text' && doc.layout === 'points-table';

  files.set(
    `src/content/documents/${id}.yaml`,
    yaml({
      year: doc.year,
      title: doc.title,
      issuer: doc.issuer,
      ...optional('issuers', doc.issuers.length > 1 && doc.issuers),
      ...optional('docNumber', doc.docNumber),
      ...optional('signedAt', doc.signedAt && quoted(doc.signedAt)),
      publishedAt: quoted(doc.publishedAt),
      ...optional('publishedAtFrom', doc.publishedAtFrom),
      ...optional('archive', options.archive === true),
      ...optional('format', !seedForm && doc.format),
      ...optional('layout', !seedForm && doc.layout),
      disclosure: doc.disclosure,
      disclosureNote: doc.disclosureNote,
      ...optional('indexNo', doc.indexNo),
      ...optional('category', doc.category),
      source: doc.source,
      ...optional('notice', doc.notice),
      intro: doc.intro,
      sections: doc.sections.map((s) => ({
        no: s.no,
        ...optional('numeral', s.numeral),
        title: s.title,
        heading: s.heading,
        ...optional('intro', s.intro),
        ...optional(
          'subsections',
          s.subsections?.map((x) => ({ no: x.no, ...optional('numeral', x.numeral), title: x.title, heading: x.heading })),
        ),
      })),
      closing: doc.closing,
      ...optional('attachment', doc.attachment),
      ...optional('taskTable', doc.taskTable && { title: doc.taskTable.title, columns: doc.taskTable.columns }),
    }),
  );

  for (const p of doc.points) {
    files.set(
      `src/content/points/${pointId(id, p.no)}.yaml`,
      yaml({
        document: id,
        section: p.section,
        ...optional('subsection', p.subsection),
        no: p.no,
        ...optional('label', p.label !== undefined && p.label.normalize('NFKC').replace(/\s/g, '') !== `${p.no}.` && p.label),
        ...optional('unlabelled', p.unlabelled),
        title: p.title,
        titleBold: p.titleBold,
        body: p.body,
        ...optional('assignmentUnread', doc.notes.untasked.find((u) => u.point === p.no)?.fragment),
        source: { file: doc.source, startLine: p.startLine, endLine: p.endLine, ...optional('unit', doc.unit === 'paragraph' && doc.unit) },
      }),
    );
  }

  for (const t of doc.tasks) {
    files.set(
      `src/content/tasks/${taskId(id, t.point, t.seq)}.yaml`,
      yaml({
        document: id,
        point: pointId(id, t.point),
        seq: t.seq,
        text: t.text,
        lead: t.lead.map(slug),
        units: t.units.map(slug),
        leadRaw: t.leadRaw,
        unitsRaw: t.unitsRaw,
        deadline: {
          raw: t.deadline.raw,
          date: t.deadline.date === null ? null : quoted(t.deadline.date),
          kind: t.deadline.kind,
          inherited: t.deadline.inherited,
          ...optional('inText', t.deadline.inText),
        },
        inherited: t.inherited,
        ...optional('printedLabel', t.printedLabel && { no: t.printedLabel.no, title: t.printedLabel.title }),
        sourceLine: t.sourceLine,
        ...(t.split ? { split: t.split } : {}),
        match: { score: t.match.score },
      }),
    );
  }

  for (const d of doc.departments) {
    if (d.existing) continue;
    files.set(
      `src/content/departments/${d.slug}.yaml`,
      yaml({ name: d.name, kind: d.kind, aliases: d.aliases, ...optional('government', d.government), ...optional('owner', d.owner) }),
    );
  }

  files.set(`docs/generated/import-report-${id}.md`, importReport(doc, id));

  return {
    files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ownedDirs: [`src/content/points/${id}`, `src/content/tasks/${id}`],
  };
}
