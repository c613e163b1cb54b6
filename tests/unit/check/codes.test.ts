/**
 * One catalogue of finding codes (scripts/lib/check/codes.ts): every code a check, a bad-input case or
 * the editor guide names is in it, and every code in it is reported by some check and has its row
 * in the troubleshooting tables of docs/editor-guide.md (section 八).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CODES } from '../../../scripts/lib/check/codes.ts';

const REPO = join(import.meta.dirname, '../../..');
const CODE = /ZW-[A-Z]+-\d{3}/g;
const catalogue = Object.keys(CHECK_CODES);
const codesIn = (text: string) => new Set(text.match(CODE) ?? []);
const unknown = (codes: Iterable<string>) => [...codes].filter((c) => !(c in CHECK_CODES));

const CHECK_DIR = join(REPO, 'scripts/lib/check');
const checkSources = readdirSync(CHECK_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'codes.ts')
  .map((f) => readFileSync(join(CHECK_DIR, f), 'utf8'))
  .join('\n');
const guide = readFileSync(join(REPO, 'docs/editor-guide.md'), 'utf8');
/** The troubleshooting section: from “八、npm run check 的全部错误信息” to the next section. */
const troubleshooting = guide.slice(guide.indexOf('\n## 八、'), guide.indexOf('\n## 九、'));

describe('finding codes', () => {
  it('are well formed, one area per check module', () => {
    for (const code of catalogue) expect(code).toMatch(/^ZW-(FILE|SCHEMA|REF|JIEDU|MDX|TEXT|PUBLIC)-\d{3}$/);
    for (const [code, text] of Object.entries(CHECK_CODES)) expect(text.zh && text.en, code).toBeTruthy();
  });

  it('every code the checks report is in the catalogue, and every catalogue code is reported by a check', () => {
    const used = codesIn(checkSources);
    expect(unknown(used)).toEqual([]);
    expect(catalogue.filter((c) => !used.has(c))).toEqual([]);
  });

  it('every code the bad-input corpus expects is in the catalogue', () => {
    const dir = join(REPO, 'tests/fixtures/bad');
    const cited = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => [...codesIn(readFileSync(join(dir, d.name, 'expected.json'), 'utf8'))]);
    expect(cited.length).toBeGreaterThan(0);
    expect(unknown(cited)).toEqual([]);
  });

  it('the editor guide documents every catalogue code in a table row with its description, and names no other code', () => {
    expect(troubleshooting.length).toBeGreaterThan(0);
    // The description as the catalogue gives it; the guide may set tags like `<Figure>` as code.
    const rows = new Map(
      [...troubleshooting.matchAll(/^\| `(ZW-[A-Z]+-\d{3})` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.replaceAll('`', '').trim()]),
    );
    const undocumented = Object.entries(CHECK_CODES)
      .filter(([code, text]) => rows.get(code) !== text.zh)
      .map(([code, text]) => `| \`${code}\` | ${text.zh} | … (guide has: ${rows.get(code) ?? 'no row'})`);
    expect(undocumented).toEqual([]);
    expect(unknown(codesIn(guide))).toEqual([]);
  });
});
