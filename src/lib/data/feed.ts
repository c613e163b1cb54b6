/**
 * The items of the RSS feed (`/rss.xml`, written by `@astrojs/rss`): new documents and 文字解读,
 * newest first. Dates in the content are calendar days (`YYYY-MM-DD`); in the feed they are
 * midnight Beijing time. Text comes from documents, which may hold characters XML 1.0 forbids
 * (control characters from a Word file); they are dropped, since the XML writer escapes markup
 * but would write them as they are and the feed would not parse.
 */
import XMLBuilder from 'fast-xml-builder';
import type { RSSFeedItem } from '@astrojs/rss';
import { isIsoDate } from '../../schemas/common.ts';

export interface FeedEntry {
  title: string;
  /** Absolute URL; also the item's permanent guid. */
  link: string;
  description: string;
  /** YYYY-MM-DD */
  pubDate: string;
  category?: string;
}

const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text without the characters XML 1.0 does not allow: controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF. */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/** `2021-06-22` → the instant 2021-06-22 00:00 in Beijing (UTC+8). */
export function beijingMidnight(isoDate: string): Date {
  if (!isIsoDate(isoDate)) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  return new Date(`${isoDate}T00:00:00+08:00`);
}

/** Newest first (items of the same day keep their order), every text field XML-safe. */
export function feedItems(entries: readonly FeedEntry[]): RSSFeedItem[] {
  return [...entries]
    .sort((a, b) => b.pubDate.localeCompare(a.pubDate))
    .map((e) => ({
      title: xmlSafe(e.title),
      link: e.link,
      description: xmlSafe(e.description),
      pubDate: beijingMidnight(e.pubDate),
      ...(e.category ? { categories: [xmlSafe(e.category)] } : {}),
    }));
}

/**
 * What `@astrojs/rss` has no option for, as its `xmlns` and `customData`: the channel's language,
 * the feed's own URL (`atom:link rel="self"`) and, when there are items, the newest one's date.
 */
export function channelExtras(
  selfUrl: string,
  entries: readonly FeedEntry[],
  language = 'zh-CN',
): { xmlns: Record<string, string>; customData: string } {
  const newest = entries
    .map((e) => e.pubDate)
    .sort()
    .at(-1);
  const customData = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', suppressEmptyNode: true }).build({
    language,
    'atom:link': { '@href': selfUrl, '@rel': 'self', '@type': 'application/rss+xml' },
    ...(newest ? { lastBuildDate: beijingMidnight(newest).toUTCString() } : {}),
  });
  return { xmlns: { atom: 'http://www.w3.org/2005/Atom' }, customData };
}
