import { readFileSync } from 'node:fs';
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select as selectOne, selectAll as selectEvery } from 'hast-util-select';
import { find, html as htmlSchema } from 'property-information';

/**
 * Built pages read with a real HTML parser (the one the site's own build steps use), queried with
 * CSS selectors: a test states what it looks for, not how the markup happens to be spelt.
 */

/** A whole page (or, with `fragment`, a piece of markup) as a hast tree. */
export function parseHtml(html: string, { fragment = false } = {}): Root {
  return fromHtml(html, { fragment });
}

/** A built page, parsed. */
export function readPage(path: string): Root {
  return parseHtml(readFileSync(path, 'utf8'));
}

/** The first element matching `selector`; fails, naming the selector, when there is none. */
export function select(selector: string, tree: Nodes): Element {
  const found = selectOne(selector, tree);
  if (!found) throw new Error(`no element matches ${selector}`);
  return found;
}

/** Every element matching `selector`, in document order. */
export function selectAll(selector: string, tree: Nodes): Element[] {
  return selectEvery(selector, tree);
}

/** The text a reader gets from a node: its text, scripts and styles left out. */
export function textOf(node: Nodes): string {
  return textLeavingOut(node, () => false);
}

/** `textOf`, also leaving out every element `leaveOut` names (as a space, so the words either side stay apart). */
export function textLeavingOut(node: Nodes, leaveOut: (element: Element) => boolean): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    if (node.tagName === 'script' || node.tagName === 'style') return '';
    if (leaveOut(node)) return ' ';
    if (node.tagName === 'template' && node.content) return textLeavingOut(node.content, leaveOut);
  }
  return 'children' in node ? node.children.map((c) => textLeavingOut(c, leaveOut)).join('') : '';
}

/** The text inside a `<script>` or `<style>`, byte for byte (what a CSP hash is taken of). */
export function rawText(element: Element): string {
  return element.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
}

/** An attribute as written in HTML (`class`, `data-light`, `aria-label`), or undefined when absent. */
export function attr(element: Element, name: string): string | undefined {
  const value = element.properties[find(htmlSchema, name).property];
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return '';
  return Array.isArray(value) ? value.join(find(htmlSchema, name).commaSeparated ? ',' : ' ') : String(value);
}

/** Every `href` in a tree (links, `<link>`s, `<area>`s), as written. */
export function hrefsOf(tree: Nodes): string[] {
  return selectAll('[href]', tree).map((e) => attr(e, 'href')!);
}

/** Visible text of an HTML string or fragment: scripts and styles dropped, entities decoded. */
export function htmlText(html: string): string {
  return textOf(parseHtml(html, { fragment: !/^\s*<(!doctype|html)\b/i.test(html) }));
}

export function readHtml(path: string): string {
  return readFileSync(path, 'utf8');
}

/** What is wrong with a page's heading outline: not exactly one h1, first; a skipped level. */
export function headingProblems(path: string, html: string): string[] {
  const problems: string[] = [];
  // Headings of the body's HTML; an inline SVG's <title> is not one, and `svg h1` cannot occur in HTML.
  const levels = selectAll('body :is(h1, h2, h3, h4, h5, h6)', parseHtml(html)).map((h) => Number(h.tagName.slice(1)));
  if (levels.filter((l) => l === 1).length !== 1 || levels[0] !== 1) problems.push(`${path}: h1 count/order ${levels.join(',')}`);
  levels.forEach((l, i) => {
    if (i > 0 && l > levels[i - 1]! + 1) problems.push(`${path}: h${levels[i - 1]} → h${l}`);
  });
  return problems;
}
