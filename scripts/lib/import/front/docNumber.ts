/**
 * The 发文字号 (文号) printed near a document's title: `岚环土综〔2016〕64号`, `闽政办〔2021〕5号`,
 * with `〔〕`, `[]`, `［］`, `（）` or `【】` around the year and spaces anywhere. Word exports may
 * split it around an embedded text box (`岚综委〔2020〕` … `52号`).
 */
import type { SourceBlock } from '../formats/types.ts';

const OPEN = '[〔［\\[(（【]';
const CLOSE = '[〕］\\])）】]';
const PREFIX = '[\\p{Script=Han}A-Za-z]{1,20}';
/** A whole line that is a 文号 and nothing else. */
export const DOC_NUMBER = new RegExp(`^${PREFIX}\\s*${OPEN}\\s*\\d{4}\\s*${CLOSE}\\s*(?:第\\s*)?\\d+\\s*号$`, 'u');
/** A 文号 inside a short line (`岚综管办〔2019〕61号  签发人：张三`). */
const IN_LINE = new RegExp(`${PREFIX}\\s*${OPEN}\\s*\\d{4}\\s*${CLOSE}\\s*(?:第\\s*)?\\d+\\s*号`, 'u');
/** The first half of a split 文号: the line ends after the year's bracket. */
const HEAD = new RegExp(`${PREFIX}\\s*${OPEN}\\s*\\d{4}\\s*${CLOSE}\\s*$`, 'u');
/** The second half: the number alone. */
const TAIL = /^\s*(?:第\s*)?\d+\s*号\s*$/u;
/** A line around a 文号 is short (a 签发人 beside it at most); body sentences are longer. */
const MAX_LINE = 40;

export interface FoundDocNumber {
  /** The 文号 with its spaces removed, brackets as printed. */
  text: string;
  /** Blocks that hold nothing but the 文号 (consumed); a longer line that holds it is not. */
  blocks: number[];
  line: number;
}

const compact = (s: string) => s.replace(/[\s\u00a0\u3000]+/gu, '');
const textOf = (b: SourceBlock | undefined) => (b && b.kind !== 'table' ? b.text.trim() : '');

/**
 * The 文号 in the blocks at `candidates` (indexes near the title, in order), or null. A 文号
 * split over two blocks is joined when at most one other block (the text box) stands between.
 * Never reads body text: the caller passes only blocks around the title.
 */
export function findDocNumber(blocks: SourceBlock[], candidates: number[]): FoundDocNumber | null {
  for (const [k, i] of candidates.entries()) {
    const text = textOf(blocks[i]);
    if (text === '' || compact(text).length > MAX_LINE) continue;
    const whole = IN_LINE.exec(text);
    if (whole) return { text: compact(whole[0]), blocks: DOC_NUMBER.test(text) ? [i] : [], line: blocks[i]!.line };
    const head = HEAD.exec(text);
    if (!head) continue;
    const tailAt = candidates.slice(k + 1, k + 3).find((j) => j - i <= 2 && TAIL.test(textOf(blocks[j])));
    if (tailAt !== undefined) {
      const consumed = compact(text) === compact(head[0]) ? [i, tailAt] : [tailAt];
      return { text: compact(head[0] + textOf(blocks[tailAt])), blocks: consumed, line: blocks[i]!.line };
    }
  }
  return null;
}

/** True when a block is (part of) a 文号 line, so it is not taken for a title line. */
export function isDocNumberLine(text: string): boolean {
  const t = text.trim();
  return DOC_NUMBER.test(t) || HEAD.test(t) || TAIL.test(t) || (compact(t).length <= MAX_LINE && IN_LINE.test(t));
}

/** The year in a 文号's brackets. */
export function docNumberYear(docNumber: string): number | undefined {
  const m = new RegExp(`${OPEN}\\s*(\\d{4})\\s*${CLOSE}`, 'u').exec(docNumber);
  return m ? Number(m[1]) : undefined;
}
