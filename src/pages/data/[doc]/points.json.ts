import type { APIRoute, GetStaticPaths } from 'astro';
import { documentPointsExport, publicDocuments } from '../../../lib/data/collect.ts';
import type { DocumentEntry } from '../../../lib/content/queries.ts';

/** /data/<doc>/points.json: the 要点 of each 主动公开 document (schema: /data/schema/points.schema.json). */
export const getStaticPaths = (async () =>
  (await publicDocuments()).map((document) => ({ params: { doc: document.id }, props: { document } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { document } = props as { document: DocumentEntry };
  return new Response(JSON.stringify(await documentPointsExport(document), null, 2) + '\n', {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
