import type { APIRoute, GetStaticPaths } from 'astro';
import { documentTasksExport, publicDocuments } from '../../../lib/data/collect.ts';
import { tasksCsv } from '../../../lib/data/exportRows.ts';
import type { DocumentEntry } from '../../../lib/content/queries.ts';

/** /data/<doc>/tasks.csv: the same tasks as tasks.json, for spreadsheets (UTF-8 with BOM, CRLF). */
export const getStaticPaths = (async () =>
  (await publicDocuments()).map((document) => ({ params: { doc: document.id }, props: { document } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { document } = props as { document: DocumentEntry };
  return new Response(tasksCsv(await documentTasksExport(document)), {
    headers: { 'content-type': 'text/csv; charset=utf-8; header=present' },
  });
};
