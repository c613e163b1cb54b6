/**
 * Several years: a second, newer document (a fixture in the published format) imported and built
 * beside 2021 in a temporary copy of the project. The newer year becomes current; 2021 moves to
 * 往期专题 with every page and URL intact.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteWorkspace, projectContent } from '../../scripts/bench/workspace.ts';
import { htmlPages } from './support/site.ts';
import { htmlText } from './support/html.ts';

const REPO = resolve(import.meta.dirname, '../..');
const FIXTURE = 'tests/fixtures/documents/linjiang-2023-yaodian.md';
let root: string;
let dist: string;

/** Test-only 解读 prose: long enough, shares nothing with the fixture's text. */
const PROSE = '这是为多年份归档测试生成的说明文字，用来满足解读篇幅要求，不代表任何真实政策内容。'.repeat(12);
const jiedu = (target: string, year: string) => `---
title: 测试解读
interprets:
  ${target}
summary: 测试用解读。
publishedAt: ${year}
origin: editorial
disclosure: 主动公开
---

## 政策背景

${PROSE}

## 出台目的

测试。

## 重要举措

**测试举措**：

| 举措 | 时限 |
| --- | --- |
| 测试举措一 | 年底 |

## 谁来做、何时完成

测试。
`;
const tujie = (target: string, year: string) => `interprets:
  ${target}
title: 图解：测试
publishedAt: ${year}
origin: editorial
disclosure: 主动公开
kind: generated
measures: [测试举措一, 测试举措二]
`;

function read(path: string): string {
  return readFileSync(join(dist, path), 'utf8');
}

beforeAll(() => {
  root = join(tmpdir(), `zwgk-archive-${process.pid}`);
  rmSync(root, { recursive: true, force: true });
  createSiteWorkspace(REPO, root, projectContent(REPO));
  mkdirSync(join(root, 'seeds'), { recursive: true });
  cpSync(join(REPO, FIXTURE), join(root, 'seeds/linjiang-2023-yaodian.md'));
  execFileSync(process.execPath, ['scripts/import.ts', 'seeds/linjiang-2023-yaodian.md'], { cwd: root, stdio: 'pipe' });
  const points = readdirSync(join(root, 'src/content/points/2023')).map((f) => f.replace('.yaml', ''));
  const date = '2023-03-08';
  mkdirSync(join(root, 'src/content/jiedu/2023'), { recursive: true });
  for (const nn of points) {
    // Plain Markdown, as an imported archive's 解读 are; the whole-document one stays MDX.
    writeFileSync(join(root, `src/content/jiedu/2023/${nn}.md`), jiedu(`point: 2023/${nn}`, date), { flag: 'w' });
  }
  mkdirSync(join(root, 'src/content/tujie/2023'), { recursive: true });
  for (const nn of points) writeFileSync(join(root, `src/content/tujie/2023/${nn}.yaml`), tujie(`point: 2023/${nn}`, date));
  writeFileSync(join(root, 'src/content/jiedu/2023/quanwen.mdx'), jiedu('document: "2023"', date));
  writeFileSync(join(root, 'src/content/tujie/2023/quanwen.yaml'), tujie('document: "2023"', date));
  execFileSync(process.execPath, ['scripts/build.ts'], { cwd: root, stdio: 'pipe', env: { ...process.env, ZW_AS_OF: '2023-06-01' } });
  dist = join(root, 'dist');
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a newer document makes 2021 an archived year', () => {
  it('builds both years', () => {
    expect(existsSync(join(dist, 'yaodian/2023/01/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'yaodian/2021/18/index.html'))).toBe(true);
  });

  it('makes the newer year current on the home page, with no link into 2021', () => {
    const home = read('index.html');
    expect(htmlText(home)).toContain('临江市 2023 年政务公开工作要点');
    expect(home).not.toMatch(/href="\/(yaodian|jiedu|tujie|renwu)\/2021\//);
    expect(home).not.toContain('/zhuanti/yaodian-2021/');
  });

  it('shows the archive notice on every 2021 page and on none of 2023’s', () => {
    const notice = '本专题已于2023年3月8日归档，内容仅供查阅。';
    for (const path of ['yaodian/2021/index.html', 'yaodian/2021/18/index.html', 'jiedu/2021/18/index.html', 'tujie/2021/18/index.html', 'renwu/2021/index.html', 'zhuanti/yaodian-2021/index.html']) {
      expect(htmlText(read(path)), path).toContain(notice);
    }
    for (const path of ['yaodian/2023/index.html', 'yaodian/2023/01/index.html', 'jiedu/2023/01/index.html', 'renwu/2023/index.html']) {
      expect(htmlText(read(path)), path).not.toContain('归档，内容仅供查阅');
    }
  });

  it('lists 2021 in 往期专题 by year, not among the active topics', () => {
    const archive = read('zhuanti/wangqi/index.html');
    expect(htmlText(archive)).toContain('2023年归档');
    expect(archive).toContain('href="/zhuanti/yaodian-2021/"');
    const active = read('zhuanti/index.html');
    expect(active).not.toContain('href="/zhuanti/yaodian-2021/"');
    expect(active).toContain('href="/zhuanti/yaodian-2023/"');
    expect(active).toContain('href="/zhuanti/wangqi/"');
  });

  it('gives each department one page per year, the newest at its usual address', () => {
    const current = htmlText(read('bumen/shi-zheng-fu-ban-gong-shi/index.html'));
    expect(current).toContain('2023年：牵头');
    const earlier = read('bumen/shi-zheng-fu-ban-gong-shi/2021/index.html');
    expect(htmlText(earlier)).toContain('2021年：牵头');
    expect(earlier).toContain('href="/bumen/shi-zheng-fu-ban-gong-shi/"');
  });

  it('renders a Markdown (.md) 解读 like an MDX one', () => {
    for (const path of ['jiedu/2023/01/index.html', 'jiedu/2023/index.html']) {
      const html = read(path);
      expect(html, path).toContain('<strong>测试举措</strong>');
      expect(html, path).toMatch(/<table>[\s\S]*<td>测试举措一<\/td>/);
      expect(htmlText(html), path).toContain(PROSE.slice(0, 30));
      expect(html, path).toContain('href="/yaodian/2023/');
    }
  });

  it('keeps every URL of the 2021-only site', () => {
    const before = htmlPages().filter((p) => !['/', '/404.html'].includes(p));
    const missing = before.filter((p) => !existsSync(join(dist, p, p.endsWith('/') ? 'index.html' : '')));
    expect(before.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
