import { describe, expect, it } from 'vitest';
import { findPages } from '../../../src/lib/search/findPages.ts';

/** A fake Pagefind over three pages: which pages each query finds, in Pagefind's order. */
const index: Record<string, { id: string; score: number }[]> = {
  '政 务 公 开': [
    { id: 'a', score: 9 },
    { id: 'b', score: 5 },
    { id: 'c', score: 2 },
  ],
  '"政 务"': [
    { id: 'c', score: 7 },
    { id: 'a', score: 4 },
    { id: 'b', score: 1 },
  ],
  '"公 开"': [
    { id: 'c', score: 6 },
    { id: 'a', score: 3 },
  ],
};

function searcher(): { search: (q: string) => Promise<{ id: string; score: number }[]>; asked: string[] } {
  const asked: string[] = [];
  return { asked, search: async (q) => (asked.push(q), index[q] ?? []) };
}

describe('findPages', () => {
  const plan = { terms: '政 务 公 开', phrases: ['政 务', '公 开'] };

  it('keeps as candidates the pages found by every phrase, in the ordinary search’s order; the rest are loose', async () => {
    const { search, asked } = searcher();
    const found = await findPages(search, plan);
    expect(asked).toEqual(['政 务 公 开', '"政 务"', '"公 开"']);
    expect(found.candidates.map((r) => r.id)).toEqual(['a', 'c']);
    expect(found.others.map((r) => r.id)).toEqual(['b']);
  });

  it('with candidatesOnly, skips the ordinary search and keeps the first phrase search’s order', async () => {
    const { search, asked } = searcher();
    const found = await findPages(search, plan, true);
    expect(asked).toEqual(['"政 务"', '"公 开"']);
    expect(found.candidates.map((r) => r.id)).toEqual(['c', 'a']);
    expect(found.others).toEqual([]);
  });

  it('without a phrase, every page the ordinary search finds is a candidate, candidatesOnly or not', async () => {
    for (const candidatesOnly of [false, true]) {
      const { search, asked } = searcher();
      const found = await findPages(search, { terms: '政 务 公 开', phrases: [] }, candidatesOnly);
      expect(asked).toEqual(['政 务 公 开']);
      expect(found.candidates.map((r) => r.id)).toEqual(['a', 'b', 'c']);
      expect(found.others).toEqual([]);
    }
  });
});
