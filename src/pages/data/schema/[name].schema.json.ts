import type { APIRoute, GetStaticPaths } from 'astro';
import { exportJsonSchema } from '../../../lib/data/jsonSchema.ts';
import type { SchemaName } from '../../../lib/data/paths.ts';
import { site } from '../../../../site.config.mjs';

/** /data/schema/points.schema.json and tasks.schema.json (JSON Schema draft 2020-12). */
export const getStaticPaths = (() =>
  (['points', 'tasks'] as const).map((name) => ({ params: { name }, props: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { name } = props as { name: SchemaName };
  return new Response(JSON.stringify(exportJsonSchema(name, site.url), null, 2) + '\n', {
    headers: { 'content-type': 'application/schema+json; charset=utf-8' },
  });
};
