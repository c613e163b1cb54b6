import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import QRCode from 'qrcode';
import { isExternal, qrPath } from '../../lib/kiosk/qr.ts';
import { site } from '../../../site.config.mjs';

/** QR codes of every external address the site links to, for kiosks (`ExternalLink.astro`). */
export const getStaticPaths = (async () => {
  const urls = new Set<string>(site.relatedLinks.map((l) => l.url));
  for (const p of await getCollection('progress'))
    for (const u of p.data.updates) if (u.evidence && isExternal(u.evidence, site.url)) urls.add(u.evidence);
  return [...urls].map((url) => ({ params: { hash: qrPath(url).slice('/qr/'.length, -'.svg'.length) }, props: { url } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const svg = await QRCode.toString((props as { url: string }).url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
};
