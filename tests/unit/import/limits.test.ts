/**
 * The importer's input limits (issue item 12): a 51 MB single-paragraph page took 18–69 s and
 * about 4 GB before it was refused; now a file over the size limit is refused before it is read,
 * and a paragraph over the length limit before its characters are copied. The content check and
 * the importer print at most 100 findings, with the total.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../scripts/import.ts';
import { readSource } from '../../../scripts/lib/import/formats/readSource.ts';
import { ImportError } from '../../../scripts/lib/import/errors.ts';
import { formatIssues } from '../../../scripts/lib/check/format.ts';
import type { CheckIssue } from '../../../scripts/lib/check/issue.ts';
import { IMPORT_FILE_MAX, PARAGRAPH_MAX } from '../../../scripts/lib/limits.ts';

const REPO = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'zwgk-import-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PHRASE = '各区、县（市）政府，市政府各部门要认真做好政务公开工作。';
/** A saved portal page whose body is one paragraph of `chars` characters or more. */
const onePage = (chars: number) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>要点</title></head><body>\n<h1>沈阳市2021年政务公开工作要点</h1>\n<p>${PHRASE.repeat(Math.ceil(chars / PHRASE.length))}</p></body></html>`;

async function refusal(path: string, bytes: Uint8Array): Promise<ImportError> {
  const error = await readSource(path, bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('file size', () => {
  it('refuses the 51 MB single-paragraph page at once, by its size, and the CLI before reading it', async () => {
    const page = Buffer.from(onePage(17_900_000));
    expect(page.length).toBeGreaterThan(51 * 1024 * 1024);
    const started = performance.now();
    const error = await refusal('big.html', page);
    expect(performance.now() - started).toBeLessThan(1000);
    expect([error.line, error.field, error.zh]).toEqual([1, 'size', '文件有 51 MB，超过导入文件 20 MB 的上限，不像是一份要点文件']);

    writeFileSync(join(dir, 'big.html'), page);
    const err: string[] = [];
    const status = await runImport([join(dir, 'big.html'), '--dry-run'], { root: REPO, out: () => {}, err: (l) => err.push(l) });
    expect(status).toBe(1);
    expect(err.join('\n')).toContain(
      '  错误: 文件有 51 MB，超过导入文件 20 MB 的上限，不像是一份要点文件\n  error: the file is 51 MB, over the 20 MB limit for an imported file: not a 要点 document',
    );
  });

  it(`takes a file of exactly ${IMPORT_FILE_MAX / 1024 / 1024} MB as far as its size goes`, async () => {
    await expect(readSource('blank.md', Buffer.alloc(IMPORT_FILE_MAX, 0x0a))).resolves.toMatchObject({ blocks: [] });
  });
});

describe('longest paragraph', () => {
  it(`refuses a web page paragraph over ${PARAGRAPH_MAX.toLocaleString('en')} characters, with its line, before copying it`, async () => {
    const error = await refusal('long.html', Buffer.from(onePage(PARAGRAPH_MAX + 1)));
    expect([error.line, error.field, error.zh]).toEqual([
      3,
      'paragraph',
      '这一段（或表格的一个单元格）超过 100,000 字（至少 100,016 字），不像是要点文件的段落',
    ]);
  });

  it('refuses a long table cell of a web page and a long paragraph of a text file alike', async () => {
    const cell = `<html><body><table><tr><th>主要任务</th></tr>\n<tr><td>${'公开'.repeat(PARAGRAPH_MAX)}</td></tr></table></body></html>`;
    expect((await refusal('cell.html', Buffer.from(cell))).line).toBe(2);
    const md = `# 沈阳市2021年政务公开工作要点\n\n${'公开'.repeat(PARAGRAPH_MAX / 2 + 1)}\n`;
    const error = await refusal('long.md', Buffer.from(md));
    expect([error.line, error.field]).toEqual([3, 'paragraph']);
  });

  it('reads a whole 要点 typed as one paragraph with line breaks (30,000 characters)', async () => {
    const page = `<html><body><p>${Array.from({ length: 300 }, () => PHRASE.repeat(4)).join('<br>')}</p></body></html>`;
    const error = await readSource('whole.html', Buffer.from(page)).then(
      () => undefined,
      (e: unknown) => e as ImportError,
    );
    expect(error?.field).not.toBe('paragraph');
  });
});

describe('printed findings', () => {
  const issue = (n: number): CheckIssue => ({
    severity: n % 2 ? 'warning' : 'error',
    code: 'ZW-SCHEMA-001',
    file: `src/content/tasks/2021/${String(n).padStart(3, '0')}.yaml`,
    line: 1,
    zh: '缺少字段',
    en: 'missing field',
    fix: '补上',
  });

  it('prints at most 100, errors first, then how many more and the total', () => {
    const text = formatIssues(Array.from({ length: 250 }, (_, n) => issue(n)));
    const printed = text.split('\n').filter((l) => /^ {2}src\//.test(l));
    expect(printed).toHaveLength(100);
    expect(printed.every((l) => l.includes('错误 error'))).toBe(true);
    expect(text.split('\n').at(-1)).toBe(
      '……另有 150 处问题未列出（共 250 处）；先改正以上问题，或用 npm run check -- --json 查看全部 / 150 more not shown (250 in all); fix the ones above first, or see them all with npm run check -- --json',
    );
  });

  it('prints every finding when there are 100 or fewer, with no trailer', () => {
    const text = formatIssues(Array.from({ length: 100 }, (_, n) => issue(n)));
    expect(text.split('\n').filter((l) => /^ {2}src\//.test(l))).toHaveLength(100);
    expect(text).not.toContain('未列出');
  });
});
