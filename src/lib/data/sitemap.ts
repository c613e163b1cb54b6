/**
 * What the sitemap lists and robots.txt says. The sitemap integration runs in astro.config.mjs,
 * outside the content layer, so the content files are read with the checker's loader and schemas;
 * what is public is then decided by the same 公开属性 gate as every export (`disclosure.ts`).
 */
import { loadCollection } from '../../../scripts/lib/check/loadEntries.ts';
import { schemas } from '../../../scripts/lib/check/validateSchemas.ts';
import type { CollectionName } from '../../schemas/collections.ts';
import { interpretationUrls } from '../content/interpretations.ts';
import { documentOfPoint, urls } from '../content/ids.ts';
import { disclosureGate } from './disclosure.ts';
import type { Disclosure } from '../../schemas/common.ts';
import { absoluteUrl, dataUrls } from './paths.ts';

export interface Exclusions {
  /** Exact paths, e.g. `/jiedu/2021/05/`. */
  paths: string[];
  /** Whole subtrees, e.g. `/search/`, or a non-public document's `/yaodian/2022-fujian/`. */
  prefixes: string[];
}

/** Pages that never belong in the sitemap, whatever the content. */
export const ALWAYS_EXCLUDED: Exclusions = { paths: ['/404/', '/404.html'], prefixes: ['/search/'] };

/**
 * A collection's entries with the data their schema accepts (references are plain ids); an entry
 * it refuses has no data, and is not public (`npm run check` stops the build for it anyway).
 */
function read<T>(root: string, collection: CollectionName): { id: string; data: T | null }[] {
  return loadCollection(root, collection).entries.map((entry) => {
    const parsed = schemas[collection].safeParse(entry.data);
    return { id: entry.id, data: parsed.success ? (parsed.data as T) : null };
  });
}

/** A reference as the content layer resolves it. */
const ref = (id: string) => ({ id });
const hasData = <T>(entry: { id: string; data: T | null }): entry is { id: string; data: T } => entry.data !== null;
type Interpretation = { disclosure: Disclosure; interprets: { point: string } | { document: string } };

/** Paths of documents, 解读 and 图解 that are not 主动公开, read from `<root>/src/content`. */
export function nonPublicPaths(root: string): Exclusions {
  const exclusions: Exclusions = { paths: [], prefixes: [] };
  const documents = read<{ disclosure: Disclosure }>(root, 'documents');
  const interpretations = (['jiedu', 'tujie'] as const).flatMap((collection) =>
    read<Interpretation>(root, collection).map((entry) => ({ collection, ...entry })),
  );
  // The points explained, with their documents from their ids: reading every point file would
  // cost a large archive seconds for what the id already says.
  const points = interpretations.flatMap(({ data }) => (data && 'point' in data.interprets ? [data.interprets.point] : []));
  const gate = disclosureGate(
    documents.filter(hasData),
    points.map((id) => ({ id, data: { document: ref(documentOfPoint(id)) } })),
  );
  for (const entry of documents) {
    if (gate.document(entry)) continue;
    // Every URL of a document is under its id (its file name), whatever its year.
    const id = entry.id;
    exclusions.prefixes.push(urls.document(id), urls.ledger(id), `/jiedu/${id}/`, `/tujie/${id}/`, `/data/${id}/`);
  }
  for (const { collection, id, data } of interpretations) {
    const published =
      data !== null &&
      gate.interpretation({
        data: {
          disclosure: data.disclosure,
          interprets: 'point' in data.interprets ? { point: ref(data.interprets.point) } : { document: ref(data.interprets.document) },
        },
      });
    if (!published) exclusions.paths.push(interpretationUrls[collection](id));
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
