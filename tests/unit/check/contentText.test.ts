/**
 * Rules of the content check that are not one file's finding: invisible characters (ZW-TEXT-*),
 * the ids Astro gives 解读 headings (ZW-MDX-023), and what a document id may be (ZW-REF-002 and
 * the importer's --id).
 */
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../scripts/import.ts';
import { headingSlug, headingSlugger } from '../../../scripts/lib/check/headingSlug.ts';
import { blankForbiddenCharacters, describeCodePoint, findForbiddenCharacters } from '../../../scripts/lib/check/validateText.ts';
import { isLayoutId } from '../../../src/layouts/layoutIds.ts';
import { DOCUMENT_ID, documentIdProblem } from '../../../src/schemas/document.ts';

describe('control and bidi characters', () => {
  it('finds each with its line and column, and leaves tab and newline alone', () => {
    expect(findForbiddenCharacters('甲\t乙\n丙\u202e丁\n\n\0戊\r\u0085\u2069')).toEqual([
      { codePoint: 0x202e, line: 2, column: 2 },
      { codePoint: 0x00, line: 4, column: 1 },
      { codePoint: 0x0d, line: 4, column: 3 },
      { codePoint: 0x85, line: 4, column: 4 },
      { codePoint: 0x2069, line: 4, column: 5 },
    ]);
    expect(findForbiddenCharacters('政务公开\t2021\n\u200f\u2028\u3000')).toEqual([]);
  });
  it('names code points as U+XXXX with the bidi and common control names', () => {
    expect(describeCodePoint(0x202e)).toBe('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(describeCodePoint(0)).toBe('U+0000 NUL');
    expect(describeCodePoint(0x1b)).toBe('U+001B');
  });
  it('blanks them to spaces, keeping every position', () => {
    expect(blankForbiddenCharacters('a\0b\u202ec')).toBe('a b c');
  });
});

describe('heading ids', () => {
  it('are made as the page makes them', () => {
    expect(headingSlug('main')).toBe('main');
    expect(headingSlug('Reading Panel')).toBe('reading-panel');
    expect(headingSlug('谁来做、何时完成')).toBe('谁来做何时完成');
    expect(headingSlug('Site: Search!')).toBe('site-search');
    const slug = headingSlugger();
    expect(['政策背景', '政策背景', 'main', 'main'].map(slug)).toEqual(['政策背景', '政策背景-1', 'main', 'main-1']);
  });
  it('collide with the layout’s ids, literal and computed, and nothing else', () => {
    expect(['main', 'reading-panel', 'site-search', 'site-search-label', 'point-18', 'progress-18-1'].filter(isLayoutId)).toHaveLength(6);
    expect(['政策背景', 'main-1', 'mainly', 'point-a'].filter(isLayoutId)).toEqual([]);
  });
});

describe('document ids', () => {
  it('are at most 64 characters and no Windows device name', () => {
    expect(['2021', '2022-fujian', 'con-2021', 'a'.repeat(64)].filter((id) => !DOCUMENT_ID.test(id))).toEqual([]);
    expect(['con', 'nul', 'aux', 'prn', 'com1', 'lpt9', 'a'.repeat(65), 'Con', '2022_fujian'].filter((id) => DOCUMENT_ID.test(id))).toEqual(
      [],
    );
    expect(documentIdProblem('com1')?.en).toBe(
      '"com1" is a device name Windows reserves: a 查阅点 terminal cannot hold a folder of that name',
    );
    expect(documentIdProblem('a'.repeat(300))?.zh).toBe('文件编号有 300 个字符，最多 64 个（它是网址和文件夹名的一部分）');
    expect(documentIdProblem('2022-fujian')).toBeNull();
  });
  it('the importer refuses a 300-character --id with the reason, before it reads or writes anything', async () => {
    const err: string[] = [];
    const code = await runImport(['seeds/none.md', '--id', `2021-${'a'.repeat(295)}`], {
      root: '/nonexistent',
      out: () => {},
      err: (l) => err.push(l),
    });
    expect(code).toBe(2);
    expect(err).toEqual([
      `--id “2021-${'a'.repeat(35)}…”：文件编号有 300 个字符，最多 64 个（它是网址和文件夹名的一部分）；请换一个编号，如 2022-fujian / the id is 300 characters long, at most 64 (it is part of every URL and folder name); choose another id, e.g. 2022-fujian`,
    ]);
    err.length = 0;
    expect(await runImport(['seeds/none.md', '--id', 'con'], { root: '/nonexistent', out: () => {}, err: (l) => err.push(l) })).toBe(2);
    expect(err[0]).toContain('Windows');
  });
});
