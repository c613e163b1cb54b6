import { readNumber } from './chineseDate.ts';
import { dutyParagraph, findDutyClauses } from './dutyClauses.ts';
import type { SourceBlock } from './formats/types.ts';

/**
 * The numbering levels of Chinese official documents, outermost first (GB/T 9704 order):
 * `一、` > `（一）` > `1.` > `（1）` > `①`. A document may skip a level (`一、` then `1.`), never
 * reverse two, so a marker's kind is its depth.
 */
export type MarkerKind = 'cn' | 'parenCn' | 'arabic' | 'parenAr' | 'circled';
const ORDER: MarkerKind[] = ['cn', 'parenCn', 'arabic', 'parenAr', 'circled'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PATTERNS: [MarkerKind, RegExp][] = [
  ['cn', /^([一二三四五六七八九十]{1,3})\s*[、．](?!\s*[、．])\s*/u],
  ['parenCn', /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*/u],
  ['arabic', /^(\d{1,3})\s*[.．、](?!\d)\s*/u],
  ['parenAr', /^[（(]\s*(\d{1,3})\s*[)）]\s*/u],
  ['circled', new RegExp(`^([${CIRCLED}])\\s*`, 'u')],
];

export interface Marker {
  kind: MarkerKind;
  /** The number the marker prints (3 for `（三）`). */
  no: number;
  /** The marker as printed, trimmed: `3.`, `（三）`, `一、`. */
  label: string;
}

export const depthOf = (kind: MarkerKind): number => ORDER.indexOf(kind);

/** The number at the start of a paragraph, at any level, or null. */
export function numberingOf(text: string): Marker | null {
  const t = text.trim();
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(t);
    if (!m || m[0].trim() === t) continue;
    const digit = m[1] ?? '';
    const no = kind === 'circled' ? CIRCLED.indexOf(digit) + 1 : (readNumber(digit) ?? 0);
    return { kind, no, label: m[0].trim() };
  }
  return null;
}

const textOf = (b: SourceBlock | undefined): string => (b && b.kind !== 'table' ? b.text.trim() : '');

/** The longest a heading line can be (`（一）加强信用相关制度建设。`, `一、围绕……，加大……力度`). */
const HEADING_LENGTH = 80;

/**
 * A numbered line that is a heading only: a heading block, a wholly bold paragraph, or text after
 * the number that is one sentence at most (no `。` inside, at most one at the end), not longer than
 * a heading, and not ending like a sentence part (`，`, `：`) that goes on below.
 */
export function isHeadingOnly(block: SourceBlock | undefined, label: string): boolean {
  if (!block || block.kind === 'table') return false;
  if (block.kind === 'heading') return true;
  const rest = block.text.trim().slice(label.length).trim();
  if (rest === '' || block.bold) return true;
  if (/[，,、；;：:]$/u.test(rest)) return false;
  return [...rest].length <= HEADING_LENGTH && !rest.slice(0, -1).includes('。');
}

/** Paragraph numbering of blocks[from, to): a marker for each numbered text block, else null. */
export function markersOf(blocks: SourceBlock[]): (Marker | null)[] {
  return blocks.map((b) => (b.kind === 'table' ? null : numberingOf(b.text)));
}

/** Where a responsibility statement stands: a 责任单位 paragraph or a bracketed clause. */
function dutyIndexes(blocks: SourceBlock[]): number[] {
  return blocks.flatMap((b, k) => {
    const t = textOf(b);
    return t !== '' && (dutyParagraph(t) !== null || findDutyClauses(t).length > 0) ? [k] : [];
  });
}

export interface NumberingPlan {
  /** The level of the numbered 要点. */
  pointKind: MarkerKind;
  /** `一、` sections above the points; null when the points stand directly under the title. */
  sectionKind: MarkerKind | null;
  /** Title-only sub-headings between sections and points (`（一）…` over `1.` items). */
  subsectionKind: MarkerKind | null;
  /** Levels present in the text, outermost first. */
  kinds: MarkerKind[];
  /** True when the point level was chosen because it carries every responsibility statement. */
  byDuties: boolean;
}

/** Index of the last numbered block before `k` (or `k` itself) at depth `depth` or shallower. */
function ownerAt(marks: (Marker | null)[], k: number, depth: number): number {
  for (let i = k; i >= 0; i--) {
    const m = marks[i];
    if (m && depthOf(m.kind) <= depth) return i;
  }
  return -1;
}

