import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COPY_LIMITS, copyScore, isCopied, longestCommonSubstring } from '../../../src/lib/jiedu/copyScore.ts';
import { normalizeForComparison } from '../../../src/lib/text/normalize.ts';
import { ownProse, proseLength, quotes, splitFrontMatter } from '../../../src/lib/jiedu/mdxText.ts';

const CONTENT = join(import.meta.dirname, '../../../src/content');
const point = (nn: string) => parse(readFileSync(join(CONTENT, 'points/2021', `${nn}.yaml`), 'utf8')) as { title: string; body: string[] };
const pointText = (nn: string) => `${point(nn).title}。${point(nn).body.join('')}`;

describe('copy score', () => {
  it('fails a 解读 made by pasting its point’s text, even re-punctuated and padded with prose', () => {
    const pasted = `这项政策很重要。${pointText('18').replace(/，/g, '；')}希望大家关注。`;
    const score = copyScore(pasted, pointText('18'));
    expect(score.longestRun).toBeGreaterThan(100);
    expect(isCopied(score)).toBe(true);
  });

  it('fails one copied sentence inside otherwise original prose', () => {
    const sentence = '各类解读材料要更加注重对政策背景、出台目的、重要举措等方面的实质性解读';
    const text = `政策解读不是把文件再念一遍，而是讲清楚为什么出台、要解决什么问题、对群众和企业有什么影响。${sentence}。这样群众读完就知道该找谁、怎么办。`;
    expect(isCopied(copyScore(text, pointText('18')))).toBe(true);
  });

  it('passes an explanation that names the policy and quotes a short phrase', () => {
    const text =
      '这一项要求重要文件同时配上文字解读和图解，也就是常说的“图解全覆盖”。过去很多解读只是把原文换个说法，群众看完还是不明白；现在要求讲清楚背景和目的，用问答、动画等方式，让普通人也能看懂。';
    const score = copyScore(text, pointText('18'));
    expect(score.longestRun).toBeLessThan(12);
    expect(isCopied(score)).toBe(false);
  });

  it('passes every shipped 解读 against its own 原文', () => {
    const dir = join(CONTENT, 'jiedu/2021');
    const files = readdirSync(dir).filter((f) => /^\d{2}\.mdx$/.test(f));
    expect(files.length).toBe(28);
    for (const f of files) {
      const { body } = splitFrontMatter(readFileSync(join(dir, f), 'utf8'));
      const score = copyScore(ownProse(body), pointText(f.slice(0, 2)));
      expect(isCopied(score), `${f}: ${JSON.stringify(score)}`).toBe(false);
    }
  });
});

describe('MDX prose', () => {
  const mdx = `---\ntitle: t\n---\n\n## 政策背景\n\n这是**自己的**解释。\n\n<Quote>市政府各部门制发的</Quote>\n\n<Tasks point="2021/18" />\n\n<Note>提示文字</Note>\n`;
  it('separates front matter from the body and knows the body’s first line', () => {
    const { frontMatter, body, bodyLine } = splitFrontMatter(mdx);
    expect(frontMatter).toBe('title: t');
    expect(bodyLine).toBe(4);
    expect(body.startsWith('\n## 政策背景')).toBe(true);
  });
  it('counts own prose only: no headings, quotes or component tags', () => {
    const { body } = splitFrontMatter(mdx);
    expect(quotes(body)).toEqual(['市政府各部门制发的']);
    expect(ownProse(body)).not.toContain('市政府各部门制发的');
    expect(proseLength(body)).toBe([...'这是自己的解释提示文字'].length);
  });
});

describe('longest common substring', () => {
  /** The plain quadratic definition, to check the automaton against. */
  const naive = (a: string, b: string) => {
    let best = '';
    for (let i = 0; i < a.length; i++)
      for (let j = i + best.length + 1; j <= a.length; j++) if (b.includes(a.slice(i, j))) best = a.slice(i, j);
    return best.length;
  };
  it('agrees with the definition on random texts over a small alphabet', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = (n: number) => Array.from({ length: n }, () => '政务公开解读'[Math.floor(rand() * 6)]).join('');
    for (let k = 0; k < 300; k++) {
      const a = text(1 + Math.floor(rand() * 40));
      const b = text(Math.floor(rand() * 60));
      const run = longestCommonSubstring(a, b);
      expect(run.length, `${a} / ${b}`).toBe(naive(a, b));
      expect(a.includes(run) && b.includes(run)).toBe(true);
    }
  });
  it('scores a 解读 against a whole document of three megabytes (a large archive’s 通知 + 要点)', () => {
    const document = pointText('18').repeat(Math.ceil(3_000_000 / pointText('18').length));
    expect(copyScore(pointText('17'), document).longestRun).toBeLessThan(COPY_LIMITS.longestRun);
    expect(copyScore(`${pointText('17')}${pointText('18').slice(0, 60)}`, document).longestRun).toBe(
      [...normalizeForComparison(pointText('18').slice(0, 60))].length,
    );
    // A behaviour test, not a timing: the limit only stops a quadratic regression from hanging CI.
  }, 60_000);
});
