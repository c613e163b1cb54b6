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

/** How much of `interpretation` is copied from `source` (both plain text; Quote blocks removed by the caller). */
export function copyScore(interpretation: string, source: string): CopyScore {
  const a = normalizeForComparison(interpretation);
  const b = normalizeForComparison(source);
  const { length, start } = longestCommonSubstring(a, b);
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= a.length; i++) shingles.add(a.slice(i, i + SHINGLE));
  const sourceShingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= b.length; i++) sourceShingles.add(b.slice(i, i + SHINGLE));
  let shared = 0;
  for (const s of shingles) if (sourceShingles.has(s)) shared++;
  return { longestRun: length, run: a.slice(start, start + length), shingleShare: shingles.size ? shared / shingles.size : 0 };
}

export function isCopied(score: CopyScore): boolean {
  return score.longestRun > COPY_LIMITS.longestRun || score.shingleShare > COPY_LIMITS.shingleShare;
}

/** Classic dynamic programme with one row; texts here are a few thousand characters at most. */
function longestCommonSubstring(a: string, b: string): { length: number; start: number } {
  const A = [...a];
  const B = [...b];
  let prev = new Uint16Array(B.length + 1);
  let best = 0;
  let end = 0;
  for (let i = 1; i <= A.length; i++) {
    const row = new Uint16Array(B.length + 1);
    for (let j = 1; j <= B.length; j++) {
      if (A[i - 1] === B[j - 1]) {
        row[j] = prev[j - 1]! + 1;
        if (row[j]! > best) {
          best = row[j]!;
          end = i;
        }
      }
    }
    prev = row;
  }
  return { length: best, start: end - best };
}
