/**
 * What the sitemap lists and robots.txt says. The sitemap integration runs in astro.config.mjs,
 * outside the content layer, so the pages of content that is not 主动公开 are found from the
 * content files directly (the same YAML reader `npm run check` uses).
 */
import { loadCollection } from '../check/loadEntries.ts';
import { interpretationUrls } from '../content/interpretations.ts';
import { urls } from '../content/ids.ts';
import { isPublic, type Disclosed } from './disclosure.ts';
import { absoluteUrl, dataUrls } from './paths.ts';

export interface Exclusions {
  /** Exact paths, e.g. `/jiedu/2021/05/`. */
  paths: string[];
  /** Whole subtrees, e.g. `/search/`, or a non-public document's `/yaodian/2022-fujian/`. */
  prefixes: string[];
}

/** Pages that never belong in the sitemap, whatever the content. */
export const ALWAYS_EXCLUDED: Exclusions = { paths: ['/404/', '/404.html'], prefixes: ['/search/'] };

/** Raw YAML data, not yet checked by the schemas: a missing or misspelt 公开属性 is not public. */
function isPublicData(data: unknown): boolean {
  return data !== null && typeof data === 'object' && isPublic({ data: data as Disclosed['data'] });
}

/** Paths of documents, 解读 and 图解 that are not 主动公开, read from `<root>/src/content`. */
export function nonPublicPaths(root: string): Exclusions {
  const exclusions: Exclusions = { paths: [], prefixes: [] };
  for (const entry of loadCollection(root, 'documents').entries) {
    if (isPublicData(entry.data)) continue;
    // Every URL of a document is under its id (its file name), whatever its year.
    const id = entry.id;
    exclusions.prefixes.push(urls.document(id), urls.ledger(id), `/jiedu/${id}/`, `/tujie/${id}/`, `/data/${id}/`);
  }
  for (const collection of ['jiedu', 'tujie'] as const) {
    for (const entry of loadCollection(root, collection).entries) {
      if (!isPublicData(entry.data)) exclusions.paths.push(interpretationUrls[collection](entry.id));
    }
  }
  return exclusions;
}

/**
 * The sitemap's `filter`: HTML pages only (directory URLs, no files such as /rss.xml), minus the
 * 404 page, search and everything excluded.
 */
export function sitemapFilter(...exclusions: Exclusions[]): (url: string) => boolean {
  const paths = new Set(exclusions.flatMap((e) => e.paths));
  const prefixes = exclusions.flatMap((e) => e.prefixes);
  return (url) => {
    const { pathname } = new URL(url);
    return pathname.endsWith('/') && !paths.has(pathname) && !prefixes.some((p) => pathname.startsWith(p));
  };
}

export function robotsTxt(siteUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(dataUrls.sitemap(), siteUrl)}`, ''].join('\n');
}
