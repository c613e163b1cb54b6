/** Which blocks of the front a reader has claimed: every block lands in exactly one field. */
import type { SourceBlock } from '../formats/types.ts';

export interface Claims {
  blocks: SourceBlock[];
  claim: (i: number) => void;
  free: (i: number) => boolean;
  /** The first unclaimed block from `from` on that passes `test`, or -1. */
  find: (from: number, test: (b: SourceBlock, i: number) => boolean) => number;
}

export function claimsOf(blocks: SourceBlock[]): Claims {
  const used = new Set<number>();
  const free = (i: number) => !used.has(i);
  return {
    blocks,
    claim: (i) => void used.add(i),
    free,
    find(from, test) {
      for (let i = from; i < blocks.length; i++) if (free(i) && test(blocks[i]!, i)) return i;
      return -1;
    },
  };
}
