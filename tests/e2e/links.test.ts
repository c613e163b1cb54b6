import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, distPath, htmlPages } from './support/site.ts';
import { resolveStaticFile } from '../../src/lib/serve/staticServer.ts';

/** Every URL a built file points at inside the site: href, src, srcset, CSS url(). */
function internalUrls(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const urls = [
    ...[...text.matchAll(/\s(?:href|src)="([^"]+)"/g)].map((m) => m[1]!),
    ...[...text.matchAll(/\ssrcset="([^"]+)"/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim().split(/\s+/)[0]!)),
    ...[...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!),
  ];
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
    for (const page of htmlPages()) {
      const html = readFileSync(distPath(page, page.endsWith('/') ? 'index.html' : ''), 'utf8');
      for (const [, target = '', id = ''] of html.matchAll(/\shref="([^"#]*)#([^"]+)"/g)) {
        const file = target === '' ? distPath(page, page.endsWith('/') ? 'index.html' : '') : resolveStaticFile(DIST, target);
        if (!file || !statSync(file).isFile() || !readFileSync(file, 'utf8').includes(`id="${id}"`)) missing.push(`${page} → ${target}#${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('serves a Chinese 404 page that offers search and the home page', () => {
    const html = readFileSync(distPath('404.html'), 'utf8');
    expect(html).toContain('页面未找到');
    expect(html).toMatch(/<form[^>]*action="\/search\/"/);
    expect(html).toContain('href="/"');
    expect(existsSync(distPath('404.html'))).toBe(true);
  });
});
