/**
 * RSS 2.0 feed of new documents and 文字解读, newest first, with absolute links.
 * Dates in the content are calendar days (`YYYY-MM-DD`); in the feed they are midnight Beijing
 * time (+0800), written as RFC 822 dates with four-digit years, as RSS 2.0 asks.
 */
import { isIsoDate } from '../../schemas/common.ts';
import { el, renderXml } from './xml.ts';

export interface FeedItem {
  title: string;
  /** Absolute URL; also the item's permanent guid. */
  link: string;
  description: string;
  /** YYYY-MM-DD */
  pubDate: string;
  category?: string;
}

export interface FeedChannel {
  title: string;
  /** Absolute URL of the site. */
  link: string;
  description: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  language?: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2021-06-22` → `Tue, 22 Jun 2021 00:00:00 +0800`. */
export function rfc822Date(isoDate: string, zone = '+0800'): string {
  if (!isIsoDate(isoDate)) throw new Error(`not a YYYY-MM-DD date: ${isoDate}`);
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${DAYS[day]}, ${String(d).padStart(2, '0')} ${MONTHS[m - 1]} ${y} 00:00:00 ${zone}`;
}

/** Newest first; items of the same day keep the order they were given in. */
export function sortFeedItems(items: readonly FeedItem[]): FeedItem[] {
  return [...items].sort((a, b) => b.pubDate.localeCompare(a.pubDate));
}

export function rssXml(channel: FeedChannel, items: readonly FeedItem[]): string {
  const sorted = sortFeedItems(items);
  const newest = sorted[0]?.pubDate;
  return renderXml(
    el(
      'rss',
      { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom' },
      el(
        'channel',
        {},
        el('title', {}, channel.title),
        el('link', {}, channel.link),
        el('description', {}, channel.description),
        el('language', {}, channel.language ?? 'zh-CN'),
        el('atom:link', { href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' }),
        newest && el('lastBuildDate', {}, rfc822Date(newest)),
        ...sorted.map((item) =>
          el(
            'item',
            {},
            el('title', {}, item.title),
            el('link', {}, item.link),
            el('guid', { isPermaLink: 'true' }, item.link),
            el('pubDate', {}, rfc822Date(item.pubDate)),
            item.category && el('category', {}, item.category),
            el('description', {}, item.description),
          ),
        ),
      ),
    ),
  );
}
