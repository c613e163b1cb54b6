/**
 * The block builder shared by the HTML and Word readers: walks a hast tree (a parsed web page, or
 * the HTML mammoth makes of a .docx) and returns the neutral blocks of `types.ts` – headings,
 * paragraphs with their bold runs, and tables with rowspan/colspan resolved into a full grid.
 *
 * A paragraph is a maximal run of inline content inside one block element: `<p>`, `<li>`, a
 * `<div>` with direct text, a table cell… `<br>` separates its lines. HTML whitespace is collapsed
 * as a browser renders it (a line break between two Chinese characters disappears, CSS Text 3
 * segment-break rule); everything else is kept verbatim, the ends of each line trimmed of spaces,
 * no-break spaces and full-width spaces (U+3000, used for indentation).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { SourceBlock, TableCell, TableRow } from './types.ts';
import { PARAGRAPH_MAX } from '../../limits.ts';

/**
 * A paragraph or table cell longer than `PARAGRAPH_MAX` characters, at `line` of the source
 * (`readSource` turns it into an import error naming the file). `length` is what was counted when
 * the reader stopped, at least the limit.
 */
export class ParagraphTooLong extends Error {
  readonly line: number;
  readonly length: number;

  constructor(line: number, length: number) {
    super(`paragraph at ${line} is longer than ${PARAGRAPH_MAX} characters`);
    this.line = line;
    this.length = length;
  }
}

type Node = Root | RootContent | ElementContent;

/** Where a node starts and ends in the source, in the reader's unit (file lines, Word paragraphs). */
export interface Positions {
  /** `parents` is the chain of elements from the root down to the node's parent. */
  start(node: Node, parents: readonly Element[]): number;
  end(node: Node, parents: readonly Element[]): number;
}

export interface BuildOptions {
  positions: Positions;
  /**
   * Read centred or bold paragraphs at the top (before the first ordinary paragraph or table) as
   * title headings of level 0. Only for a whole document, never inside a table cell.
   */
  titleRegion: boolean;
}

/** Elements that never hold article text. */
const SKIP = new Set([
  'head',
  'title',
  'meta',
  'link',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'input',
  'button',
  'select',
  'textarea',
  'img',
  'map',
  'area',
  'nav',
  'footer',
  'aside',
  'hr',
]);

/** Block-level elements: each starts a new paragraph. */
const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  ...SKIP,
]);

/** Words in a class or id that mark page chrome rather than article text. */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'submenu',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'share',
  'bdshare',
  'bshare',
  'jiathis',
  'fenxiang',
  'footer',
  'foot',
  'sidebar',
  'aside',
  'toolbar',
  'search',
  'location',
  'position',
  'dqwz',
  'copyright',
  'related',
  'xgwz',
  'xgxx',
]);

const HEADING = /^h([1-6])$/u;

/** The element's class and id split into lower-case words (`main-nav_top` → main, nav, top). */
export function words(el: Element): string[] {
  return [...classes(el), String(el.properties.id ?? '')]
    .flatMap((s) => s.split(/[^A-Za-z0-9]+/u))
    .map((w) => w.toLowerCase())
    .filter(Boolean);
}

/** Class a reader puts on a paragraph it knows is centred (Word alignment mammoth does not print). */
export const CENTRED_CLASS = 'import-centred';
/** Class a reader puts on a paragraph styled as the document title (Word's "Title" style). */
export const TITLE_CLASS = 'import-title';

function classes(el: Element): string[] {
  const cls = el.properties.className;
  return Array.isArray(cls) ? cls.map(String) : cls === undefined || cls === null ? [] : String(cls).split(/\s+/u);
}

/** Inline CSS declarations of an element (`style` attribute only), property names lower case. */
export function styleOf(el: Element): Map<string, string> {
  const style = new Map<string, string>();
  for (const decl of String(el.properties.style ?? '').split(';')) {
    const colon = decl.indexOf(':');
    if (colon > 0)
      style.set(
        decl.slice(0, colon).trim().toLowerCase(),
        decl
          .slice(colon + 1)
          .trim()
          .toLowerCase(),
      );
  }
  return style;
}

