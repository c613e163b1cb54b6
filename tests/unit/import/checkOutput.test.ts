/** The importer checks what it would write with `npm run check`'s rules and refuses what they refuse. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { errorsAddedBy } from '../../../scripts/lib/import/checkOutput.ts';
import { parseDocument } from '../../../scripts/lib/import/parseDocument.ts';
import { serialize } from '../../../scripts/lib/import/serialize.ts';

const FIXTURE = 'tests/fixtures/documents/text-format-a-points-table-chengchuan-2022.md';
const roots: string[] = [];
const emptyRoot = () => {
  const root = mkdtempSync(join(tmpdir(), 'check-output-'));
  roots.push(root);
  return root;
};
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

const content = (archive: boolean) => serialize(parseDocument(readFileSync(FIXTURE, 'utf8'), FIXTURE), { id: '2022', archive });

describe('errorsAddedBy', () => {
  it('passes a correct import, archive or not (解读 still to be written is the next step, not an error)', () => {
    expect(errorsAddedBy(emptyRoot(), content(true))).toEqual([]);
    expect(errorsAddedBy(emptyRoot(), content(false))).toEqual([]);
  });

  it('refuses a task the schema rejects, naming the file and the field', () => {
    const files = content(true);
    const file = 'src/content/tasks/2022/01-1.yaml';
    files.files.set(file, files.files.get(file)!.replace(/printedLabel:\n {2}no: \d+/u, 'printedLabel:\n  no: 0'));
    const errors = errorsAddedBy(emptyRoot(), files);
    expect(errors.map((e) => [e.code, e.file, e.field])).toEqual([['ZW-SCHEMA-004', file, 'printedLabel.no']]);
  });

  it('refuses a point left without tasks in a document with a task table', () => {
    const files = content(true);
    for (const k of [...files.files.keys()]) if (k.startsWith('src/content/tasks/2022/07-')) files.files.delete(k);
    expect(errorsAddedBy(emptyRoot(), files).map((e) => [e.code, e.file])).toEqual([['ZW-REF-007', 'src/content/points/2022/07.yaml']]);
  });
});
