import { describe, expect, it } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { beijingMidnight, channelExtras, feedItems, xmlSafe, type FeedEntry } from '../../../src/lib/data/feed.ts';

describe('xmlSafe', () => {
  it('drops characters XML 1.0 does not allow and keeps tab, newlines and astral characters', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(xmlSafe('\t\n\r𠮷')).toBe('\t\n\r𠮷');
  });

  it('leaves markup characters to the XML writer', () => {
    expect(xmlSafe(`<a href="x">Tom & 'Jerry'</a>`)).toBe(`<a href="x">Tom & 'Jerry'</a>`);
  });
});

describe('feed dates (midnight, Beijing time)', () => {
  it('is the instant 00:00 +0800 of the calendar day', () => {
    expect(beijingMidnight('2021-06-22').getTime()).toBe(Date.UTC(2021, 5, 21, 16));
    expect(beijingMidnight('2024-02-29').toUTCString()).toBe('Wed, 28 Feb 2024 16:00:00 GMT');
    expect(beijingMidnight('2021-01-01').toUTCString()).toBe('Thu, 31 Dec 2020 16:00:00 GMT');
  });

  it('rejects anything but a real YYYY-MM-DD date', () => {
    expect(() => beijingMidnight('2021-02-30')).toThrow();
    expect(() => beijingMidnight('2021/06/22')).toThrow();
  });
});

describe('RSS feed', () => {
  const entries: FeedEntry[] = [
    {
      title: '文件 <A>\u0001',
      link: 'https://example.gov.cn/yaodian/2021/',
      description: '印发 “要点” & 通知\u000C',
      pubDate: '2021-06-22',
      category: '工作要点',
    },
    { title: '解读一', link: 'https://example.gov.cn/jiedu/2021/01/', description: '摘要一', pubDate: '2021-07-01' },
    { title: '解读二', link: 'https://example.gov.cn/jiedu/2021/02/', description: '摘要二', pubDate: '2021-07-01' },
  ];
  const feed = (items: FeedEntry[]) =>
    getRssString({
      title: '政务公开 & 订阅',
      description: '订阅',
      site: 'https://example.gov.cn/',
      items: feedItems(items),
      ...channelExtras('https://example.gov.cn/rss.xml', items),
    });
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).rss;

  it('orders items newest first, keeping the given order within a day', () => {
    expect(feedItems(entries).map((i) => i.title)).toEqual(['解读一', '解读二', '文件 <A>']);
  });

  it('is well-formed RSS 2.0 with title, link, guid, pubDate and description for each item, control characters dropped', async () => {
    const xml = await feed(entries);
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const rss = parse(xml);
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe('政务公开 & 订阅');
    expect(rss.channel.link).toBe('https://example.gov.cn/');
    expect(rss.channel.language).toBe('zh-CN');
    expect(rss.channel.lastBuildDate).toBe('Wed, 30 Jun 2021 16:00:00 GMT');
    expect(rss.channel['atom:link']).toEqual({ '@href': 'https://example.gov.cn/rss.xml', '@rel': 'self', '@type': 'application/rss+xml' });
    const parsed = rss.channel.item as {
      title: string;
      link: string;
      guid: { '#text': string; '@isPermaLink': string };
      pubDate: string;
      description: string;
      category?: string;
    }[];
    expect(parsed.map((i) => i.title)).toEqual(['解读一', '解读二', '文件 <A>']);
    expect(parsed[2]).toMatchObject({
      link: 'https://example.gov.cn/yaodian/2021/',
      description: '印发 “要点” & 通知',
      pubDate: 'Mon, 21 Jun 2021 16:00:00 GMT',
      category: '工作要点',
    });
    expect(parsed[2]!.guid).toEqual({ '#text': 'https://example.gov.cn/yaodian/2021/', '@isPermaLink': 'true' });
    expect(parsed[0]).not.toHaveProperty('category');
    expect(xml).toContain('<title>文件 &lt;A&gt;</title>');
  });

  it('has no items and no lastBuildDate when there is nothing to announce', async () => {
    const xml = await feed([]);
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<item>');
    expect(xml).not.toContain('lastBuildDate');
    expect(parse(xml).channel['atom:link']['@href']).toBe('https://example.gov.cn/rss.xml');
  });
});
