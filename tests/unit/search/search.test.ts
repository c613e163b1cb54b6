import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/lib/search/parseQuery.ts';
import { rankResults, type LoadedResult } from '../../../src/lib/search/rankResults.ts';
import { readableText, searchPlan, splitCjk, splitCjkInHtml } from '../../../src/lib/search/segment.ts';
import { excerpt } from '../../../src/lib/search/excerpt.ts';

describe('parseQuery', () => {
  it('normalises spaces, punctuation and width into one needle', () => {
    expect(parseQuery('  互联网协议 第６版 ')).toEqual({ text: '互联网协议 第６版', needles: ['互联网协议第6版'], exactOnly: false });
  });
  it('treats quoted phrases, in Chinese or ASCII quotes, as exact-only needles', () => {
    expect(parseQuery('“三同步” "IPv6"')).toEqual({ text: '三同步 IPv6', needles: ['三同步', 'ipv6'], exactOnly: true });
  });
});

describe('rankResults', () => {
  const r = (url: string, kind: string, score: number, content: string, title = ''): LoadedResult => ({
    url,
    content,
    score,
    meta: { kind, title },
  });
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

describe('splitCjk / splitCjkInHtml', () => {
  it('makes every CJK character a word of its own and keeps other runs whole', () => {
    expect(splitCjk('与国务院IPv6第6版').split(' ').filter(Boolean)).toEqual(['与', '国', '务', '院', 'IPv6', '第', '6', '版']);
  });
  it('splits the text between tags only: attributes, entities, scripts and comments stay as they are', () => {
    const html =
      '<h1 data-pagefind-meta="title:政务 > 公开">要点</h1><dt>分类</dt><dd>综合&amp;公开</dd><script>const a = "中文";</script><!-- 注释 -->';
    const split = splitCjkInHtml(html);
    expect(split).toContain('<h1 data-pagefind-meta="title:政务 > 公开">');
    expect(split).toContain('<script>const a = "中文";</script><!-- 注释 -->');
    expect(split).toContain('&amp;');
    expect(split.replace(/<[^>]*>/g, '|').replace(/\s+/g, ' ')).toContain('| 分 类 || 综 合 &amp; 公 开 |');
  });
});

describe('readableText', () => {
  it('drops the separators Pagefind stores beside CJK characters and punctuation, keeping spaces between Latin words', () => {
    expect(readableText('依 \u200B托 \u200B12345 \u200B， \u200B“ \u200B一 \u200B号 \u200B答 \u200B” Open \u200BData')).toBe(
      '依托12345，“一号答”Open Data',
    );
  });
});

describe('searchPlan', () => {
  it('searches every character, and each run between punctuation and spaces as a phrase', () => {
    expect(searchPlan('国务院政策')).toEqual({ terms: '国 务 院 政 策', phrases: ['国 务 院 政 策'] });
    expect(searchPlan('协同联动、对接 共享')).toEqual({ terms: '协 同 联 动 对 接 共 享', phrases: ['协 同 联 动', '对 接', '共 享'] });
  });
  it('leaves a Latin or digit run at either end of the query to the text check: it may be part of a longer word', () => {
    expect(searchPlan('021年工作，IPv')).toEqual({ terms: '年 工 作', phrases: ['年 工 作'] });
    expect(searchPlan('依托 12345 政务')).toEqual({ terms: '依 托 12345 政 务', phrases: ['依 托', '政 务'] });
  });
  it('keeps a query that is only a Latin or digit run as it is', () => {
    expect(searchPlan('IPv6')).toEqual({ terms: 'ipv6', phrases: [] });
  });
});

describe('excerpt', () => {
  const text =
    '19. 加强政策咨询服务。主题分类综合政务/政务公开。原文。19. 加强政策咨询服务。政策制定机关要积极解答……做好与国务院政策问答平台协同联动。';
  const plain = (parts: { text: string }[]) => parts.map((p) => p.text).join('');
  it('shows the passage holding the query after the title, with the query marked', () => {
    const parts = excerpt(text, ['国务院政策'], '19. 加强政策咨询服务', 30, 8);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['国务院政策']);
    expect(plain(parts)).toBe('…极解答……做好与国务院政策问答平台协同联动。');
  });
  it('finds the query across punctuation and width, as the exact-match check does', () => {
    const parts = excerpt(text, ['政务政务公开'], '19. 加强政策咨询服务', 20, 4);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['政务/政务公开']);
  });
  it('prefers an occurrence after the title, and falls back to one in it', () => {
    expect(plain(excerpt(text, ['加强政策咨询'], '19. 加强政策咨询服务', 12, 0))).toBe('…加强政策咨询服务。政策制…');
    expect(excerpt('标题在此。正文', ['标题'], '标题在此', 12, 0).find((p) => p.mark)?.text).toBe('标题');
  });
});
