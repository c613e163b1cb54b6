import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../scripts/lib/check/index.ts';

/** A one-point document in a temporary tree, plus whatever 解读/图解 a test adds. */
const REPO = join(import.meta.dirname, '../../..');
const base: Record<string, string> = {
  'documents/2021.yaml': readFileSync(join(REPO, 'src/content/documents/2021.yaml'), 'utf8'),
  'points/2021/18.yaml': readFileSync(join(REPO, 'src/content/points/2021/18.yaml'), 'utf8'),
  'tasks/2021/18-1.yaml': readFileSync(join(REPO, 'src/content/tasks/2021/18-1.yaml'), 'utf8'),
  'departments/shi-zheng-fu-ban-gong-shi.yaml': readFileSync(join(REPO, 'src/content/departments/shi-zheng-fu-ban-gong-shi.yaml'), 'utf8'),
  'departments/qu-xian-shi-zheng-fu.yaml': readFileSync(join(REPO, 'src/content/departments/qu-xian-shi-zheng-fu.yaml'), 'utf8'),
  'departments/shi-zheng-fu-ge-bu-men.yaml': readFileSync(join(REPO, 'src/content/departments/shi-zheng-fu-ge-bu-men.yaml'), 'utf8'),
  'jiedu/2021/18.mdx': readFileSync(join(REPO, 'src/content/jiedu/2021/18.mdx'), 'utf8'),
  'jiedu/2021/quanwen.mdx': readFileSync(join(REPO, 'src/content/jiedu/2021/quanwen.mdx'), 'utf8'),
  'tujie/2021/18.yaml': readFileSync(join(REPO, 'src/content/tujie/2021/18.yaml'), 'utf8'),
  'tujie/2021/quanwen.yaml': readFileSync(join(REPO, 'src/content/tujie/2021/quanwen.yaml'), 'utf8'),
};

let root: string;
function check(changes: Record<string, string | null>) {
  root = mkdtempSync(join(tmpdir(), 'jiedu-'));
  for (const [path, text] of Object.entries({ ...base, ...changes })) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, 'src/content', path)), { recursive: true });
    writeFileSync(join(root, 'src/content', path), text);
  }
  return checkContent(root);
}
afterEach(() => rmSync(root, { recursive: true, force: true }));
const jiedu18 = base['jiedu/2021/18.mdx']!;

describe('解读 and 图解 rules', () => {
  it('accepts the shipped 解读 and 图解 and reports full coverage', () => {
    const { issues, interpretations } = check({});
    expect(issues).toEqual([]);
    expect(interpretations).toMatchObject({ policies: 2, jieduCovered: 2, tujieCovered: 2 });
  });

  it('reports a policy without a 图解, naming the file to create', () => {
    const { issues, interpretations } = check({ 'tujie/2021/18.yaml': null });
    expect(interpretations.tujieCovered).toBe(1);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'src/content/points/2021/18.yaml' });
    expect(issues[0]!.fix).toContain('src/content/tujie/2021/18.yaml');
  });

  it('三同步: a later publication date needs a lateReason', () => {
    const late = jiedu18.replace(/^lateReason:.*\n/m, '');
    const { issues } = check({ 'jiedu/2021/18.mdx': late });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'src/content/jiedu/2021/18.mdx', field: 'publishedAt', line: 6 });
    expect(issues[0]!.zh).toContain('三同步');
    const sameDay = late.replace(/^publishedAt:.*$/m, 'publishedAt: 2021-06-22');
    expect(check({ 'jiedu/2021/18.mdx': sameDay }).issues).toEqual([]);
  });

  it('fails a 解读 that pastes its 原文, and one that quotes words the 原文 does not have', () => {
    const point = readFileSync(join(REPO, 'src/content/points/2021/18.yaml'), 'utf8');
    const body = /body:\n\s+- (.+)/.exec(point)![1]!;
    const pasted = jiedu18.replace('## 出台目的', `## 出台目的\n\n${body}\n`);
    expect(check({ 'jiedu/2021/18.mdx': pasted }).issues.map((i) => i.en)).toEqual([expect.stringContaining('copies its 原文')]);
    const misquoted = jiedu18.replace('## 重要举措', '## 重要举措\n\n<Quote>所有文件一律配发动画视频</Quote>\n');
    expect(check({ 'jiedu/2021/18.mdx': misquoted }).issues.map((i) => i.en)).toEqual(['the text in a <Quote> is not found in the 原文']);
  });

  it('requires enough own prose and the four parts', () => {
    const short = jiedu18.split('## 政策背景')[0] + '## 政策背景\n\n很短。\n';
    const messages = check({ 'jiedu/2021/18.mdx': short }).issues.map((i) => i.en);
    expect(messages).toEqual([
      expect.stringContaining('too short'),
      expect.stringContaining('## 出台目的, ## 重要举措, ## 谁来做、何时完成'),
    ]);
  });

  it('requires the file name to match what it interprets (the URL depends on it)', () => {
    const { issues } = check({ 'jiedu/2021/18.mdx': null, 'jiedu/2021/17.mdx': jiedu18 });
    expect(issues.map((i) => i.en)).toEqual([expect.stringContaining('expected src/content/jiedu/2021/18.mdx')]);
  });

  it('requires alt text and a long description for a hand-made 图解', () => {
    const handMade = base['tujie/2021/18.yaml']!.replace(/kind: generated[\s\S]*$/, 'kind: image\nimage: ./18.png\n');
    const fields = check({ 'tujie/2021/18.yaml': handMade }).issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['alt', 'description']));
  });
});

describe('coverage counts published entries only', () => {
  it('a 不予公开 图解 and a 依申请公开 解读 do not cover their policy', () => {
    const { issues, interpretations } = check({
      'tujie/2021/18.yaml': base['tujie/2021/18.yaml']!.replace('disclosure: 主动公开', 'disclosure: 不予公开'),
      'jiedu/2021/quanwen.mdx': base['jiedu/2021/quanwen.mdx']!.replace('disclosure: 主动公开', 'disclosure: 依申请公开'),
    });
    expect(interpretations).toMatchObject({ policies: 2, jieduCovered: 1, tujieCovered: 1 });
    expect(issues.map((i) => `${i.file} ${i.code}`).sort()).toEqual([
      'src/content/documents/2021.yaml ZW-JIEDU-009',
      'src/content/points/2021/18.yaml ZW-JIEDU-009',
    ]);
    expect(issues.find((i) => i.file === 'src/content/points/2021/18.yaml')?.zh).toBe(
      '要点 2021/18 缺少图解（文字解读和图解须全覆盖）：src/content/tujie/2021/18.yaml 是不予公开，不在网站上公开，不算覆盖',
    );
  });
});
