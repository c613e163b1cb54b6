/**
 * Which parts of a page 语音阅读 reads, in reading order, and the text of each (plain TypeScript
 * over the few DOM members it needs, so the rules are unit-tested without a browser).
 *
 * A block is what one reads as one piece: a paragraph, a heading, a list item, a table row, a
 * 字段 of a `<dl>` (its `<dt>` and `<dd>` read together). Precisely, walking the tree in document
 * order: a table row or a `<dl>`'s `<div>` is a block whatever it holds; any other element that is
 * not inline, has no block-level element inside and has text is a block; the rest are walked into.
 * Not read: what the reader cannot see (`hidden`, `aria-hidden="true"`, not rendered), forms and
 * their controls (the filter of the ledger: labels without their values mean nothing aloud),
 * pictures drawn in SVG (every 图解 has its 文字版), scripts and styles, and what carries
 * `data-speech-skip` (the 语音阅读 bar itself). Whole-page reading also leaves out navigation
 * (`<nav>`: the links between 原文, 解读 and 图解, 上一项/下一项), which 指读 still reads when one points at it.
 * Known limit: text that stands beside block-level elements in one parent (`<li>` text before a
 * nested list) is not read in whole-page reading; no page of the site has such markup.
 */

/** The DOM members the rules read; a browser `Element` has them all. */
export interface SpeechNode {
  readonly tagName: string;
  readonly children: ArrayLike<SpeechNode>;
  readonly childNodes: ArrayLike<SpeechChild>;
  readonly parentElement: SpeechNode | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}

/** A child node: text (`nodeType` 3) or an element (1, then a `SpeechNode`); others are ignored. */
export interface SpeechChild {
  readonly nodeType: number;
  readonly textContent: string | null;
}

/** Phrasing content: never a block of its own, read as part of the block around it. */
const INLINE = new Set(
  'A ABBR B BDI BDO BR CITE CODE DATA DFN EM I IMG KBD LABEL MARK Q RP RT RUBY S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR WBR'.split(' '),
);
/** Never read, whatever they hold. */
const SKIPPED = new Set('SCRIPT STYLE TEMPLATE NOSCRIPT SVG svg FORM BUTTON INPUT SELECT TEXTAREA IFRAME OBJECT DIALOG'.split(' '));

export interface BlockOptions {
  /** False where the browser does not render the element (`display: none`, no boxes). */
  isShown?: (node: SpeechNode) => boolean;
  /** Whole-page reading leaves `<nav>` out; 指读 reads it. */
  includeNav?: boolean;
}

const tag = (node: SpeechNode) => node.tagName.toUpperCase();
const isInline = (node: SpeechNode) => INLINE.has(tag(node));

/** A row of a table or a `<dl>` group: read as one block, whatever it holds. */
function isAtom(node: SpeechNode): boolean {
  return tag(node) === 'TR' || (tag(node) === 'DIV' && node.parentElement !== null && tag(node.parentElement) === 'DL');
}

/** Left out with everything inside it. */
function isSkipped(node: SpeechNode, options: BlockOptions): boolean {
  return (
    SKIPPED.has(node.tagName) ||
    SKIPPED.has(tag(node)) ||
    node.hasAttribute('hidden') ||
    node.getAttribute('aria-hidden') === 'true' ||
    node.hasAttribute('data-speech-skip') ||
    (!options.includeNav && tag(node) === 'NAV') ||
    (options.isShown !== undefined && !options.isShown(node))
  );
}

function hasBlockInside(node: SpeechNode): boolean {
  for (const child of Array.from(node.children)) if (!isInline(child) || hasBlockInside(child)) return true;
  return false;
}

/** Whitespace collapsed, ends trimmed, a middle dot between words read as a pause (未报送 · 无进展数据). */
export function normalizeText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?[·•] ?/g, '，');
}

/**
 * What is read for a block: its text without the parts never read; where it holds block-level
 * elements (a row's cells, the departments listed in a cell) their texts are joined by a pause
 * (，), and a `<dl>` group reads as 术语：内容.
 */
export function blockText(node: SpeechNode, options: BlockOptions = {}): string {
  if (tag(node) === 'DIV' && isAtom(node))
    return Array.from(node.children)
      .map((child) => textOf(child, options))
      .filter(Boolean)
      .join('：');
  return textOf(node, options);
}

function textOf(node: SpeechNode, options: BlockOptions): string {
  return segments(node, options).map(normalizeText).filter(Boolean).join('，');
}

/** The node's text cut where block-level elements (and `<br>`) begin and end. */
function segments(node: SpeechNode, options: BlockOptions): string[] {
  if (isSkipped(node, options)) return [];
  if (tag(node) === 'IMG') return [node.getAttribute('alt') ?? ''];
  const out = [''];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out[out.length - 1] += child.textContent ?? '';
    if (child.nodeType !== 1) continue;
    const element = child as unknown as SpeechNode;
    if (tag(element) === 'BR') out.push('');
    else if (isInline(element)) {
      const [first = '', ...rest] = segments(element, options);
      out[out.length - 1] += first;
      out.push(...rest);
    } else out.push(...segments(element, options), '');
  }
  return out;
}

/** Whether `node` is a block by the rules above (not looking at its ancestors). */
function isBlock(node: SpeechNode, options: BlockOptions): boolean {
  if (isAtom(node)) return true;
  return !isInline(node) && !hasBlockInside(node) && blockText(node, options) !== '';
}

/** The blocks of `root` in reading order (whole-page reading). */
export function readingBlocks(root: SpeechNode, options: BlockOptions = {}): SpeechNode[] {
  const blocks: SpeechNode[] = [];
  const walk = (node: SpeechNode) => {
    if (isSkipped(node, options)) return;
    if (isBlock(node, options)) {
      if (blockText(node, options)) blocks.push(node);
      return;
    }
    for (const child of Array.from(node.children)) walk(child);
  };
  for (const child of Array.from(root.children)) walk(child);
  return blocks;
}

/**
 * The block 指读 reads for the element under the pointer or the focus: the row or `<dl>` group
 * around it, else the nearest element around it that is a block; null when it is outside `root`,
 * inside something never read, or in no block (the gap between paragraphs).
 */
export function blockAt(target: SpeechNode, root: SpeechNode, options: BlockOptions = {}): SpeechNode | null {
  const path: SpeechNode[] = [];
  for (let node: SpeechNode | null = target; node !== root; node = node.parentElement) {
    if (node === null) return null;
    path.push(node);
  }
  if (path.some((node) => isSkipped(node, options))) return null;
  const atom = path.findLast(isAtom);
  if (atom) return blockText(atom, options) ? atom : null;
  return path.find((node) => isBlock(node, options)) ?? null;
}
