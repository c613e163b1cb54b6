import type { APIRoute, GetStaticPaths } from 'astro';
import { generatedTujie } from '../../../lib/content/generatedTujie.ts';
import { getInterpretations } from '../../../lib/content/queries.ts';
import { interpretationUrls } from '../../../lib/content/interpretations.ts';
import { rasterizeSvg } from '../../../lib/tujie/rasterize.ts';

/** Downloadable rasters of every generated 图解, 1080 px wide: `/tujie/images/2021-18.png|.webp`. */
export const getStaticPaths = (async () => {
  const entries = [...(await getInterpretations()).tujie.values()].filter((e) => e.data.kind === 'generated' && e.data.disclosure === '主动公开');
  return entries.flatMap((entry) =>
    (['png', 'webp'] as const).map((format) => {
      const url = interpretationUrls.tujieImage(entry.id, format);
      return { params: { name: url.slice('/tujie/images/'.length, -(format.length + 1)), format }, props: { entry, format } };
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { entry, format } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const generated = await generatedTujie(entry);
  if (!generated) return new Response(null, { status: 404 });
  const body = (await rasterizeSvg(generated.svg))[format];
  return new Response(new Uint8Array(body), { headers: { 'content-type': format === 'png' ? 'image/png' : 'image/webp' } });
};
