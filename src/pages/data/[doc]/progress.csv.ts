import type { APIRoute, GetStaticPaths } from 'astro';
import { documentProgressRows, publicDocuments } from '../../../lib/data/collect.ts';
import { toCsv } from '../../../lib/data/csv.ts';
import type { DocumentEntry } from '../../../lib/content/queries.ts';

/** /data/<doc>/progress.csv: every progress report of the 工作台账 up to the as-of date (UTF-8 with BOM, CRLF). */
export const getStaticPaths = (async () =>
  (await publicDocuments()).map((document) => ({ params: { doc: document.id }, props: { document } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { document } = props as { document: DocumentEntry };
  return new Response(toCsv(await documentProgressRows(document)), {
    headers: { 'content-type': 'text/csv; charset=utf-8; header=present' },
  });
};
