import type { APIRoute, GetStaticPaths } from 'astro';
import QRCode from 'qrcode';
import { getEvidenceLinks } from '../../lib/content/queries.ts';
import { isExternal, qrPath } from '../../lib/kiosk/qr.ts';
import { site } from '../../../site.config.mjs';

/**
 * QR codes of every external address the site links to, for kiosks (`ExternalLink.astro`): the
 * related links and the evidence links of published reports, read through the 公开属性 gate
 * (`getEvidenceLinks`), so no report the site does not show becomes a QR code.
 */
export const getStaticPaths = (async () => {
  const urls = new Set<string>(site.relatedLinks.map((l) => l.url));
  for (const url of await getEvidenceLinks()) if (isExternal(url, site.url)) urls.add(url);
  return [...urls].map((url) => ({ params: { hash: qrPath(url).slice('/qr/'.length, -'.svg'.length) }, props: { url } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const svg = await QRCode.toString((props as { url: string }).url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
};
