import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { distPath, htmlPages } from './support/site.ts';
import { htmlText, readHtml } from './support/html.ts';

const CONTENT = resolve(import.meta.dirname, '../../src/content');
const points2021 = readdirSync(join(CONTENT, 'points/2021'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ nn: f.slice(0, 2), data: parse(readFileSync(join(CONTENT, 'points/2021', f), 'utf8')) as { no: number; title: string; body: string[] } }));

describe('the built site (dist/)', () => {
  it('has one page per 2021 point, 28 in all, each with the point’s title and body verbatim', () => {
    expect(points2021).toHaveLength(28);
    for (const { nn, data } of points2021) {
      const file = distPath('yaodian', '2021', nn, 'index.html');
      expect(existsSync(file), file).toBe(true);
      const text = htmlText(readHtml(file));
      expect(text).toContain(`${data.title}。`);
      for (const paragraph of data.body) expect(text, `point ${nn}`).toContain(paragraph);
    }
  });

  it('puts every point’s tasks on its page', () => {
    const tasksDir = join(CONTENT, 'tasks/2021');
    for (const f of readdirSync(tasksDir).filter((n) => n.endsWith('.yaml'))) {
      const task = parse(readFileSync(join(tasksDir, f), 'utf8')) as { point: string; text: string };
      const nn = task.point.split('/')[1]!;
      expect(htmlText(readHtml(distPath('yaodian', '2021', nn, 'index.html'))), f).toContain(task.text);
    }
  });

  it('marks every page as Chinese; content pages index only <main>, lists and navigation pages nothing', () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThanOrEqual(30);
    const contentPage = /^\/(yaodian\/\d{4}\/(\d{2}\/)?|jiedu\/\d{4}\/(\d{2}\/)?|tujie\/\d{4}\/(\d{2}\/)?|renwu\/\d{4}\/|bumen\/[a-z0-9-]+\/)$/;
    let indexed = 0;
    for (const page of pages) {
      const html = readHtml(distPath(page, page.endsWith('/') ? 'index.html' : ''));
      expect(html, page).toMatch(/<html[^>]*\blang="zh-CN"/);
      const bodies = html.match(/data-pagefind-body/g) ?? [];
      expect(bodies.length, page).toBe(contentPage.test(page) ? 1 : 0);
      if (bodies.length) {
        expect(html, page).toMatch(/<main\b[^>]*data-pagefind-body/);
        indexed++;
      }
    }
    const entry = JSON.parse(readFileSync(distPath('pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
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
    const meta = (html: string, attr: 'name' | 'property', key: string) => new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html)?.[1];
    for (const page of htmlPages().filter((p) => p.endsWith('/'))) {
      const html = readHtml(distPath(page, 'index.html'));
      expect(html, page).toMatch(/<title>[^<]+<\/title>/);
      expect(meta(html, 'name', 'description'), page).toBeTruthy();
      expect(html, page).toContain(`<link rel="canonical" href="${new URL(page, site.url).href}">`);
      expect(meta(html, 'property', 'og:url'), page).toBe(new URL(page, site.url).href);
      expect(meta(html, 'name', 'SiteName'), page).toBe(site.name);
    }
    const point = readHtml(distPath('yaodian', '2021', '18', 'index.html'));
    expect(meta(point, 'name', 'ArticleTitle')).toBe('18. 创新政策解读形式');
    expect(meta(point, 'name', 'PubDate')).toBe('2021-06-22');
    expect(meta(point, 'name', 'ContentSource')).toBe('沈阳市政务公开领导小组');
    expect(meta(point, 'name', 'ColumnName')).toBe('工作要点');
  });

  it('prints the government metadata block as a description list with machine-readable dates', () => {
    for (const page of [['yaodian', '2021'], ['yaodian', '2021', '05']]) {
      const html = readHtml(distPath(...page, 'index.html'));
      const block = /<dl class="gov-meta"[^>]*>([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? '';
      const text = htmlText(block);
      for (const label of ['主题分类', '发文机关', '沈阳市政务公开领导小组', '发文字号', '沈政公领发〔2021〕1号', '成文日期', '发布日期', '公开属性', '主动公开']) {
        expect(text, `${page.join('/')}: ${label}`).toContain(label);
      }
      expect(block).toMatch(/<time datetime="2021-06-22"[^>]*>2021年6月22日<\/time>/);
    }
  });

  it('lays the task ledger out as an accessible table: caption, column and row headers, a row group per section', () => {
    const html = /<table class="ledger"[\s\S]*?<\/table>/.exec(readHtml(distPath('renwu', '2021', 'index.html')))![0];
    expect(html).toMatch(/<caption[^>]*>沈阳市2021年政务公开工作重点任务分解表（共 58 项任务）<\/caption>/);
    expect(html.match(/<th scope="col"[^>]*>/g)).toHaveLength(7);
    expect(html.match(/<th scope="rowgroup" colspan="7"[^>]*>/g)).toHaveLength(4);
    expect(html.match(/<th scope="row"[^>]*>/g)).toHaveLength(58);
    expect(html.match(/<tbody[^>]*>/g)).toHaveLength(4);
  });
});

