/**
 * Titles as Word-made pages print them: one title over several short paragraphs
 * (`福州海关支持平潭新一轮开放开发` / `十二条措施任务分解方案`), sometimes repeated above the
 * article by the portal's own heading.
 */
import { parseChineseDate } from '../chineseDate.ts';
import { isDisclosureMarker } from '../parseDisclosure.ts';
import type { SourceBlock } from '../formats/types.ts';
import { isDocNumberLine } from './docNumber.ts';

/** `附件：…`, `附件1：…`: the line that names an attachment. */
export const ATTACHMENT = /^附件\s*\d*\s*[:：]/u;
/** A bare `附件` / `附件2` label above an attachment's title. */
export const ATTACHMENT_LABEL = /^附件\s*\d*\s*[:：]?$/u;
/** A 一、 / （一） / 1. heading: the body has begun. */
const NUMBERED = /^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[)）]|\d+[、．.])/u;
/** The longest title a run of lines may form. */
const MAX_TITLE = 120;
/** Lines a title is printed over, at most. */
const MAX_LINES = 4;

const textOf = (b: SourceBlock | undefined) => (b && b.kind !== 'table' ? b.text.trim() : '');
/** A date line, bare or in brackets (`2016年7月9日`, `（2021年3月5日）`). */
export const isDateLine = (text: string) => parseChineseDate(text.trim().replace(/^[(（]|[)）]$/gu, '')) !== null;

/** A heading, or a short paragraph that does not end a sentence: what a title line looks like. */
export function titleLike(b: SourceBlock | undefined): boolean {
  if (!b || b.kind === 'table') return false;
  const t = b.text.trim();
  if (t === '' || isDisclosureMarker(t) || isDocNumberLine(t) || isDateLine(t)) return false;
  if (b.kind === 'heading') return true;
  return t.length <= 80 && !/[。；;：:，,]$/u.test(t);
}

/** A line that may be (part of) a title: title-like, not an attachment label, not a numbered heading. */
function titleLine(b: SourceBlock | undefined): boolean {
  const t = textOf(b);
  return titleLike(b) && !ATTACHMENT.test(t) && !ATTACHMENT_LABEL.test(t) && !NUMBERED.test(t);
}

/**
 * True when `line` continues a title that starts at `first`: printed alike (same kind and weight),
 * not opening with a bracket (a 题注 such as `（2021年3月5日…通过）`), not a 版头 ending in 文件,
 * and not the issuer line of a 落款 (the next line is a date).
 */
function continues(first: SourceBlock, line: SourceBlock, after: SourceBlock | undefined): boolean {
  const t = textOf(line);
  if (first.kind !== line.kind || (first.kind !== 'table' && line.kind !== 'table' && first.bold !== line.bold)) return false;
  return !/^[(（〔[【]/u.test(t) && !/文件$/u.test(t) && !isDateLine(textOf(after));
}

export interface TitleRun {
  text: string;
  /** Block indexes the title is printed over. */
  blocks: number[];
  line: number;
}

/**
 * The title printed from block `at` on: the lines that continue it (title-like, not opening with a
 * bracket, not a 版头 ending in 文件) joined without spaces. `free` says which blocks are unclaimed.
 */
export function titleRun(blocks: SourceBlock[], at: number, free: (i: number) => boolean): TitleRun | null {
  if (!free(at) || !titleLine(blocks[at])) return null;
  const run = [at];
  let text = textOf(blocks[at]);
  if (/文件$/u.test(text)) return { text, blocks: run, line: blocks[at]!.line };
  for (let i = at + 1; i < blocks.length && run.length < MAX_LINES; i++) {
    const next = textOf(blocks[i]);
    if (!free(i) || !titleLine(blocks[i]) || !continues(blocks[at]!, blocks[i]!, blocks[i + 1])) break;
    if ((text + next).length > MAX_TITLE) break;
    run.push(i);
    text += next;
  }
  return { text, blocks: run, line: blocks[at]!.line };
}

/** Text compared without spaces. */
export const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000]/gu, '');

/**
 * The portal's heading above the article when the article prints the same title itself (over one
 * or more lines among its first blocks): that heading is page chrome, the printed title is kept.
 * Returns the index of the repeated heading, or -1.
 */
export function repeatedPageTitle(blocks: SourceBlock[]): number {
  const first = blocks[0];
  if (first?.kind !== 'heading') return -1;
  const want = squeeze(first.text);
  for (let at = 1; at < Math.min(blocks.length, 8); at++) {
    let joined = '';
    for (let i = at; i < Math.min(blocks.length, at + MAX_LINES); i++) {
      joined += squeeze(textOf(blocks[i]));
      if (joined === want) return 0;
      if (!want.startsWith(joined)) break;
    }
  }
  return -1;
}
