import { parseChineseDate } from './chineseDate.ts';
import { isDisclosureMarker } from './parseDisclosure.ts';
import { depthOf, markersOf, planNumbering, type NumberingPlan } from './numbering.ts';
import type { SourceBlock } from './formats/types.ts';

/** A heading as printed, possibly over several lines of the source, joined. */
export interface PrintedHeading {
  text: string;
  line: number;
}

export interface PointsStart {
  /** Index of the first block of the 要点 body: its first `一、` section heading, or its first point. */
  start: number;
  /** The levels of the numbering from `start` on. */
  plan: NumberingPlan;
  /** When the points stand directly under the title (no sections): the printed title above them. */
  heading?: PrintedHeading;
}

/** `附件`, `附件：`, `附件2：…方案`: the attachment that holds the 要点 follows. */
const ATTACHMENT_LINE = /^附件\s*\d*\s*(?:[:：].*)?$/u;
/** The most lines a printed title is broken over (`平潭综合实验区` / `建设国家城乡融合` / `发展试验区的指导意见`). */
const TITLE_LINES = 4;

const textOf = (b: SourceBlock | undefined): string => (b && b.kind !== 'table' ? b.text.trim() : '');

/** A short line that does not end a sentence and is not a 落款 date, a 公开属性 marker or a number. */
function isTitleLine(b: SourceBlock | undefined): boolean {
  if (!b || b.kind === 'table') return false;
  const t = textOf(b);
  if (t === '' || parseChineseDate(t) !== null || isDisclosureMarker(t) || ATTACHMENT_LINE.test(t)) return false;
  if (b.kind === 'heading') return true;
  return [...t].length <= 80 && !/[。；;：:，,]$/u.test(t);
}

/**
 * The printed title just above the first point of a 要点 without sections: skipping the intro
 * paragraphs right above the point (`为扎实推进……如下：`), the title lines before them, joined
 * (a title broken over lines is one title). Null when a date, a 公开属性 marker or nothing comes first.
 */
export function headingAbove(blocks: SourceBlock[], at: number): PrintedHeading | null {
  let k = at - 1;
  while (k >= 0 && blocks[k]!.kind === 'paragraph' && !isTitleLine(blocks[k]) && parseChineseDate(textOf(blocks[k])) === null) k--;
  const lines: SourceBlock[] = [];
  while (k >= 0 && lines.length < TITLE_LINES && isTitleLine(blocks[k])) lines.unshift(blocks[k--]!);
  if (lines.length === 0) return null;
  return { text: lines.map(textOf).join(''), line: lines[0]!.line };
}

/** Where the numbered text can start: after the last `附件` line that has numbered blocks after it. */
function bodyFrom(blocks: SourceBlock[], before: number): number {
  const marks = markersOf(blocks.slice(0, before));
  for (let k = before - 1; k >= 0; k--) {
    if (ATTACHMENT_LINE.test(textOf(blocks[k])) && marks.slice(k + 1).some((m) => m !== null)) return k + 1;
  }
  return 0;
}

/**
 * Finds where a 要点's numbered text starts, before `before` (a task table, or the end): the first
 * number 1 of the outermost numbering level (after the `附件` line when the 要点 is attached to a
 * notice), with the levels from there (planNumbering) and, when the points stand directly under
 * the title, the printed title above them. Null when no paragraph before `before` is numbered.
 */
export function findPointsStart(blocks: SourceBlock[], before: number = blocks.length): PointsStart | null {
  const from = bodyFrom(blocks, before);
  const marks = markersOf(blocks.slice(from, before));
  const depths = marks.flatMap((m) => (m ? [depthOf(m.kind)] : []));
  if (depths.length === 0) return null;
  const top = Math.min(...depths);
  const outer = (k: number) => marks[k] !== null && depthOf(marks[k]!.kind) === top;
  let first = marks.findIndex((m, k) => outer(k) && m!.no === 1);
  if (first === -1) first = marks.findIndex((_, k) => outer(k));
  const start = from + first;
  const plan = planNumbering(blocks.slice(start, before));
  if (!plan) return null;
  const heading = plan.sectionKind === null ? headingAbove(blocks, start) : null;
  return { start, plan, ...(heading ? { heading } : {}) };
}
