/**
 * Never a silent "no tasks": a point whose text assigns work in a form no rule reads stops the
 * import at its line; with --allow-untasked it is imported, listed in the report, and its point
 * file carries the text so that its page never says the document lists no task for it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ImportError } from '../../../scripts/lib/import/errors.ts';
import { parseDocument } from '../../../scripts/lib/import/parseDocument.ts';
import { serialize } from '../../../scripts/lib/import/serialize.ts';

const FIXTURE = 'tests/fixtures/documents/text-format-b-inline-clauses-liuxi-2023.md';
/** Point 4's clause rewritten as prose that names who does the work: `此项工作由市教育局负责组织，各区县要积极配合。` */
const TEXT = readFileSync(FIXTURE, 'utf8').replace(
  '（牵头单位：市教育局；完成时限：持续推进）',
  '此项工作由市教育局负责组织，各区县要积极配合。',
);

describe('a point that assigns work in prose the grammar does not read', () => {
  it('stops the import at the point, quoting the text', () => {
    let error: unknown;
    try {
      parseDocument(TEXT, FIXTURE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect([e.line, e.field]).toEqual([34, 'points.4']);
    expect(e.zh).toContain('“市教育局负责组织，各区县要积极配合”');
    expect(e.fix).toContain('--allow-untasked');
  });

  it('with --allow-untasked: listed in the report, and the point file keeps the text', () => {
    const doc = parseDocument(TEXT, FIXTURE, { allowUntasked: true });
    expect(doc.notes.untasked).toEqual([{ point: 4, line: 34, fragment: '市教育局负责组织，各区县要积极配合' }]);
    const { files } = serialize(doc, { id: '2023', archive: true });
    expect((parse(files.get('src/content/points/2023/04.yaml')!) as { assignmentUnread?: string }).assignmentUnread).toBe(
      '市教育局负责组织，各区县要积极配合',
    );
    expect(files.get('docs/generated/import-report-2023.md')).toContain('| 34 | 4 | 市教育局负责组织，各区县要积极配合 |');
  });

  it('passes the same document as published, where every point has its clause', () => {
    expect(parseDocument(readFileSync(FIXTURE, 'utf8'), FIXTURE).notes.untasked).toEqual([]);
  });
});
