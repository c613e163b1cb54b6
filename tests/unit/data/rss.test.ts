import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { escapeXml, el, renderXml } from '../../../src/lib/data/xml.ts';
import { rfc822Date, rssXml, sortFeedItems, type FeedItem } from '../../../src/lib/data/rss.ts';

describe('XML writer', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });

  it('escapes an ampersand once, even before an entity-like text', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters XML 1.0 does not allow and keeps tab, newlines and astral characters', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('\t\n\r𠮷')).toBe('\t\n\r𠮷');
  });

  it('escapes attribute values and writes well-formed XML', () => {
    const xml = renderXml(el('root', { title: '"引号" & <尖括号>' }, el('item', {}, ']]> </item>'), el('empty')));
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    expect(parsed.root['@title']).toBe('"引号" & <尖括号>');
    expect(parsed.root.item).toBe(']]> </item>');
  });

  it('the validator used here does reject broken XML', () => {
    expect(() => SyntaxValidator.validate('<a>x & y</a>')).toThrow();
    expect(() => SyntaxValidator.validate('<a>\u0001</a>')).toThrow();
  });

  it('refuses names that are not XML names', () => {
    expect(() => el('bad name')).toThrow();
    expect(() => el('ok', { 'on"x': 'y' })).toThrow();
  });
});

describe('RSS dates (RFC 822, Beijing time)', () => {
  it('writes a calendar day as midnight +0800 with the right weekday', () => {
    expect(rfc822Date('2021-06-22')).toBe('Tue, 22 Jun 2021 00:00:00 +0800');
    expect(rfc822Date('2024-02-29')).toBe('Thu, 29 Feb 2024 00:00:00 +0800');
    expect(rfc822Date('2021-01-01')).toBe('Fri, 01 Jan 2021 00:00:00 +0800');
    expect(rfc822Date('2021-12-31')).toBe('Fri, 31 Dec 2021 00:00:00 +0800');
  });

  it('agrees with Date.parse on the instant', () => {
    expect(Date.parse(rfc822Date('2021-06-22'))).toBe(Date.UTC(2021, 5, 21, 16));
  });

  it('rejects anything but a real YYYY-MM-DD date', () => {
    expect(() => rfc822Date('2021-02-30')).toThrow();
    expect(() => rfc822Date('2021/06/22')).toThrow();
  });
});

describe('RSS feed', () => {
  const items: FeedItem[] = [
    { title: '文件 <A>', link: 'https://example.gov.cn/yaodian/2021/', description: '印发 “要点” & 通知', pubDate: '2021-06-22', category: '工作要点' },
    { title: '解读一', link: 'https://example.gov.cn/jiedu/2021/01/', description: '摘要一', pubDate: '2021-07-01' },
    { title: '解读二', link: 'https://example.gov.cn/jiedu/2021/02/', description: '摘要二', pubDate: '2021-07-01' },
  ];
  const channel = { title: '政务公开', link: 'https://example.gov.cn/', description: '订阅', selfUrl: 'https://example.gov.cn/rss.xml' };

  it('orders items newest first, keeping the given order within a day', () => {
    expect(sortFeedItems(items).map((i) => i.title)).toEqual(['解读一', '解读二', '文件 <A>']);
  });

  it('is well-formed RSS 2.0 with title, link, guid, pubDate and description for each item', () => {
    const xml = rssXml(channel, items);
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const rss = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).rss;
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe('政务公开');
    expect(rss.channel.lastBuildDate).toBe('Thu, 01 Jul 2021 00:00:00 +0800');
    expect(rss.channel['atom:link']['@href']).toBe('https://example.gov.cn/rss.xml');
    const parsed = rss.channel.item as { title: string; link: string; guid: { '#text': string; '@isPermaLink': string }; pubDate: string; description: string }[];
    expect(parsed.map((i) => i.title)).toEqual(['解读一', '解读二', '文件 <A>']);
    expect(parsed[2]).toMatchObject({ link: 'https://example.gov.cn/yaodian/2021/', description: '印发 “要点” & 通知', pubDate: 'Tue, 22 Jun 2021 00:00:00 +0800' });
    expect(parsed[2]!.guid).toEqual({ '#text': 'https://example.gov.cn/yaodian/2021/', '@isPermaLink': 'true' });
    expect(xml).toContain('<title>文件 &lt;A&gt;</title>');
  });

  it('has no items and no lastBuildDate when there is nothing to announce', () => {
    const xml = rssXml(channel, []);
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<item>');
    expect(xml).not.toContain('lastBuildDate');
  });
});
