import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { DIST, distPath, htmlPages } from './support/site.ts';
import { attr, hrefsOf, parseHtml, rawText, readPage, select, selectAll, textOf } from './support/html.ts';
import { resolveStaticFile } from '../../scripts/lib/serve/staticServer.ts';

/** The url() references of a stylesheet or a style attribute. */
const cssUrls = (css: string) => [...css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!);

/** Every URL a page's markup points at: href, src, srcset, and url() in its styles. */
function pageUrls(tree: Root): string[] {
  return [
    ...hrefsOf(tree),
    ...selectAll('[src]', tree).map((e) => attr(e, 'src')!),
    ...selectAll('[srcset]', tree).flatMap((e) =>
      attr(e, 'srcset')!
        .split(',')
        .map((s) => s.trim().split(/\s+/)[0]!),
    ),
    ...selectAll('style', tree).flatMap((e) => cssUrls(rawText(e))),
    ...selectAll('[style]', tree).flatMap((e) => cssUrls(attr(e, 'style')!)),
  ];
}

/** Every URL a built file points at inside the site. */
function internalUrls(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const urls = file.endsWith('.html') ? pageUrls(parseHtml(text)) : cssUrls(text);
  return urls.filter((u) => u.startsWith('/') && !u.startsWith('//'));
}

function filesWith(ext: string): string[] {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(DIST, f));
}

describe('internal links and assets', () => {
  it('every link, script, stylesheet, image and font URL inside the site resolves to a file', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of [...filesWith('.html'), ...filesWith('.css')]) {
      for (const url of internalUrls(file)) {
        checked++;
        const path = url.split('#')[0]!;
        if (!resolveStaticFile(DIST, path)) missing.push(`${file.slice(DIST.length)} → ${url}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });

  it('every in-page anchor (#id) a page links to exists on the target page', () => {
    const missing: string[] = [];
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) =>
      ids.get(file) ?? ids.set(file, new Set(selectAll('[id]', readPage(file)).map((e) => attr(e, 'id')!))).get(file)!;
    for (const page of htmlPages()) {
      const own = distPath(page, page.endsWith('/') ? 'index.html' : '');
      for (const href of hrefsOf(readPage(own)).filter((h) => h.includes('#'))) {
        const [target = '', id = ''] = href.split('#');
        const file = target === '' ? own : resolveStaticFile(DIST, target);
        if (!file || !statSync(file).isFile() || !idsOf(file).has(decodeURIComponent(id))) missing.push(`${page} → ${target}#${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('serves a Chinese 404 page that offers search and the home page', () => {
    const page = readPage(distPath('404.html'));
    expect(textOf(page)).toContain('页面未找到');
    expect(select('main form[action="/search/"]', page)).toBeDefined();
    expect(hrefsOf(page)).toContain('/');
    expect(existsSync(distPath('404.html'))).toBe(true);
  });
});
