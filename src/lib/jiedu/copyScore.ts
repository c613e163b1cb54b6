import { normalizeForComparison } from '../text/normalize.ts';

export interface CopyScore {
  /** Longest run of characters (after normalising) that the 解读 shares with its 原文. */
  longestRun: number;
  /** The run itself, to show the editor. */
  run: string;
  /** Share of the 解读's 8-character shingles that also occur in the 原文, 0..1. */
  shingleShare: number;
}

export const SHINGLE = 8;

/**
 * Thresholds, justified in docs/jiedu-rules.md: quoting a phrase or a policy's name is fine,
 * a copied sentence is not. The longest run catches one pasted sentence; the shingle share catches
 * a 解读 stitched together from many shorter copied pieces.
 */
export const COPY_LIMITS = { longestRun: 24, shingleShare: 0.15 } as const;

/**
 * How much of `interpretation` is copied from `source` (both plain text; Quote blocks removed by the
 * caller). Linear in both lengths: a whole document's 解读 is checked against the whole document,
 * which in a large archive is megabytes of text.
 */
export function copyScore(interpretation: string, source: string): CopyScore {
  const a = normalizeForComparison(interpretation);
  const b = normalizeForComparison(source);
  const run = longestCommonSubstring(a, b);
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= a.length; i++) shingles.add(a.slice(i, i + SHINGLE));
  const shared = new Set<string>();
  for (let i = 0; i + SHINGLE <= b.length; i++) {
    const shingle = b.slice(i, i + SHINGLE);
    if (shingles.has(shingle)) shared.add(shingle);
  }
  return { longestRun: [...run].length, run, shingleShare: shingles.size ? shared.size / shingles.size : 0 };
}

export function isCopied(score: CopyScore): boolean {
  return score.longestRun > COPY_LIMITS.longestRun || score.shingleShare > COPY_LIMITS.shingleShare;
}

/**
 * The longest run of characters `a` and `b` share, the first in `b` if several are as long: a
 * suffix automaton of `a` (the short 解读) is built, then `b` is read through it once.
 */
export function longestCommonSubstring(a: string, b: string): string {
  const next: Map<string, number>[] = [new Map()];
  const link: number[] = [-1];
  const len: number[] = [0];
  let last = 0;
  for (const c of a) {
    const cur = next.length;
    next.push(new Map());
    len.push(len[last]! + 1);
    link.push(0);
    let p = last;
    while (p !== -1 && !next[p]!.has(c)) {
      next[p]!.set(c, cur);
      p = link[p]!;
    }
    if (p !== -1) {
      const q = next[p]!.get(c)!;
      if (len[p]! + 1 === len[q]) link[cur] = q;
      else {
        const clone = next.length;
        next.push(new Map(next[q]));
        len.push(len[p]! + 1);
        link.push(link[q]!);
        while (p !== -1 && next[p]!.get(c) === q) {
          next[p]!.set(c, clone);
          p = link[p]!;
        }
        link[q] = clone;
        link[cur] = clone;
      }
    }
    last = cur;
  }
  const B = [...b];
  let state = 0;
  let length = 0;
  let best = 0;
  let end = 0;
  for (let i = 0; i < B.length; i++) {
    const c = B[i]!;
    while (state !== 0 && !next[state]!.has(c)) {
      state = link[state]!;
      length = len[state]!;
    }
    if (next[state]!.has(c)) {
      state = next[state]!.get(c)!;
      length++;
    }
    if (length > best) {
      best = length;
      end = i + 1;
    }
  }
  return B.slice(end - best, end).join('');
}