/** Page chrome (navigation, breadcrumbs, share buttons, footers, sidebars) or hidden content. */
export function isChrome(el: Element, insideArticle: boolean): boolean {
  if (SKIP.has(el.tagName)) return true;
  if (el.tagName === 'header' && !insideArticle) return true;
  if (el.properties.hidden !== undefined && el.properties.hidden !== false) return true;
  if (styleOf(el).get('display') === 'none') return true;
  return words(el).some((w) => CHROME_WORDS.has(w));
}

/** True, false, or undefined (inherit) for the element's own boldness. */
function ownBold(el: Element): boolean | undefined {
  const weight = styleOf(el)
    .get('font-weight')
    ?.replace(/\s*!important$/u, '');
  if (weight !== undefined) {
    if (weight === 'bold' || weight === 'bolder' || /^[6-9]00$/u.test(weight)) return true;
    if (weight === 'normal' || weight === 'lighter' || /^[1-5]00$/u.test(weight)) return false;
  }
  if (el.tagName === 'b' || el.tagName === 'strong' || el.tagName === 'th' || HEADING.test(el.tagName)) return true;
  return undefined;
}

function ownCentred(el: Element): boolean | undefined {
  if (el.tagName === 'center') return true;
  // `align` on a table places the table; on other elements it aligns their text.
  const attribute = el.tagName !== 'table' && typeof el.properties.align === 'string' ? el.properties.align.toLowerCase() : undefined;
  const align = styleOf(el).get('text-align') ?? attribute;
  if (align !== undefined) return align === 'center';
  if (classes(el).includes(CENTRED_CLASS)) return true;
  return undefined;
}

function isBlock(node: Node): boolean {
  return node.type === 'element' && BLOCK.has(node.tagName);
}

/** An inline element holding a block one (`<span><p>…</p></span>`) is walked as a block. */
function holdsBlock(node: Node): boolean {
  return node.type === 'element' && node.children.some((c) => isBlock(c) || holdsBlock(c));
}

/** Characters East Asian wide: a segment break between two of them renders as nothing. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const HTML_SPACE = /[ \t\n\f\r]/u;
/** Trimmed at the ends of each line: HTML whitespace, no-break space, full-width space. */
const EDGE_SPACE = /^[ \t\n\f\r\u00a0\u3000]+|[ \t\n\f\r\u00a0\u3000]+$/gu;

/** One character of a paragraph run with its boldness; `br` marks a hard line break. */
interface Char {
  ch: string;
  bold: boolean;
}

interface Run {
  chars: (Char | 'br')[];
  start?: number;
  end?: number;
}

interface Context {
  bold: boolean;
  centred: boolean;
  inArticle: boolean;
  parents: Element[];
}

/** Collapses HTML whitespace in one line the way a browser renders it, then trims the ends. */
function collapse(chars: Char[]): Char[] {
  const out: Char[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!HTML_SPACE.test(c.ch)) {
      out.push(c);
      continue;
    }
    let j = i;
    let newline = false;
    for (; j < chars.length && HTML_SPACE.test(chars[j]!.ch); j++) if (chars[j]!.ch === '\n') newline = true;
    const before = out[out.length - 1]?.ch ?? '';
    const after = chars[j]?.ch ?? '';
    if (!(newline && WIDE.test(before) && WIDE.test(after))) out.push({ ch: ' ', bold: c.bold });
    i = j - 1;
  }
  const text = out.map((c) => c.ch).join('');
  const lead = text.length - text.replace(/^[ \t\n\f\r\u00a0\u3000]+/u, '').length;
  const trail = text.length - text.replace(/[ \t\n\f\r\u00a0\u3000]+$/u, '').length;
  return out.slice(lead, out.length - trail);
}

