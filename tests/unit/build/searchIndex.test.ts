import { describe, expect, it } from 'vitest';
import { planSearchShards } from '../../../scripts/lib/build/searchIndex.ts';

const page = (url: string) => ({ url, file: `${url.slice(1)}index.html` });
const urls = (shards: { url: string }[][]) => shards.map((s) => s.map((p) => p.url));

describe('planSearchShards', () => {
  it('keeps a site under the limit in one index', () => {
    expect(urls(planSearchShards(['/yaodian/2021/', '/jiedu/2021/01/', '/bumen/a/'].map(page), 3))).toEqual([
      ['/bumen/a/', '/jiedu/2021/01/', '/yaodian/2021/'],
    ]);
  });

  it('splits a larger site into a primary of the newest pages, and older indexes of equal size', () => {
    const pages = [
      '/yaodian/2017/',
      '/jiedu/2021/01/',
      '/bumen/a/',
      '/jiedu/2019/02/',
      '/yaodian/2019/',
      '/renwu/2021/',
      '/jiedu/2017/03/',
    ].map(page);
    expect(urls(planSearchShards(pages, 3, 3))).toEqual([
      ['/bumen/a/', '/jiedu/2021/01/', '/renwu/2021/'],
      ['/jiedu/2019/02/', '/yaodian/2019/'],
      ['/jiedu/2017/03/', '/yaodian/2017/'],
    ]);
    expect(urls(planSearchShards(pages, 3, 1))).toEqual([
      ['/bumen/a/'],
      ['/jiedu/2021/01/', '/renwu/2021/', '/jiedu/2019/02/'],
      ['/yaodian/2019/', '/jiedu/2017/03/', '/yaodian/2017/'],
    ]);
  });

  it('never exceeds the limit and loses no page', () => {
    const pages = Array.from({ length: 10_001 }, (_, i) => page(`/jiedu/${2000 + (i % 20)}/${i}/`));
    const shards = planSearchShards(pages, 2500, 1000);
    expect(shards.map((s) => s.length)).toEqual([1000, 2251, 2250, 2250, 2250]);
    expect(new Set(shards.flat().map((p) => p.url)).size).toBe(10_001);
  });

  it('does not take a number inside a slug for a year', () => {
    expect(urls(planSearchShards(['/zhuanti/covid-2020/', '/jiedu/2019/01/'].map(page), 1, 1))).toEqual([
      ['/zhuanti/covid-2020/'],
      ['/jiedu/2019/01/'],
    ]);
  });
});
