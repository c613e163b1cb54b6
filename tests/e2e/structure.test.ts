/** Page structure checks that axe does not make: heading outline, landmarks, marked languages. */
import { describe, expect, it } from 'vitest';
import { contentPages, distPath, htmlPages, sitemapPages } from './support/site.ts';
import type { Element } from 'hast';
import { attr, headingProblems, parseHtml, readHtml, select, selectAll, textLeavingOut } from './support/html.ts';

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
      const tree = parseHtml(html);
      if (selectAll('body main', tree).length !== 1) problems.push(`${path}: main`);
      if (selectAll('body > header', tree).length !== 1) problems.push(`${path}: banner`);
      if (selectAll('body > footer', tree).length !== 1) problems.push(`${path}: contentinfo`);
      for (const region of selectAll('body :is(nav, aside)', tree))
        if (!attr(region, 'aria-label') && !attr(region, 'aria-labelledby')) problems.push(`${path}: unnamed <${region.tagName}>`);
      const navNames = selectAll('body nav[aria-label]', tree).map((nav) => attr(nav, 'aria-label'));
      if (new Set(navNames).size !== navNames.length) problems.push(`${path}: duplicate nav names ${navNames.join(',')}`);
    }
    expect(problems).toEqual([]);
  });

  it('marks the language of any passage that is not Chinese', () => {
    const problems: string[] = [];
    for (const { path, html } of pages) {
      // The body's text outside elements that declare a language of their own: no runs of three or more Latin words.
      const runs =
        textLeavingOut(select('body', parseHtml(html)), inOtherLanguage).match(/\b[A-Za-z]{2,}(?:[\s,]+[A-Za-z]{2,}){2,}\b/g) ?? [];
      for (const run of runs) problems.push(`${path}: “${run}”`);
    }
    expect(problems).toEqual([]);
  });
});

/** Inline SVG, templates and elements marked with a language other than Chinese. */
function inOtherLanguage(element: Element): boolean {
  const lang = attr(element, 'lang');
  return element.tagName === 'svg' || element.tagName === 'template' || (lang !== undefined && !lang.startsWith('zh'));
}