/** A finished paragraph: lines, text, bold lead and whole-bold flag. */
function paragraphOf(run: Run): { text: string; lines: string[]; boldLead: string; bold: boolean } | undefined {
  const lines: Char[][] = [[]];
  for (const c of run.chars) {
    if (c === 'br') lines.push([]);
    else lines[lines.length - 1]!.push(c);
  }
  const kept = lines.map(collapse).filter((l) => l.length > 0);
  if (kept.length === 0) return undefined;
  const all = kept.flat();
  const visible = all.filter((c) => !/\s/u.test(c.ch));
  const bold = visible.length > 0 && visible.every((c) => c.bold);
  let lead = '';
  for (const c of all) {
    if (!c.bold && !/\s/u.test(c.ch)) break;
    lead += c.ch;
  }
  lead = lead.replace(EDGE_SPACE, '');
  const lineTexts = kept.map((l) => l.map((c) => c.ch).join(''));
  return { text: lineTexts.join(''), lines: lineTexts, boldLead: lead, bold };
}

/** 文号-shaped text (`某政办发〔2021〕12号`): a bracketed year. Such a line neither is a title nor ends the title region. */
const DOC_NUMBER = /[〔［[(（]\s*\d{4}\s*[〕］\])）]/u;
/** Longest paragraph read as a title. */
const TITLE_MAX = 80;

class Builder {
  readonly blocks: SourceBlock[] = [];
  private titleRegion: boolean;
  private readonly positions: Positions;

  constructor(options: BuildOptions) {
    this.positions = options.positions;
    this.titleRegion = options.titleRegion;
  }

  /** Walks a block container's children, cutting inline runs into paragraphs at block children. */
  container(el: Element | Root, ctx: Context): void {
    let run: Run = { chars: [] };
    const flush = () => {
      this.paragraph(run, ctx, el);
      run = { chars: [] };
    };
    const parents = el.type === 'element' ? [...ctx.parents, el] : ctx.parents;
    for (const child of el.children) {
      if (child.type === 'element' && (isBlock(child) || holdsBlock(child))) {
        flush();
        this.block(child, { ...ctx, parents });
      } else {
        this.inline(child, run, { ...ctx, parents });
      }
    }
    flush();
  }

  private block(el: Element, ctx: Context): void {
    if (isChrome(el, ctx.inArticle)) return;
    const inner: Context = {
      ...ctx,
      bold: ownBold(el) ?? ctx.bold,
      centred: ownCentred(el) ?? ctx.centred,
      inArticle: ctx.inArticle || el.tagName === 'article',
    };
    const heading = HEADING.exec(el.tagName);
    if (heading) {
      const run: Run = { chars: [] };
      this.inline(el, run, ctx);
      const p = paragraphOf(run);
      if (p)
        this.blocks.push({
          kind: 'heading',
          level: Number(heading[1]),
          text: p.text,
          bold: p.bold,
          line: run.start ?? this.positions.start(el, ctx.parents),
        });
      return;
    }
    if (el.tagName === 'table') {
      this.table(el, inner);
      return;
    }
    this.container(el, inner);
  }

  /** Appends the text of an inline node to the run, with boldness and positions. */
  private inline(node: Node, run: Run, ctx: Context): void {
    if (node.type === 'text') {
      // Refused before the characters are copied: a 50 MB paragraph would cost gigabytes as `Char`s.
      if (run.chars.length + node.value.length > PARAGRAPH_MAX)
        throw new ParagraphTooLong(run.start ?? this.positions.start(node, ctx.parents), run.chars.length + node.value.length);
      const bold = ctx.bold;
      for (const ch of node.value) run.chars.push({ ch, bold });
      if (node.value.trim()) {
        run.start ??= this.positions.start(node, ctx.parents);
        run.end = this.positions.end(node, ctx.parents);
      }
      return;
    }
    if (node.type !== 'element') return;
    if (isChrome(node, ctx.inArticle)) return;
    if (node.tagName === 'br') {
      run.chars.push('br');
      return;
    }
    const inner: Context = { ...ctx, bold: ownBold(node) ?? ctx.bold, parents: [...ctx.parents, node] };
    for (const child of node.children) this.inline(child, run, inner);
  }

