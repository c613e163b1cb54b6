/**
 * Reads a Word `.docx` attachment into the neutral blocks of `types.ts`. mammoth turns the Word
 * body into HTML (bold runs as `<strong>`, Heading 1–6 styles as `<h1>`–`<h6>`, vertically merged
 * cells – `w:vMerge` – as `rowspan`, `w:gridSpan` as `colspan`); the HTML reader's block builder
 * then reads that HTML, so both formats give the same blocks for the same document.
 *
 * What mammoth leaves out and this reader puts back: paragraph alignment (a centred paragraph gets
 * a class the block builder reads as centred), the "Title" style (read as a level-0 heading), the
 * labels of Word's automatic numbering (`一、`, `（一）`, `1.` computed from numbering.xml, see
 * `docxNumbering.ts`), the result text of simple fields (`w:fldSimple`).
 * What it refuses rather than misread: tables whose merges mammoth would drop or shift (see
 * `readDocx`), numbering in a format it cannot print, parts that inflate beyond `INFLATED_LIMIT`.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { XMLParser } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { importError } from '../errors.ts';
import { unwrapSimpleFields } from './docxFields.ts';
import { readNumbering, restoreNumbering } from './docxNumbering.ts';
import { blocksFromHast, CENTRED_CLASS, TITLE_CLASS, type Positions } from './hastBlocks.ts';
import { attributeOf, xmlTags } from './xmlTags.ts';
import { inflateXmlParts, TooLarge } from '../../inflate.ts';
import { INFLATED_LIMIT } from '../../limits.ts';
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
function hasRowOffsets(xml: string): boolean {
  return xml.includes('gridBefore') && skipsColumns(new XMLParser({ ignoreAttributes: false }).parse(xml));
}

/** Re-exported: the limit is shared with the 工作台账 import's .xlsx (scripts/lib/limits.ts). */
export { INFLATED_LIMIT };

const UNREADABLE_FIX = '用 Word 或 WPS 打开后重新另存为 .docx / open it in Word or WPS and save it again as .docx';

/** A Word file that its reader cannot open, with the reader's reason. */
const unreadable = (file: string, e: unknown) =>
  importError(
    file,
    1,
    'format',
    `无法读取 Word 文件（${(e as Error).message}）`,
    `cannot read the Word file (${(e as Error).message})`,
    UNREADABLE_FIX,
  );

/** The XML parts of a .docx (`.xml`, `.rels`), inflated; images and other media are left out. */
type Parts = Map<string, string>;

/** Inflates the XML parts chunk by chunk, stopping as soon as they pass `INFLATED_LIMIT`. */
async function inflateParts(bytes: Uint8Array, file: string): Promise<Parts> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw unreadable(file, e);
  }
  let parts: Parts;
  try {
    parts = await inflateXmlParts(zip, INFLATED_LIMIT);
  } catch (e) {
    if (e instanceof TooLarge) {
      throw importError(
        file,
        1,
        'format',
        `Word 文件解压后超过 ${INFLATED_LIMIT / 1024 / 1024} MB（${e.message}），不像是一份要点文件，可能已损坏`,
        `the Word file inflates to more than ${INFLATED_LIMIT / 1024 / 1024} MB (${e.message}): not a 要点 document, possibly damaged`,
        '删除文件中的大图片或嵌入对象后重新另存为 .docx，或另存为网页 .html / remove large images or embedded objects and save it again as .docx, or save it as a web page .html',
      );
    }
    throw unreadable(file, e);
  }
  return parts;
}

/** The target of the first relationship of `type` in a `.rels` part, as a zip path. */
function relationshipTarget(parts: Parts, relsPath: string, type: string, base: string): string | undefined {
  for (const tag of xmlTags(parts.get(relsPath) ?? '')) {
    if (tag.name !== 'Relationship' || tag.closing || !attributeOf(tag.attributes, 'Type')?.endsWith(`/${type}`)) continue;
    const target = attributeOf(tag.attributes, 'Target') ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `${base}${target}`;
    if (parts.has(path)) return path;
  }
  return undefined;
}

/** The main document part and its numbering and styles parts, found as mammoth finds them. */
function partPaths(parts: Parts): { document: string; numbering: string; styles: string } {
  const document = relationshipTarget(parts, '_rels/.rels', 'officeDocument', '') ?? 'word/document.xml';
  const slash = document.lastIndexOf('/');
  const dir = document.slice(0, slash + 1);
  const rels = `${dir}_rels/${document.slice(slash + 1)}.rels`;
  return {
    document,
    numbering: relationshipTarget(parts, rels, 'numbering', dir) ?? `${dir}numbering.xml`,
    styles: relationshipTarget(parts, rels, 'styles', dir) ?? `${dir}styles.xml`,
  };
}

/**
 * The main document with field results unwrapped and automatic numbering written out as text;
 * refuses numbering it cannot print rather than drop a printed 一、 or 1.
 */
function documentWithLabels(parts: Parts, file: string): string {
  const paths = partPaths(parts);
  const xml = parts.get(paths.document);
  if (xml === undefined) {
    throw importError(
      file,
      1,
      'format',
      'Word 文件中没有正文（word/document.xml）',
      'the Word file has no main document part (word/document.xml)',
      UNREADABLE_FIX,
    );
  }
  const restored = restoreNumbering(unwrapSimpleFields(xml), readNumbering(parts.get(paths.numbering), parts.get(paths.styles)));
  const unknown = restored.unknown[0];
  if (unknown) {
    throw importError(
      file,
      unknown.paragraph,
      'numbering',
      `第 ${unknown.paragraph} 段使用了无法识别的 Word 自动编号格式“${unknown.format}”，编号无法还原`,
      `paragraph ${unknown.paragraph} uses a Word automatic numbering format this importer cannot print ("${unknown.format}"), so its number would be lost`,
      '在 Word 或 WPS 中把该列表的编号改为“一、”“（一）”“1.”“（1）”等常用格式，或手工输入编号，然后另存为 .docx / change the list to a common numbering (一、 （一） 1. （1）) or type the numbers by hand, then save as .docx',
    );
  }
  parts.set(paths.document, restored.xml);
  return restored.xml;
}

/** The parts as a zip again, for mammoth (stored, not compressed: it is read once, in memory). */
async function zipOf(parts: Parts): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of parts) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Images are not text: mammoth is told not to read them (they were not even inflated). */
const skipImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * A `.docx` file as a SourceDocument. Word has no lines: `unit` is `paragraph`, and `line` is the
 * 1-based ordinal of the block's first paragraph in the document body, counting every paragraph
 * in order – empty ones, and those inside table cells (a row's line is its first cell's first
 * paragraph; a cell's line its first paragraph).
 */
export async function readDocx(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  const parts = await inflateParts(bytes, file);
  const documentXml = documentWithLabels(parts, file);
  let html: string;
  let merging: string | undefined;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: await zipOf(parts) },
      { styleMap: STYLE_MAP, ignoreEmptyParagraphs: false, transformDocument: markCentred, convertImage: skipImage },
    );
    html = result.value;
    merging = result.messages.find((m) => m.message.includes('cell merging may be incorrect'))?.message;
  } catch (e) {
    throw unreadable(file, e);
  }
  // mammoth drops every merge of a table holding something other than rows and cells, and ignores
  // rows' column offsets: a grid read so would give tasks to the wrong departments.
  if (!merging && hasRowOffsets(documentXml)) merging = 'w:gridBefore';
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
