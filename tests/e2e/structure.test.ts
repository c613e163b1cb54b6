/** Page structure checks that axe does not make: heading outline, landmarks, marked languages. */
import { describe, expect, it } from 'vitest';
import { contentPages, distPath, htmlPages, sitemapPages } from './support/site.ts';
import { headingProblems, htmlText, pageBody as body, readHtml } from './support/html.ts';

const pages = htmlPages().map((p) => ({ path: p, html: readHtml(distPath(p, p.endsWith('/') ? 'index.html' : '')) }));

describe('structure of every page', () => {
  // The checks below loop over the built pages: they must be the whole site, not an empty or partial dist/.
  it('covers every page the content collections call for and every page of the sitemap', () => {
    const built = new Set(pages.map((p) => p.path));
    const expected = contentPages();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.filter((p) => !built.has(p.path))).toEqual([]);
    const sitemap = sitemapPages();
    expect(sitemap.filter((p) => !built.has(p))).toEqual([]);
    expect(expected.filter((p) => p.listed && !sitemap.includes(p.path))).toEqual([]);
  });

  it('has exactly one h1, first, and headings that never skip a level', () => {
    expect(pages.flatMap(({ path, html }) => headingProblems(path, html))).toEqual([]);
  });

  it('has one main, one banner and one contentinfo, and names every navigation and complementary region', () => {
    const problems: string[] = [];
    for (const { path, html } of pages) {
      const b = body(html);
      if ((b.match(/<main\b/g) ?? []).length !== 1) problems.push(`${path}: main`);
      if ((b.match(/<header class="site-header/g) ?? []).length !== 1) problems.push(`${path}: banner`);
      if ((b.match(/<footer class="site-footer/g) ?? []).length !== 1) problems.push(`${path}: contentinfo`);
      for (const [tag] of b.matchAll(/<(nav|aside)\b[^>]*>/g))
        if (!/aria-label(ledby)?="[^"]+"/.test(tag)) problems.push(`${path}: unnamed ${tag}`);
      const navNames = [...b.matchAll(/<nav\b[^>]*aria-label="([^"]+)"/g)].map((m) => m[1]);
      if (new Set(navNames).size !== navNames.length) problems.push(`${path}: duplicate nav names ${navNames.join(',')}`);
    }
    expect(problems).toEqual([]);
  });

  it('marks the language of any passage that is not Chinese', () => {
    const problems: string[] = [];
    for (const { path, html } of pages) {
      // Drop elements that declare a language of their own, then look for runs of three or more Latin words.
      const rest = body(html).replace(/<(\w+)\b[^>]*\slang="(?!zh)[^"]*"[^>]*>[\s\S]*?<\/\1>/g, ' ');
      const runs = htmlText(rest).match(/\b[A-Za-z]{2,}(?:[\s,]+[A-Za-z]{2,}){2,}\b/g) ?? [];
      for (const run of runs) problems.push(`${path}: “${run}”`);
    }
    expect(problems).toEqual([]);
  });
});
