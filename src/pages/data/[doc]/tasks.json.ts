import type { APIRoute, GetStaticPaths } from 'astro';
import { documentTasksExport, publicDocuments } from '../../../lib/data/collect.ts';
import type { DocumentEntry } from '../../../lib/content/queries.ts';

/** /data/<doc>/tasks.json: the 任务分解表 of each 主动公开 document (schema: /data/schema/tasks.schema.json). */
export const getStaticPaths = (async () =>
  (await publicDocuments()).map((document) => ({ params: { doc: document.id }, props: { document } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { document } = props as { document: DocumentEntry };
  return new Response(JSON.stringify(await documentTasksExport(document), null, 2) + '\n', {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
