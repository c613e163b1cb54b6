/**
 * Reads a Word `.docx` attachment into the neutral blocks of `types.ts`. mammoth turns the Word
 * body into HTML (bold runs as `<strong>`, Heading 1–6 styles as `<h1>`–`<h6>`, vertically merged
 * cells – `w:vMerge` – as `rowspan`, `w:gridSpan` as `colspan`); the HTML reader's block builder
 * then reads that HTML, so both formats give the same blocks for the same document.
 *
 * What mammoth leaves out and this reader puts back: paragraph alignment (a centred paragraph gets
 * a class the block builder reads as centred), the "Title" style (read as a level-0 heading).
 */
import mammoth from 'mammoth';
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
    spans.get(node as Element) ?? [...parents].reverse().map((p) => spans.get(p)).find(Boolean) ?? { start: 1, end: 1 };
  return {
    start: (node, parents) => find(node, parents).start,
    end: (node, parents) => find(node, parents).end,
  };
}

/**
 * A `.docx` file as a SourceDocument. Word has no lines: `unit` is `paragraph`, and `line` is the
 * 1-based ordinal of the block's first paragraph in the document body, counting every paragraph
 * in order – empty ones, and those inside table cells (a row's line is its first cell's first
 * paragraph; a cell's line its first paragraph).
 */
export async function readDocx(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, ignoreEmptyParagraphs: false, transformDocument: markCentred },
    );
    html = result.value;
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
  const tree = fromHtml(html, { fragment: true });
  const blocks = blocksFromHast(tree, { positions: paragraphPositions(tree), titleRegion: true });
  return { format: 'docx', unit: 'paragraph', blocks, meta: {}, pageBreaks: false };
}