  private paragraph(run: Run, ctx: Context, holder: Element | Root): void {
    const p = paragraphOf(run);
    if (!p) return;
    const line = run.start ?? 1;
    const endLine = run.end ?? line;
    if (holder.type === 'element' && classes(holder).includes(TITLE_CLASS)) {
      this.blocks.push({ kind: 'heading', level: 0, text: p.text, bold: p.bold, line });
      return;
    }
    if (this.titleRegion) {
      const short = p.text.length <= TITLE_MAX;
      const docNumber = DOC_NUMBER.test(p.text) && p.text.length <= 30;
      const first = this.blocks.length === 0;
      if (short && !docNumber && (ctx.centred || (p.bold && first))) {
        this.blocks.push({ kind: 'heading', level: 0, text: p.text, bold: p.bold, line });
        return;
      }
      if (!docNumber) this.titleRegion = false;
    }
    this.blocks.push({ kind: 'paragraph', ...p, line, endLine });
  }

  private table(table: Element, ctx: Context): void {
    const rows = rowsOf(table);
    const parents = [...ctx.parents, table];
    if (isLayoutTable(rows)) {
      for (const tr of rows) {
        for (const cell of cellsOf(tr)) this.block(cell, { ...ctx, parents: [...parents, tr] });
      }
      return;
    }
    this.titleRegion = false;
    for (const child of table.children) {
      if (child.type === 'element' && child.tagName === 'caption') this.block(child, { ...ctx, parents });
    }
    const grid: (TableCell | undefined)[][] = [];
    const tableRows: TableRow[] = [];
    const ownWidths = rows.map((tr) => cellsOf(tr).reduce((n, td) => n + Math.max(1, span(td.properties.colSpan, 1000)), 0));
    const tableWidth = Math.max(0, ...ownWidths);
    rows.forEach((tr, r) => {
      grid[r] ??= [];
      endOverlappingSpans(grid, r, ownWidths[r]!, tableWidth);
      const rowParents = [...parents, tr];
      let col = 0;
      for (const td of cellsOf(tr)) {
        while (grid[r]![col]) col++;
        const cell = this.cell(td, { ...ctx, parents: rowParents });
        const colspan = span(td.properties.colSpan, 1000);
        const rowspanRaw = span(td.properties.rowSpan, 65534);
        const rowspan = rowspanRaw === 0 ? rows.length - r : Math.min(rowspanRaw, rows.length - r);
        for (let dr = 0; dr < rowspan; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < colspan; dc++) {
            grid[r + dr]![col + dc] = dr === 0 && dc === 0 ? cell : { ...cell, spanOf: { row: r, col } };
          }
        }
        col += colspan;
      }
      tableRows.push({ cells: [], line: this.positions.start(tr, parents) });
    });
    const width = Math.max(0, ...grid.map((row) => row.length));
    if (width === 0) return;
    tableRows.forEach((row, r) => {
      for (let c = 0; c < width; c++) row.cells.push(grid[r]![c] ?? { text: '', bold: false, line: row.line });
    });
    this.blocks.push({
      kind: 'table',
      rows: tableRows,
      line: tableRows[0]?.line ?? this.positions.start(table, ctx.parents),
      endLine: this.positions.end(table, ctx.parents),
    });
  }

  /** A cell's text: its paragraphs' lines joined with `\n`; bold when all of them are bold. */
  private cell(td: Element, ctx: Context): TableCell {
    const inner = new Builder({ positions: this.positions, titleRegion: false });
    inner.container(td, { ...ctx, bold: ownBold(td) ?? ctx.bold, centred: ownCentred(td) ?? ctx.centred });
    const paragraphs = inner.blocks.flatMap((b): { lines: string[]; bold: boolean; line: number }[] =>
      b.kind === 'paragraph' ? [b] : b.kind === 'heading' ? [{ ...b, lines: [b.text] }] : [],
    );
    return {
      text: paragraphs.flatMap((p) => p.lines).join('\n'),
      bold: paragraphs.length > 0 && paragraphs.every((p) => p.bold),
      line: paragraphs[0]?.line ?? this.positions.start(td, ctx.parents),
    };
  }
}

