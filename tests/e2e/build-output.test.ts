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

  it('marks every page as Chinese and indexes only <main>', () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThanOrEqual(30);
    for (const page of pages) {
      const html = readHtml(distPath(page, page.endsWith('/') ? 'index.html' : ''));
      expect(html, page).toMatch(/<html[^>]*\blang="zh-CN"/);
      expect(html.match(/<main\b[^>]*data-pagefind-body/g) ?? [], page).toHaveLength(1);
    }
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
});
