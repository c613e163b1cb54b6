/**
 * Reads a Word `.docx` attachment into the neutral blocks of `types.ts`. mammoth turns the Word
 * body into HTML (bold runs as `<strong>`, Heading 1–6 styles as `<h1>`–`<h6>`, vertically merged
 * cells – `w:vMerge` – as `rowspan`, `w:gridSpan` as `colspan`); the HTML reader's block builder
 * then reads that HTML, so both formats give the same blocks for the same document.
 *
 * What mammoth leaves out and this reader puts back: paragraph alignment (a centred paragraph gets
 * a class the block builder reads as centred), the "Title" style (read as a level-0 heading).
 * What it refuses rather than misread: tables whose merges mammoth would drop or shift (see
 * `readDocx`). What it does not restore: the labels of Word's automatic numbering (`w:numPr`) –
 * such paragraphs come out as list items without their printed `一、`/`1.`; 公文 type them by hand.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { importError } from '../errors.ts';
import { blocksFromHast, CENTRED_CLASS, TITLE_CLASS, type Positions } from './hastBlocks.ts';
import type { SourceDocument } from './types.ts';

/** The parts of mammoth's document model this reader touches. */
interface WordNode {
  type: string;
  alignment?: string | null;
  numbering?: unknown;
  styleName?: string | null;
  styleId?: string | null;
  children?: WordNode[];
}

/** A style name no real document uses, given to centred paragraphs so the style map can mark them. */
const CENTRED_STYLE = 'import: centred';

const STYLE_MAP = [
  `p[style-name='Title'] => p.${TITLE_CLASS}:fresh`,
  `p[style-name='title'] => p.${TITLE_CLASS}:fresh`,
  `p[style-name='${CENTRED_STYLE}'] => p.${CENTRED_CLASS}:fresh`,
];

/** Gives centred body paragraphs (not headings, titles or list items) the centred style. */
function markCentred(node: WordNode): WordNode {
  if (node.type === 'paragraph') {
    const styled = /heading|title/iu.test(node.styleName ?? '') || /heading|title/iu.test(node.styleId ?? '');
    return node.alignment === 'center' && !styled && !node.numbering ? { ...node, styleId: null, styleName: CENTRED_STYLE } : node;
  }
  return node.children ? { ...node, children: node.children.map(markCentred) } : node;
}

/** Elements mammoth writes one per Word paragraph. */
const PARAGRAPH = /^(p|h[1-6]|li)$/u;

/**
 * Paragraph ordinals of every element: a Word paragraph (`<p>`, `<h1>`…, `<li>` in mammoth's
 * HTML) is numbered 1, 2, … in body order, table cells' paragraphs included (empty paragraphs
 * are kept so that the numbers match Word's count); an element spans its paragraphs.
 */
function paragraphPositions(tree: Root): Positions {
  const spans = new Map<Element, { start: number; end: number }>();
  let count = 0;
  const visit = (el: Element, paragraph?: { start: number; end: number }) => {
    // Inline elements inside a paragraph (`<strong>`, `<a>`) are that paragraph.
    if (paragraph) {
      spans.set(el, paragraph);
      for (const c of el.children) if (c.type === 'element') visit(c, paragraph);
      return;
    }
    const own = PARAGRAPH.test(el.tagName) ? { start: ++count, end: count } : undefined;
    const start = own?.start ?? count + 1;
    for (const c of el.children) if (c.type === 'element') visit(c, own && el.tagName !== 'li' ? own : undefined);
    spans.set(el, { start, end: Math.max(start, count) });
  };
  for (const c of tree.children) if (c.type === 'element') visit(c);
  const find = (node: unknown, parents: readonly Element[]) =>
    spans.get(node as Element) ??
    [...parents]
      .reverse()
      .map((p) => spans.get(p))
      .find(Boolean) ?? { start: 1, end: 1 };
  return {
    start: (node, parents) => find(node, parents).start,
    end: (node, parents) => find(node, parents).end,
  };
}

/** True when a node of the parsed XML, at any depth, is a `w:gridBefore` with a value above 0. */
function skipsColumns(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(skipsColumns);
  if (typeof node !== 'object' || node === null) return false;
  return Object.entries(node).some(([key, value]) =>
    key === 'w:gridBefore' ? [value].flat().some((v) => Number((v as Record<string, unknown>)?.['@_w:val'] ?? 0) > 0) : skipsColumns(value),
  );
}

/**
 * Rows that start further right than the table's first column (`w:gridBefore`, left by tables
 * drawn in WPS or pasted from elsewhere): mammoth ignores the offset, shifting every cell of such a
 * row one column or more to the left.
 */
async function hasRowOffsets(bytes: Uint8Array): Promise<boolean> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  return xml !== undefined && xml.includes('gridBefore') && skipsColumns(new XMLParser({ ignoreAttributes: false }).parse(xml));
}

/**
 * A `.docx` file as a SourceDocument. Word has no lines: `unit` is `paragraph`, and `line` is the
 * 1-based ordinal of the block's first paragraph in the document body, counting every paragraph
 * in order – empty ones, and those inside table cells (a row's line is its first cell's first
 * paragraph; a cell's line its first paragraph).
 */
export async function readDocx(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  let html: string;
  let merging: string | undefined;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, ignoreEmptyParagraphs: false, transformDocument: markCentred },
    );
    html = result.value;
    merging = result.messages.find((m) => m.message.includes('cell merging may be incorrect'))?.message;
  } catch (e) {
    throw importError(
      file,
      1,
      'format',
      `无法读取 Word 文件（${(e as Error).message}）`,
      `cannot read the Word file (${(e as Error).message})`,
      '用 Word 或 WPS 打开后重新另存为 .docx / open it in Word or WPS and save it again as .docx',
    );
  }
  // mammoth drops every merge of a table holding something other than rows and cells, and ignores
  // rows' column offsets: a grid read so would give tasks to the wrong departments.
  if (!merging && (await hasRowOffsets(bytes))) merging = 'w:gridBefore';
  if (merging) {
    throw importError(
      file,
      1,
      'table',
      `Word 表格的合并单元格无法可靠读取（${merging}）`,
      `the merged cells of a Word table cannot be read reliably (${merging})`,
      '在 Word 中将表格复制到新文档（或删除表格中的内容控件）后另存为 .docx，或另存为网页 .html / copy the table into a new document (or remove its content controls) and save as .docx, or save it as a web page .html',
    );
  }
  const tree = fromHtml(html, { fragment: true });
  const blocks = blocksFromHast(tree, { positions: paragraphPositions(tree), titleRegion: true });
  return { format: 'docx', unit: 'paragraph', blocks, meta: {}, pageBreaks: false, emptyCellIsMerge: false };
}
