import { readFileSync } from 'node:fs';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Visible text of an HTML string, roughly: scripts and styles dropped, tags removed, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m),
    );
}

export function readHtml(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The body of a page without inline SVG (its <title> is not a heading) and scripts. */
export function pageBody(html: string): string {
  return (/<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '').replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<script[\s\S]*?<\/script>/g, '');
}

/** What is wrong with a page's heading outline: not exactly one h1, first; a skipped level. */
export function headingProblems(path: string, html: string): string[] {
  const problems: string[] = [];
  const levels = [...pageBody(html).matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
  if (levels.filter((l) => l === 1).length !== 1 || levels[0] !== 1) problems.push(`${path}: h1 count/order ${levels.join(',')}`);
  levels.forEach((l, i) => {
    if (i > 0 && l > levels[i - 1]! + 1) problems.push(`${path}: h${levels[i - 1]} → h${l}`);
  });
  return problems;
}
