/**
 * Page-weight budgets, checked on the real dist/ (sizes are deterministic; timings live in
 * `npm run bench`). gzip at level 6, what servers commonly send.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST, distPath } from './support/site.ts';
import { attr, readPage, selectAll } from './support/html.ts';
import { join } from 'node:path';

const gz = (path: string) => gzipSync(readFileSync(path), { level: 6 }).length;
const KB = 1024;

/** A page's own weight: HTML, its stylesheets, and its module scripts with everything they import. */
function weight(page: string) {
  const htmlPath = distPath(page, 'index.html');
  const tree = readPage(htmlPath);
  const css = selectAll('link[rel~="stylesheet"][href]', tree).map((l) => attr(l, 'href')!);
  const js = new Set<string>();
  const visit = (src: string) => {
    if (js.has(src)) return;
    js.add(src);
    const code = readFileSync(join(DIST, src), 'utf8');
    for (const [, dep] of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) visit(`/_astro/${dep!.slice(2)}`);
  };
  for (const script of selectAll('script[type="module"][src]', tree)) visit(attr(script, 'src')!);
  const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gz(join(DIST, f)), 0);
  return { html: gz(htmlPath), css: sum(css), js: sum(js) };
}

/** Font bytes a first visit downloads: the site subsets every page uses (one file per weight). */
function firstVisitFontBytes(): number {
  const css = readFileSync(distPath('fonts', 'fonts.css'), 'utf8');
  return [...css.matchAll(/@font-face\{[^}]*src:url\(([^)]+)\)[^}]*\}/g)]
    .filter(([face]) => !face.includes('unicode-range'))
    .reduce((n, [, url]) => n + readFileSync(join(DIST, url!)).length, 0);
}

const CONTENT_PAGES = [
  '/yaodian/2021/18/',
  '/jiedu/2021/18/',
  '/tujie/2021/18/',
  '/yaodian/2021/',
  '/renwu/2021/',
  '/bumen/shi-zheng-fu-ban-gong-shi/',
  '/',
];

describe('page-weight budgets', () => {
  it('keeps a point page within HTML 12 KB, CSS 15 KB, JS 15 KB and 60 KB in all before fonts', () => {
    const w = weight('/yaodian/2021/18/');
    console.log(`point page gzip: HTML ${(w.html / KB).toFixed(1)} KB, CSS ${(w.css / KB).toFixed(1)} KB, JS ${(w.js / KB).toFixed(1)} KB`);
    expect(w.html).toBeLessThanOrEqual(12 * KB);
    expect(w.css).toBeLessThanOrEqual(15 * KB);
    expect(w.js).toBeLessThanOrEqual(15 * KB);
    expect(w.html + w.css + w.js).toBeLessThanOrEqual(60 * KB);
  });

  it('keeps JavaScript under 15 KB on every content page, and never needed to read it', () => {
    for (const page of CONTENT_PAGES) {
      const w = weight(page);
      expect(w.js, page).toBeLessThanOrEqual(15 * KB);
      // Every script is a deferred module: the text is all in the HTML, readable before and without it.
      const blocking = selectAll('script[src]:not([type="module"])', readPage(distPath(page, 'index.html')));
      expect(
        blocking.map((s) => attr(s, 'src')),
        page,
      ).toEqual([]);
    }
  });

  it('downloads at most 400 KB of font on a first visit', () => {
    const bytes = firstVisitFontBytes();
    console.log(`first-visit fonts: ${(bytes / KB).toFixed(0)} KB`);
    expect(bytes).toBeGreaterThan(50 * KB);
    expect(bytes).toBeLessThanOrEqual(400 * KB);
  });
});
