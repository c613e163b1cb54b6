/**
 * The downloadable PNG of a generated 图解 is drawn in the reader's browser from the SVG on the
 * page (src/client/tujieDownload.ts), not at build time. An SVG drawn through an image element
 * cannot use the page's web fonts, so the faces its text needs are embedded in it first.
 */
import { TUJIE_WIDTH } from './renderTujieSvg.ts';

/** Width of the downloaded PNG, in pixels. */
export const TUJIE_IMAGE_WIDTH = TUJIE_WIDTH;

/** The SVG with `css` (the `@font-face` rules, their files as data: URLs) as its first child. */
export function embedStyle(svg: string, css: string): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('not an SVG document: no <svg> element');
  const at = open.index + open[0].length;
  return `${svg.slice(0, at)}<style><![CDATA[${css}]]></style>${svg.slice(at)}`;
}

/** The first family of an SVG's `font-family` attribute: `'ZW Sans', sans-serif` → `ZW Sans`. */
export function firstFamily(fontFamily: string): string {
  return fontFamily
    .split(',')[0]!
    .trim()
    .replace(/^['"]|['"]$/g, '');
}

/** Pixel size of the PNG for an SVG of `width` × `height`: `TUJIE_IMAGE_WIDTH` wide, same aspect. */
export function imageSize(width: number, height: number): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new Error(`the SVG has no size (${width} × ${height})`);
  return { width: TUJIE_IMAGE_WIDTH, height: Math.round((height * TUJIE_IMAGE_WIDTH) / width) };
}
