import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { distPath, htmlPages } from './support/site.ts';
import { cspHash } from '../../src/lib/security/cspHash.ts';
import { attr, rawText, readPage, select, selectAll, textOf } from './support/html.ts';

const CONTENT = resolve(import.meta.dirname, '../../src/content');
const points2021 = readdirSync(join(CONTENT, 'points/2021'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({
    nn: f.slice(0, 2),
    data: parse(readFileSync(join(CONTENT, 'points/2021', f), 'utf8')) as { no: number; title: string; body: string[] },
  }));

describe('the built site (dist/)', () => {
  it('has one page per 2021 point, 28 in all, each with the point’s title and body verbatim', () => {
    expect(points2021).toHaveLength(28);
    for (const { nn, data } of points2021) {
      const file = distPath('yaodian', '2021', nn, 'index.html');
      expect(existsSync(file), file).toBe(true);
      const text = textOf(readPage(file));
      expect(text).toContain(`${data.title}。`);
      for (const paragraph of data.body) expect(text, `point ${nn}`).toContain(paragraph);
    }
  });

  it('puts every point’s tasks on its page', () => {
    const tasksDir = join(CONTENT, 'tasks/2021');
    for (const f of readdirSync(tasksDir).filter((n) => n.endsWith('.yaml'))) {
      const task = parse(readFileSync(join(tasksDir, f), 'utf8')) as { point: string; text: string };
      const nn = task.point.split('/')[1]!;
      expect(textOf(readPage(distPath('yaodian', '2021', nn, 'index.html'))), f).toContain(task.text);
    }
  });

  it('marks every page as Chinese; content pages index only <main>, lists and navigation pages nothing', () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThanOrEqual(30);
    const contentPage =
      /^\/(yaodian\/\d{4}\/(\d{2}\/)?|jiedu\/\d{4}\/(\d{2}\/)?|tujie\/\d{4}\/(\d{2}\/)?|renwu\/\d{4}\/|bumen\/[a-z0-9-]+\/)$/;
    let indexed = 0;
    for (const page of pages) {
      const tree = readPage(distPath(page, page.endsWith('/') ? 'index.html' : ''));
      expect(attr(select('html', tree), 'lang'), page).toBe('zh-CN');
      const bodies = selectAll('[data-pagefind-body]', tree);
      expect(bodies.length, page).toBe(contentPage.test(page) ? 1 : 0);
      if (bodies.length) {
        expect(bodies[0]!.tagName, page).toBe('main');
        indexed++;
      }
    }
    const entry = JSON.parse(readFileSync(distPath('pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages['zh-cn']?.page_count).toBe(indexed);
  });

  it('ships a Pagefind index covering the point pages', () => {
    const entry = JSON.parse(readFileSync(distPath('pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const zh = Object.entries(entry.languages).find(([lang]) => lang.startsWith('zh'));
    expect(zh, JSON.stringify(entry.languages)).toBeDefined();
    expect(zh![1].page_count).toBeGreaterThanOrEqual(30);
    expect(existsSync(distPath('pagefind', 'pagefind.js'))).toBe(true);
  });

  it('gives every page its title, description, canonical URL, Open Graph and government meta tags', async () => {
    const { site } = await import('../../site.config.mjs');
    const meta = (tree: Root, key: 'name' | 'property', value: string) =>
      selectAll(`head meta[${key}="${value}"]`, tree).map((m) => attr(m, 'content'));
    for (const page of htmlPages().filter((p) => p.endsWith('/'))) {
      const tree = readPage(distPath(page, 'index.html'));
      expect(selectAll('head title', tree).map(textOf), page).toEqual([expect.stringMatching(/\S/)]);
      expect(meta(tree, 'name', 'description'), page).toEqual([expect.stringMatching(/\S/)]);
      expect(
        selectAll('head link[rel="canonical"]', tree).map((l) => attr(l, 'href')),
        page,
      ).toEqual([new URL(page, site.url).href]);
      expect(meta(tree, 'property', 'og:url'), page).toEqual([new URL(page, site.url).href]);
      expect(meta(tree, 'name', 'SiteName'), page).toEqual([site.name]);
    }
    const point = readPage(distPath('yaodian', '2021', '18', 'index.html'));
    expect(meta(point, 'name', 'ArticleTitle')).toEqual(['18. 创新政策解读形式']);
    expect(meta(point, 'name', 'PubDate')).toEqual(['2021-06-22']);
    expect(meta(point, 'name', 'ContentSource')).toEqual(['沈阳市政务公开领导小组']);
    expect(meta(point, 'name', 'ColumnName')).toEqual(['工作要点']);
  });

  it('prints the government metadata block as a description list with machine-readable dates', () => {
    for (const page of [
      ['yaodian', '2021'],
      ['yaodian', '2021', '05'],
    ]) {
      const block = select('dl.gov-meta', readPage(distPath(...page, 'index.html')));
      const text = textOf(block);
      for (const label of [
        '主题分类',
        '发文机关',
        '沈阳市政务公开领导小组',
        '发文字号',
        '沈政公领发〔2021〕1号',
        '成文日期',
        '发布日期',
        '公开属性',
        '主动公开',
      ]) {
        expect(text, `${page.join('/')}: ${label}`).toContain(label);
      }
      expect(selectAll('dd time[datetime="2021-06-22"]', block).map(textOf), page.join('/')).toContain('2021年6月22日');
    }
  });

  it('lays the task ledger out as an accessible table: caption, column and row headers, a row group per section', () => {
    const table = select('table.ledger', readPage(distPath('renwu', '2021', 'index.html')));
    expect(textOf(select(':scope > caption', table))).toBe('沈阳市2021年政务公开工作重点任务分解表（共 58 项任务）');
    expect(selectAll('thead th[scope="col"]', table)).toHaveLength(7);
    expect(selectAll(':scope > tbody', table)).toHaveLength(4);
    // Each section is a row group headed by a spanning header in its first row.
    for (const group of selectAll(':scope > tbody', table))
      expect(selectAll('tr:first-child > th[scope="rowgroup"][colspan="7"]', group), textOf(group).slice(0, 20)).toHaveLength(1);
    expect(selectAll('th[scope="rowgroup"]', table)).toHaveLength(4);
    expect(selectAll('tbody th[scope="row"]', table)).toHaveLength(58);
  });

  it('allows every inline script and style by its hash, in the page’s CSP and in _headers', () => {
    const headerPolicy = readFileSync(distPath('_headers'), 'utf8');
    let scripts = 0;
    for (const page of htmlPages()) {
      const tree = readPage(distPath(page, page.endsWith('/') ? 'index.html' : ''));
      const policy = attr(select('head meta[http-equiv="content-security-policy"]', tree), 'content')!;
      const directive = (name: string) => policy.split(';').find((d) => d.trim().startsWith(`${name} `)) ?? '';
      for (const [kind, selector] of [
        ['script-src', 'script:not([src])'],
        ['style-src', 'style'],
      ] as const) {
        for (const element of selectAll(selector, tree)) {
          const hash = `'${cspHash(rawText(element))}'`;
          expect(directive(kind).split(/\s+/), `${page}: ${kind} ${hash}`).toContain(hash);
          expect(headerPolicy, `${page}: _headers ${hash}`).toContain(hash);
          if (kind === 'script-src') scripts++;
        }
      }
    }
    expect(scripts).toBeGreaterThanOrEqual(htmlPages().length);
  });
});
