import { Scalar, stringify } from 'yaml';
import type { ParsedDocument } from './parseDocument.ts';
import { importReport } from './importReport.ts';

const two = (n: number) => String(n).padStart(2, '0');

/** Dates are quoted so that no YAML loader turns them into Date objects. */
function quoted(value: string): Scalar<string> {
  const s = new Scalar(value);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

/** lineWidth 0: long Chinese lines are never folded, so diffs stay one line per field. */
const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

export interface ContentFiles {
  /** Repo-relative path → file content (UTF-8, LF). */
  files: Map<string, string>;
  /** Directories the importer owns for this year; they are replaced as a whole. */
  ownedDirs: string[];
}

/**
 * Everything the importer writes, as text, in a stable order: the document, its points, its tasks,
 * departments that do not exist yet, and the import report. Pure and deterministic.
 */
export function serialize(doc: ParsedDocument): ContentFiles {
  const year = String(doc.year);
  const files = new Map<string, string>();
  const slug = (name: string) => doc.departmentSlugs.get(name) ?? name;

  files.set(
    `src/content/documents/${year}.yaml`,
    yaml({
      year: doc.year,
      title: doc.title,
      issuer: doc.issuer,
      docNumber: doc.docNumber,
      signedAt: quoted(doc.signedAt),
      publishedAt: quoted(doc.publishedAt),
      disclosure: doc.disclosure,
      disclosureNote: doc.disclosureNote,
      source: doc.source,
      notice: doc.notice,
      intro: doc.intro,
      sections: doc.sections.map((s) => ({ no: s.no, numeral: s.numeral, title: s.title, heading: s.heading })),
      closing: doc.closing,
      attachment: doc.attachment,
      taskTable: { title: doc.taskTable.title, columns: doc.taskTable.columns },
    }),
  );

  for (const p of doc.points) {
    files.set(
      `src/content/points/${year}/${two(p.no)}.yaml`,
      yaml({
        document: year,
        section: p.section,
        no: p.no,
        title: p.title,
        titleBold: p.titleBold,
        body: p.body,
        source: { file: doc.source, startLine: p.startLine, endLine: p.endLine },
      }),
    );
  }

  for (const t of doc.tasks) {
    files.set(
      `src/content/tasks/${year}/${two(t.point)}-${t.seq}.yaml`,
      yaml({
        document: year,
        point: `${year}/${two(t.point)}`,
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
        },
        inherited: t.inherited,
        printedLabel: { no: t.printedLabel.no, title: t.printedLabel.title },
        sourceLine: t.sourceLine,
        ...(t.split ? { split: t.split } : {}),
        match: { score: t.match.score },
      }),
    );
  }

  for (const d of doc.departments) {
    if (d.existing) continue;
    files.set(`src/content/departments/${d.slug}.yaml`, yaml({ name: d.name, kind: d.kind, aliases: d.aliases }));
  }

  files.set(`docs/import-report-${year}.md`, importReport(doc));

  return {
    files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ownedDirs: [`src/content/points/${year}`, `src/content/tasks/${year}`],
  };
}