/**
 * Word's HTML export sometimes gives every cell of a row `rowspan="2"` although the next row is a
 * full row of its own cells (no continuation follows). Laid out literally, that next row is
 * pushed right of the spans and the table grows columns nobody printed. A row whose own cells
 * fill the table's width cannot also be covered from above: the spans covering it end before it,
 * rightmost first, until its own cells fit. No text is lost (each spanned cell keeps its first
 * row) and none is repeated into a row that printed its own.
 */
function endOverlappingSpans(grid: (TableCell | undefined)[][], r: number, ownWidth: number, tableWidth: number): void {
  const row = grid[r]!;
  const covered = () => row.reduce((n, c) => n + (c ? 1 : 0), 0);
  for (let c = row.length - 1; c >= 0 && covered() + ownWidth > tableWidth; c--) {
    const origin = row[c]?.spanOf;
    if (!origin) continue;
    for (let k = r; k < grid.length; k++) {
      const cells = grid[k]!;
      cells.forEach((cell, j) => {
        if (cell?.spanOf?.row === origin.row && cell.spanOf.col === origin.col) cells[j] = undefined;
      });
    }
  }
}

/** A rowspan/colspan attribute as a number (HTML's limits; rowspan 0 means "to the end"). */
function span(value: unknown, max: number): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  return Math.min(n, max);
}

/** The table's own rows (thead/tbody/tfoot or direct), never those of a nested table. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) {
      for (const tr of child.children) if (tr.type === 'element' && tr.tagName === 'tr') rows.push(tr);
    }
  }
  return rows;
}

function cellsOf(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
}

/** Elements a data table's cell never holds: a cell holding one is page layout. */
const LAYOUT_INSIDE = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'nav', 'header', 'footer', 'aside', 'iframe', 'form']);

function holdsLayout(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && (LAYOUT_INSIDE.has(c.tagName) || holdsLayout(c)));
}

/**
 * Portals wrap whole pages in tables. A table is a data table when its cells hold text only – no
 * nested table, heading or page region – and it has more than one column.
 */
export function isLayoutTable(rows: Element[]): boolean {
  const cells = rows.map(cellsOf);
  if (cells.some((row) => row.some(holdsLayout))) return true;
  const widest = Math.max(0, ...cells.map((row) => row.reduce((n, td) => n + Math.max(1, span(td.properties.colSpan, 1000)), 0)));
  return widest < 2;
}

/** The blocks of a hast tree or element, in document order. */
export function blocksFromHast(root: Root | Element, options: BuildOptions, parents: Element[] = []): SourceBlock[] {
  const builder = new Builder(options);
  const ctx: Context = { bold: false, centred: false, inArticle: false, parents };
  if (root.type === 'element') {
    for (const p of parents) {
      ctx.bold = ownBold(p) ?? ctx.bold;
      ctx.centred = ownCentred(p) ?? ctx.centred;
      ctx.inArticle ||= p.tagName === 'article';
    }
    ctx.bold = ownBold(root) ?? ctx.bold;
    ctx.centred = ownCentred(root) ?? ctx.centred;
    ctx.inArticle ||= root.tagName === 'article';
  }
  builder.container(root, ctx);
  return builder.blocks;
}
