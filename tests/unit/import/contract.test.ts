/**
 * The files the importer writes must satisfy the content schemas in src/schemas/ (owned by the
 * site side); references are checked here as plain ids that must exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { parseDocument } from '../../../scripts/lib/import/parseDocument.ts';
import { serialize } from '../../../scripts/lib/import/serialize.ts';
import { documentSchema } from '../../../src/schemas/document.ts';
import { pointSchema } from '../../../src/schemas/point.ts';
import { taskSchema } from '../../../src/schemas/task.ts';
import { departmentSchema } from '../../../src/schemas/department.ts';

const SEED = 'seeds/shenyang-2021-zhengwu-gongkai-yaodian.md';
const { files } = serialize(parseDocument(readFileSync(SEED, 'utf8'), SEED), { id: '2021' });
const entries = (dir: string) =>
  [...files]
    .filter(([k]) => k.startsWith(`src/content/${dir}/`))
    .map(([k, v]) => [k.slice(`src/content/${dir}/`.length, -'.yaml'.length), parse(v)] as const);

describe('output matches the content schemas', () => {
  const documents = entries('documents');
  const points = entries('points');
  const departments = entries('departments');
  const ids = (list: readonly (readonly [string, unknown])[]) => z.enum(list.map(([id]) => id) as [string, ...string[]]);

  it('documents', () => {
    expect(documents.map(([id]) => id)).toEqual(['2021']);
    for (const [, data] of documents) expect(documentSchema.parse(data)).toBeTruthy();
  });

  it('points', () => {
    const schema = pointSchema(ids(documents));
    expect(points).toHaveLength(28);
    for (const [id, data] of points) expect(() => schema.parse(data), id).not.toThrow();
  });

  it('tasks', () => {
    const schema = taskSchema({ document: ids(documents), point: ids(points), department: ids(departments) });
    const tasks = entries('tasks');
    expect(tasks).toHaveLength(58);
    for (const [id, data] of tasks) expect(() => schema.parse(data), id).not.toThrow();
  });

  it('departments', () => {
    expect(departments.length).toBeGreaterThan(0);
    for (const [id, data] of departments) expect(() => departmentSchema.parse(data), id).not.toThrow();
  });

  it('writes plain YAML that folds no long line and quotes dates', () => {
    const doc = files.get('src/content/documents/2021.yaml')!;
    expect(doc).toContain('signedAt: "2021-06-22"');
    const point = files.get('src/content/points/2021/01.yaml')!;
    const body = (parse(point) as { body: string[] }).body[0]!;
    expect(body.length).toBeGreaterThan(200);
    expect(point.split('\n')).toContain(`  - ${body}`);
    expect(files.get('src/content/tasks/2021/02-4.yaml')).toContain('point: 2021/02');
  });
});

describe('the seed re-imports byte for byte', () => {
  it('writes exactly the committed document, points, tasks and import report', () => {
    const owned = (path: string) =>
      /^src\/content\/(?:documents\/2021\.yaml|points\/2021\/|tasks\/2021\/)|^docs\/generated\/import-report-2021\.md$/u.test(path);
    const written = [...files].filter(([path]) => owned(path));
    const committed = ['src/content/points/2021', 'src/content/tasks/2021'].flatMap((dir) => readdirSync(dir).map((f) => `${dir}/${f}`));
    expect(
      written
        .map(([path]) => path)
        .filter((p) => !p.startsWith('src/content/documents') && !p.startsWith('docs/'))
        .sort(),
    ).toEqual(committed.sort());
    for (const [path, text] of written) expect(text, path).toBe(readFileSync(path, 'utf8'));
  });
});
