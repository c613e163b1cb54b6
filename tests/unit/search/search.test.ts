import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/lib/search/parseQuery.ts';
import { rankResults, type LoadedResult } from '../../../src/lib/search/rankResults.ts';

describe('parseQuery', () => {
  it('normalises spaces, punctuation and width into one needle', () => {
    expect(parseQuery('  互联网协议 第６版 ')).toEqual({ text: '互联网协议 第６版', needles: ['互联网协议第6版'], exactOnly: false });
  });
  it('treats quoted phrases, in Chinese or ASCII quotes, as exact-only needles', () => {
    expect(parseQuery('“三同步” "IPv6"')).toEqual({ text: '三同步 IPv6', needles: ['三同步', 'ipv6'], exactOnly: true });
  });
});

describe('rankResults', () => {
  const r = (url: string, kind: string, score: number, content: string, title = ''): LoadedResult => ({ url, content, score, meta: { kind, title } });
  const results = [
    r('/renwu/2021/', 'ledger', 3, '……发布会……'),
    r('/yaodian/2021/', 'document', 2, '……发布会……'),
    r('/bumen/x/', 'department', 5, '社会 发布'),
    r('/yaodian/2021/15/', 'point', 1, '召开新闻发布会'),
    r('/jiedu/2021/15/', 'jiedu', 1.5, '新闻发布会是'),
  ];
  it('shows pages that contain the query first, a point’s 原文 above pages that mention it', () => {
    const { exact, loose } = rankResults(results, parseQuery('发布会'));
    expect(exact.map((x) => x.url)).toEqual(['/yaodian/2021/15/', '/jiedu/2021/15/', '/renwu/2021/', '/yaodian/2021/']);
    expect(loose.map((x) => x.url)).toEqual(['/bumen/x/']);
  });
  it('boosts a page whose title holds the query', () => {
    const { exact } = rankResults([r('/a/', 'jiedu', 1, '三同步'), r('/b/', 'jiedu', 1, '……', '三同步解读')], parseQuery('三同步'));
    expect(exact[0]!.url).toBe('/b/');
  });
  it('drops loose matches for a quoted query', () => {
    expect(rankResults(results, parseQuery('"发布会"')).loose).toEqual([]);
  });
});