/** The blocks of `kind` that have a block of level `point` before the next block of their level or shallower. */
function parentsOf(marks: (Marker | null)[], kind: MarkerKind, point: MarkerKind): number[] {
  const depth = depthOf(kind);
  return marks.flatMap((m, k) => {
    if (m?.kind !== kind) return [];
    for (let i = k + 1; i < marks.length; i++) {
      const n = marks[i];
      if (!n) continue;
      if (depthOf(n.kind) <= depth) return [];
      if (n.kind === point) return [k];
    }
    return [];
  });
}

/**
 * A heading heads a list when a deeper numbered block follows it at once, or after lead-in
 * paragraphs ending in `：` (`重点做好以下工作：`).
 */
function headsList(blocks: SourceBlock[], marks: (Marker | null)[], k: number): boolean {
  const depth = depthOf(marks[k]!.kind);
  for (let i = k + 1; i < blocks.length; i++) {
    const m = marks[i];
    if (m) return depthOf(m.kind) > depth;
    if (!/[：:]$/u.test(textOf(blocks[i]))) return false;
  }
  return false;
}

/** True when numbers of `kind` start again at or below an earlier one under one parent: a list inside a point. */
function restartsUnderOneParent(marks: (Marker | null)[], kind: MarkerKind): boolean {
  const depth = depthOf(kind);
  const last = new Map<number, number>();
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k];
    if (m?.kind !== kind) continue;
    const parent = ownerAt(marks, k - 1, depth - 1);
    const previous = last.get(parent);
    if (previous !== undefined && m.no <= previous) return true;
    last.set(parent, m.no);
  }
  return false;
}

/**
 * Whether the levels above `point` can be sections and sub-headings over it: at most two of them;
 * every block of theirs that has points under it is a title-only heading; the outermost heads a
 * list at least once, a sub-heading level heads one at least half of the time; and `point`
 * numbers do not start again under one parent (that is a list inside a point).
 */
function canBePointLevel(blocks: SourceBlock[], marks: (Marker | null)[], kinds: MarkerKind[], point: MarkerKind): boolean {
  const above = kinds.filter((k) => depthOf(k) < depthOf(point));
  if (above.length > 2) return false;
  if (restartsUnderOneParent(marks, point)) return false;
  return above.every((kind, level) => {
    const parents = parentsOf(marks, kind, point);
    if (parents.length === 0) return false;
    if (!parents.every((k) => isHeadingOnly(blocks[k], marks[k]!.label))) return false;
    const heading = parents.filter((k) => headsList(blocks, marks, k)).length;
    return level === 0 ? heading > 0 : heading * 2 >= parents.length;
  });
}

/** Every responsibility statement lies within a block of level `point` (up to its next block of that level or shallower). */
function carriesDuties(marks: (Marker | null)[], duties: number[], point: MarkerKind): boolean {
  const depth = depthOf(point);
  return duties.every((k) => {
    const owner = ownerAt(marks, k, depth);
    return owner !== -1 && marks[owner]!.kind === point;
  });
}

/**
 * Decides the levels of a 要点's numbered text (blocks from its first numbered block to its end).
 * The point level is the deepest level whose headings above it can be sections and sub-headings
 * (canBePointLevel) and that carries every responsibility statement (牵头单位/责任单位 lines and
 * bracketed clauses) when the text has any; a deeper level inside a point is the point's own list.
 * Levels above the point level are sections, then sub-headings; when there is none, the points
 * stand directly under the title. Null when no block is numbered.
 */
export function planNumbering(blocks: SourceBlock[]): NumberingPlan | null {
  const marks = markersOf(blocks);
  const kinds = ORDER.filter((kind) => marks.some((m) => m?.kind === kind));
  if (kinds.length === 0) return null;
  const candidates = kinds.filter((kind, i) => i === 0 || canBePointLevel(blocks, marks, kinds, kind));
  const duties = dutyIndexes(blocks);
  const carrying = duties.length > 0 ? candidates.filter((kind) => carriesDuties(marks, duties, kind)) : [];
  const chosen = carrying.length > 0 ? carrying : candidates;
  const pointKind = chosen[chosen.length - 1]!;
  const above = kinds.filter((k) => depthOf(k) < depthOf(pointKind));
  return {
    pointKind,
    sectionKind: above[0] ?? null,
    subsectionKind: above[1] ?? null,
    kinds,
    byDuties: carrying.length > 0,
  };
}
