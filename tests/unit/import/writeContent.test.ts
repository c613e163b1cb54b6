import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runImport } from '../../../scripts/import.ts';

const SEED = 'seeds/shenyang-2021-zhengwu-gongkai-yaodian.md';
const roots: string[] = [];

/** A scratch repo root holding the seed and the fixtures. */
function scratch(): string {
  const root = mkdtempSync(join(tmpdir(), 'import-test-'));
  roots.push(root);
  mkdirSync(join(root, 'seeds'));
  cpSync(SEED, join(root, SEED));
  cpSync('tests/fixtures/documents', join(root, 'fixtures'), { recursive: true });
  return root;
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function tree(dir: string, base = dir): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of tree(path, base)) out.set(k, v);
    else out.set(path.slice(base.length + 1), readFileSync(path, 'utf8'));
  }
  return out;
}

async function run(root: string, file: string, ...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport([file, ...flags], { root, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('writing content', () => {
  it('writes the collections and the report, and re-running yields identical trees', async () => {
    const root = scratch();
    const first = await run(root, SEED);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/sections 4 .*points 28 .*table rows 57 .*tasks 58/);
    const a = tree(root);
    expect(a.get('src/content/documents/2021.yaml')).toBeDefined();
    expect([...a.keys()].filter((k) => k.startsWith('src/content/points/2021/'))).toHaveLength(28);
    expect([...a.keys()].filter((k) => k.startsWith('src/content/tasks/2021/'))).toHaveLength(58);
    expect(a.has('src/content/tasks/2021/10-1.yaml') && a.has('src/content/tasks/2021/10-2.yaml')).toBe(true);
    expect(a.get('docs/generated/import-report-2021.md')).toContain('反不正当竞争');
    for (const [k, v] of a) if (k.startsWith('src/') || k.startsWith('docs/')) expect(v.includes('\r'), k).toBe(false);

    expect((await run(root, SEED)).code).toBe(0);
    expect(tree(root)).toEqual(a);
    expect([...tree(root).keys()].some((k) => k.includes('.import-'))).toBe(false);
  });

  it('replaces the year wholesale but keeps edited department files', async () => {
    const root = scratch();
    await run(root, SEED);
    const stale = join(root, 'src/content/tasks/2021/99-1.yaml');
    writeFileSync(stale, 'stale: true\n');
    const dept = join(root, 'src/content/departments/shi-zheng-fu-ban-gong-shi.yaml');
    const edited = 'name: 市政府办公室\nkind: municipal\naliases:\n  - 市政府办\n';
    writeFileSync(dept, edited);
    expect((await run(root, SEED)).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(readFileSync(dept, 'utf8')).toBe(edited);
  });

  it('resolves names through aliases of existing departments', async () => {
    const root = scratch();
    mkdirSync(join(root, 'src/content/departments'), { recursive: true });
    writeFileSync(
      join(root, 'src/content/departments/ying-shang-ju.yaml'),
      'name: 沈阳市营商环境建设局\nkind: municipal\naliases:\n  - 市营商局\n',
    );
    expect((await run(root, SEED)).code).toBe(0);
    const task = parse(readFileSync(join(root, 'src/content/tasks/2021/10-2.yaml'), 'utf8'));
    expect(task.lead).toEqual(['ying-shang-ju']);
    expect(existsSync(join(root, 'src/content/departments/shi-ying-shang-ju.yaml'))).toBe(false);
  });

  it('a failing parse writes nothing and prints the error with file:line', async () => {
    const root = scratch();
    const before = tree(root);
    const result = await run(root, 'fixtures/bad-row.md');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/fixtures\/bad-row\.md:\d+/);
    expect(result.err).toContain('taskTable.row');
    expect(tree(root)).toEqual(before);
  });

  it('a failing parse leaves earlier content untouched', async () => {
    const root = scratch();
    await run(root, SEED);
    const before = tree(root);
    expect((await run(root, 'fixtures/missing-disclosure.md')).code).toBe(1);
    expect(tree(root)).toEqual(before);
  });

  it('--disclosure states the 公开属性 of a file without a marker; other values are a usage error', async () => {
    const root = scratch();
    const stated = await run(root, 'fixtures/missing-disclosure.md', '--dry-run', '--disclosure', '主动公开');
    expect(stated.code).toBe(0);
    expect(stated.out).toContain('公开属性由编辑声明（--disclosure 主动公开）');
    const wrong = await run(root, 'fixtures/missing-disclosure.md', '--disclosure=公开');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--disclosure must be 主动公开 (proactive), 依申请公开 (on request) or 不予公开 (not disclosed)');
  });

  it('--dry-run prints the files and the report and writes nothing', async () => {
    const root = scratch();
    const before = tree(root);
    const result = await run(root, 'fixtures/text-duty-paragraphs-minjiang-2022.md', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out).toContain('新建 new  src/content/documents/2022.yaml');
    expect(result.out).toContain('新建 new  src/content/points/2022/05.yaml');
    expect(result.out).toContain('## 8. 推断 Inferences');
    expect(tree(root)).toEqual(before);
  });

  it('a second document of the same year needs its own --id; --archive marks it', async () => {
    const root = scratch();
    await run(root, SEED);
    const sameYear = join(root, 'fixtures/same-year.md');
    writeFileSync(sameYear, readFileSync(join(root, 'fixtures/text-inline-clauses-haizhou-2023.md'), 'utf8').replaceAll('2023', '2021'));
    const taken = await run(root, 'fixtures/same-year.md');
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('“2021” 已被 seeds/shenyang-2021-zhengwu-gongkai-yaodian.md 使用');
    expect(taken.err).toContain('--id 2021-hai-zhou-shi');
    expect((await run(root, 'fixtures/same-year.md', '--id', 'Bad_Id')).code).toBe(2);
    const imported = await run(root, 'fixtures/same-year.md', '--id', '2021-haizhou', '--archive');
    expect(imported.code).toBe(0);
    const doc = parse(readFileSync(join(root, 'src/content/documents/2021-haizhou.yaml'), 'utf8'));
    expect(doc).toMatchObject({ year: 2021, archive: true, format: 'text', layout: 'inline-clauses' });
    const point = parse(readFileSync(join(root, 'src/content/points/2021-haizhou/03.yaml'), 'utf8'));
    expect(point).toMatchObject({ document: '2021-haizhou', no: 3, label: '（一）', section: 2 });
    const task = parse(readFileSync(join(root, 'src/content/tasks/2021-haizhou/03-2.yaml'), 'utf8'));
    expect(task).toMatchObject({
      point: '2021-haizhou/03',
      deadline: { raw: '2021年10月底前', date: '2021-10-31', kind: 'date', inText: true },
    });
    expect(task.printedLabel).toBeUndefined();
    // The seed's own files are untouched by the second document.
    expect(existsSync(join(root, 'src/content/points/2021/28.yaml'))).toBe(true);
    expect(readFileSync(join(root, 'docs/generated/import-report-2021-haizhou.md'), 'utf8')).toContain('版式 Layout: 要点末尾的责任括注');
  });
});
