/**
 * Defence in depth for 解读 (issue “Trust”, part 1): content that got past `npm run check` still
 * never reaches a page. A temporary copy of the project gets one Markdown and one MDX 解读 holding
 * every payload of tests/fixtures/jiedu-payloads.ts beside legitimate content, and Astro builds it
 * directly, without the check. Its pages must carry no trace of any payload and still show the
 * legitimate parts, components included; the real dist/ must carry none either.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteWorkspace, projectContent } from '../../scripts/lib/workspace.ts';
import { MARKDOWN_PAYLOADS, MDX_PAYLOADS, unsafeHtml } from '../fixtures/jiedu-payloads.ts';
import { attr, hrefsOf, parseHtml, readPage, select, textOf } from './support/html.ts';
import { distPath, htmlPages } from './support/site.ts';

const REPO = resolve(import.meta.dirname, '../..');
const root = join(tmpdir(), `zwgk-sanitise-${process.pid}`);
const out = join(root, 'out');

/** A 解读's front matter from the real one, with a body of our own. */
function jiedu(realPath: string, body: string): string {
  const real = readFileSync(join(REPO, realPath), 'utf8');
  return `${real.slice(0, real.indexOf('\n---\n') + 5)}\n${body}`;
}

const mdBody = [
  '## 正文',
  '合法段落 MDLEGIT，[站内链接](/yaodian/2021/17/)。',
  ...MARKDOWN_PAYLOADS.map(([, p]) => p),
  '结尾 MDEND。',
].join('\n\n');
const mdxBody = [
  '## 正文',
  '合法段落 MDXLEGIT，[站内链接](/yaodian/2021/18/)。',
  '<Quote>坚决杜绝简单摘抄文件。</Quote>',
  '<Note>提示 NOTELEGIT</Note>',
  '<Figure src="/images/e2e.png" alt="FIGURELEGIT" caption="图注" width={64} height={32} />',
  '<Tasks point="2021/18" />',
  ...MDX_PAYLOADS.map(([, p]) => p),
  '结尾 MDXEND。',
].join('\n\n');

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  const content = projectContent(REPO);
  content.delete('src/content/jiedu/2021/17.mdx');
  content.set('src/content/jiedu/2021/17.md', jiedu('src/content/jiedu/2021/17.mdx', mdBody));
  content.set('src/content/jiedu/2021/18.mdx', jiedu('src/content/jiedu/2021/18.mdx', mdxBody));
  createSiteWorkspace(REPO, root, content);
  mkdirSync(join(root, 'public/images'), { recursive: true });
  await sharp({ create: { width: 64, height: 32, channels: 3, background: '#c81e1e' } })
    .png()
    .toFile(join(root, 'public/images/e2e.png'));
  const build = spawnSync(process.execPath, ['scripts/lib/astroBuild.ts', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  expect(build.status, build.stderr).toBe(0);
  // The render step says what it removed, naming the file.
  expect(build.stdout + build.stderr).toMatch(/\[sanitize\] \S*jiedu\/2021\/17\.md: /);
  expect(build.stdout + build.stderr).toMatch(/\[sanitize\] \S*jiedu\/2021\/18\.mdx: /);
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a hostile 解读 built without the check', () => {
  it.each([
    ['Markdown', '17', ['MDLEGIT', 'MDEND']],
    ['MDX', '18', ['MDXLEGIT', 'MDXEND', 'NOTELEGIT', '坚决杜绝简单摘抄文件。', '——摘自原文']],
  ])('%s: no payload reaches the page, the legitimate content does', (_label, no, texts) => {
    const html = readFileSync(join(out, 'jiedu/2021', no, 'index.html'), 'utf8');
    expect(unsafeHtml(html, { fragment: false })).toEqual([]);
    const page = parseHtml(html);
    for (const text of texts) expect(textOf(page)).toContain(text);
    expect(hrefsOf(page)).toContain(`/yaodian/2021/${no}/`);
  });

  it('keeps the allowlisted components working: Figure with its size, Tasks with the point’s rows', () => {
    const page = readPage(join(out, 'jiedu/2021/18/index.html'));
    const figure = select('figure:has(img[src="/images/e2e.png"])', page);
    expect(['alt', 'width', 'height'].map((name) => attr(select('img', figure), name))).toEqual(['FIGURELEGIT', '64', '32']);
    expect(textOf(select('figcaption', figure))).toBe('图注');
    expect(textOf(page)).toContain('第18项的任务分解');
  });
});

describe('the real site', () => {
  it('has no trace of any payload on any page', () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThanOrEqual(100);
    const found = pages.flatMap((page) =>
      unsafeHtml(readFileSync(distPath(page, page.endsWith('/') ? 'index.html' : ''), 'utf8'), { fragment: false }).map(
        (f) => `${page}: ${f}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
