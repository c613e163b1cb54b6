import type { APIRoute, GetStaticPaths } from 'astro';
import { generatedTujie } from '../../../lib/content/generatedTujie.ts';
import { getInterpretations } from '../../../lib/content/queries.ts';
import { interpretationUrls } from '../../../lib/content/interpretations.ts';
import { rasterizeSvg } from '../../../lib/tujie/rasterize.ts';

/** A downloadable PNG of every generated 图解, 1080 px wide: `/tujie/images/2021-18.png`. */
export const getStaticPaths = (async () => {
  const entries = [...(await getInterpretations()).tujie.values()].filter(
    (e) => e.data.kind === 'generated' && e.data.disclosure === '主动公开',
  );
  return entries.map((entry) => ({
    params: { name: interpretationUrls.tujieImage(entry.id).slice('/tujie/images/'.length, -'.png'.length) },
    props: { entry },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const generated = await generatedTujie(entry);
  if (!generated) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(await rasterizeSvg(generated.svg)), { headers: { 'content-type': 'image/png' } });
};
