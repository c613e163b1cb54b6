import { describe, expect, it } from 'vitest';
import { combineFound, firstBatch, type Found } from '../../../src/lib/search/combine.ts';

const r = (id: string, score: number) => ({ id, score });

describe('combineFound', () => {
  it('orders the newest and older indexes’ results as one merged search does: by score, ties newest first', () => {
    const newest: Found<{ id: string; score: number }> = { candidates: [r('n1', 9), r('n2', 3)], others: [r('n3', 1)] };
    const older: Found<{ id: string; score: number }> = { candidates: [r('o1', 5), r('o2', 3), r('o3', 3)], others: [r('o4', 2)] };
    const merged = combineFound(newest, older);
    expect(merged.candidates.map((x) => x.id)).toEqual(['n1', 'o1', 'n2', 'o2', 'o3']);
    expect(merged.others.map((x) => x.id)).toEqual(['o4', 'n3']);
  });
});

describe('firstBatch', () => {
  const found = { candidates: ['c1', 'c2', 'c3'], others: ['o1', 'o2'] };
  it('loads candidates first, then loose matches, up to the limit, and keeps the other candidates for later', () => {
    expect(firstBatch(found, 4, false)).toEqual({ load: ['c1', 'c2', 'c3', 'o1'], rest: [] });
    expect(firstBatch(found, 2, false)).toEqual({ load: ['c1', 'c2'], rest: ['c3'] });
  });
  it('loads no loose match for a quoted query', () => {
    expect(firstBatch(found, 4, true)).toEqual({ load: ['c1', 'c2', 'c3'], rest: [] });
  });
});
