/**
 * Every layout in every format: the saved portal pages and Word files of tests/fixtures/documents
 * (written from the README's description by another hand than the recognisers) give the counts
 * and inferences the README expects, and nothing the reader found is lost on the way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../scripts/lib/import/formats/readSource.ts';
import { parseDocument, type ParsedDocument } from '../../../scripts/lib/import/parseDocument.ts';
import type { SourceDocument } from '../../../scripts/lib/import/formats/types.ts';
import { extractedText, lostHan } from './support/nothingLost.ts';

const DIR = 'tests/fixtures/documents';

interface Expected {
  layout: ParsedDocument['layout'];
  docNumber?: string;
  signedAt?: string;
  publishedAt: string;
  counts: [sections: number, subsections: number, points: number, tasks: number];
  /** Inferences by kind, as the README lists them. */
  inferences: Partial<Record<ParsedDocument['inferences'][number]['kind'], number>>;
  /** Points that state no responsible unit. */
  withoutDuty?: number[];
}

const EXPECTED: Record<string, Expected> = {
  'html-a-points-table-chengchuan-2022.html': {
    layout: 'points-table',
    docNumber: '澄政办发〔2022〕7号',
    signedAt: '2022-04-18',
    publishedAt: '2022-04-18',
    counts: [3, 0, 7, 12],
    inferences: { deadlineUnspecified: 1 },
  },
  'docx-a-points-table-chengchuan-2022.docx': {
    layout: 'points-table',
    docNumber: '澄政办发〔2022〕7号',
    signedAt: '2022-04-18',
    publishedAt: '2022-04-18',
    counts: [3, 0, 7, 12],
    inferences: { deadlineUnspecified: 1 },
  },
  'html-b-inline-clauses-liuxi-2023.html': {
    layout: 'inline-clauses',
    docNumber: '柳政办发〔2023〕11号',
    signedAt: '2023-03-20',
    publishedAt: '2023-03-20',
    counts: [3, 0, 8, 9],
    inferences: { deadlineInText: 1, deadlineUnspecified: 2 },
    withoutDuty: [5],
  },
  'docx-b-inline-clauses-liuxi-2023.docx': {
    layout: 'inline-clauses',
    docNumber: '柳政办发〔2023〕11号',
    signedAt: '2023-03-20',
    publishedAt: '2023-03-20',
    counts: [3, 0, 8, 9],
    inferences: { deadlineInText: 1, deadlineUnspecified: 2 },
    withoutDuty: [5],
  },
  'html-c-duty-paragraphs-nanping-2022.html': {
    layout: 'duty-paragraphs',
    publishedAt: '2022-03-15',
    counts: [3, 0, 8, 8],
    inferences: {
      prefix: 7,
      deadlineInText: 1,
      deadlineUnspecified: 7,
      date: 1,
      docNumber: 1,
      disclosure: 1,
      issuer: 1,
      leadFirstListed: 8,
    },
  },
  'docx-c-duty-paragraphs-nanping-2023.docx': {
    layout: 'duty-paragraphs',
    docNumber: '南政办发〔2023〕4号',
    signedAt: '2023-04-06',
    publishedAt: '2023-04-06',
    counts: [3, 4, 9, 9],
    inferences: { prefix: 4, deadlineInText: 1, deadlineUnspecified: 8, leadFirstListed: 9 },
  },
  'html-d-table-only-qinghe-2019.html': {
    layout: 'table-only',
    docNumber: '青政办发〔2019〕9号',
    signedAt: '2019-05-06',
    publishedAt: '2019-05-06',
    counts: [2, 4, 6, 11],
    inferences: { deadlineUnreadable: 2, deadlineUnspecified: 1 },
  },
  'docx-d-table-only-shiling-2018.docx': {
    layout: 'table-only',
    docNumber: '石政办发〔2018〕21号',
    signedAt: '2018-06-08',
    publishedAt: '2018-06-08',
    counts: [2, 0, 5, 8],
    inferences: { sectionRepeated: 1, deadlineInText: 3, deadlineUnspecified: 5 },
  },
};

const sourceText = (source: SourceDocument) =>
  source.blocks
    .map((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.filter((c) => !c.spanOf).map((c) => c.text)).join('\n') : b.text))
    .join('\n');

describe.each(Object.entries(EXPECTED))('%s', async (file, expected) => {
  const source = await readSource(`${DIR}/${file}`, readFileSync(`${DIR}/${file}`));
  const doc = parseDocument(source, `${DIR}/${file}`, { siteGovernment: '沈阳市' });

  it('is read in its layout with the metadata it prints', () => {
    expect(doc.layout).toBe(expected.layout);
    expect(doc.format).toBe(file.startsWith('html') ? 'html' : 'docx');
    expect([doc.docNumber, doc.signedAt, doc.publishedAt]).toEqual([expected.docNumber, expected.signedAt, expected.publishedAt]);
  });

  it('finds the sections, sub-sections, points and tasks the README counts', () => {
    const subsections = doc.sections.reduce((n, s) => n + (s.subsections?.length ?? 0), 0);
    expect([doc.sections.length, subsections, doc.points.length, doc.tasks.length]).toEqual(expected.counts);
    expect(doc.notes.withoutDuty).toEqual(expected.withoutDuty ?? []);
  });

  it('reports exactly the inferences the README lists', () => {
    const counts: Record<string, number> = {};
    for (const i of doc.inferences) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
    expect(counts).toEqual(expected.inferences);
  });

  it('loses nothing the reader found', () => {
    expect(lostHan(sourceText(source), extractedText(doc))).toBe('');
  });
});

describe('the two formats of one document agree', () => {
  it.each(['a-points-table-chengchuan-2022', 'b-inline-clauses-liuxi-2023'])('%s', async (name) => {
    const parse = async (file: string) =>
      parseDocument(await readSource(`${DIR}/${file}`, readFileSync(`${DIR}/${file}`)), file, { siteGovernment: '沈阳市' });
    const [html, docx] = await Promise.all([parse(`html-${name}.html`), parse(`docx-${name}.docx`)]);
    const shape = (d: ParsedDocument) => ({
      points: d.points.map((p) => [p.label, p.title, p.body]),
      tasks: d.tasks.map((t) => [t.point, t.text, t.lead, t.units, t.deadline.raw]),
    });
    expect(shape(html)).toEqual(shape(docx));
  });
});
