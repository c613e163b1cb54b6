import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Server } from 'node:http';
import { startStaticServer } from '../../../scripts/lib/serve/staticServer.ts';
import { documentOfPoint, urls } from '../../../src/lib/content/ids.ts';
import { interpretationUrls } from '../../../src/lib/content/interpretations.ts';
import { loadCollection, type LoadedEntry } from '../../../scripts/lib/check/loadEntries.ts';
import { PUBLIC_DISCLOSURE } from '../../../src/lib/data/disclosure.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist');

/** Serves the built site on an ephemeral loopback port for one test file. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const { server, url }: { server: Server; url: string } = await startStaticServer(DIST);
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}

/** Every HTML page of the build as a URL path (`/yaodian/2021/01/`). */
export function htmlPages(): string[] {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map(
      (f) =>
        '/' +
        f
          .split(sep)
          .join('/')
          .replace(/index\.html$/, ''),
    )
    .sort();
}

export function distPath(...parts: string[]): string {
  return join(DIST, ...parts);
}

export function relativeToDist(path: string): string {
  return relative(DIST, path);
}

/** A page the content collections call for, and whether the sitemap lists it (主动公开 only). */
export interface ContentPage {
  path: string;
  listed: boolean;
}

/**
 * The pages the content collections call for, read from `src/content` (the check's reader) rather
 * than from the build: every document's page; for each 主动公开 document its ledger and one page
 * per point; one page per 文字解读 and 图解 of such a document that is not 不予公开.
 */
export function contentPages(): ContentPage[] {
  const data = (entry: LoadedEntry) => entry.data as Record<string, unknown>;
  const open = new Set<string>();
  const pages: ContentPage[] = [];
  for (const document of loadCollection(ROOT, 'documents').entries) {
    const listed = data(document).disclosure === PUBLIC_DISCLOSURE;
    pages.push({ path: urls.document(document.id), listed });
    if (!listed) continue;
    open.add(document.id);
    pages.push({ path: urls.ledger(document.id), listed });
  }
  for (const point of loadCollection(ROOT, 'points').entries) {
    const documentId = documentOfPoint(point.id);
    if (open.has(documentId)) pages.push({ path: urls.point(documentId, data(point).no as number), listed: true });
  }
  for (const kind of ['jiedu', 'tujie'] as const) {
    for (const entry of loadCollection(ROOT, kind).entries) {
      const { disclosure } = data(entry);
      if (open.has(entry.id.split('/')[0]!) && disclosure !== '不予公开')
        pages.push({ path: interpretationUrls[kind](entry.id), listed: disclosure === PUBLIC_DISCLOSURE });
    }
  }
  return pages;
}

/** The page paths the sitemap lists (`/yaodian/2021/01/`), from every sitemap the index names. */
export function sitemapPages(): string[] {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  return locs(readFileSync(distPath('sitemap-index.xml'), 'utf8')).flatMap((sitemap) => locs(readFileSync(distPath(sitemap), 'utf8')));
}
