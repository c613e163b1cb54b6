import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fontFaceRule } from './fontFaceRule.ts';

/** The family the site's own subsets are declared under; the full font is the fallback family. */
export const SITE_FAMILY = 'ZW Sans';
export const FALLBACK_FAMILY = 'Noto Sans SC';
/** The face every page loads, declared again with `swap` for a page that missed it (see `fontFaceCss`). */
export const LATE_FAMILY = 'ZW Sans Late';

export interface FontFace {
  family: string;
  weight: number;
  /** URL path the browser loads, e.g. `/fonts/site-400-0.ab12cd34.woff2`. */
  url: string;
  /** Omitted for a face every page loads anyway: a missing glyph still falls back per character. */
  unicodeRange?: string;
}

/**
 * One `@font-face` per face; woff2 only, which every browser that runs this site supports.
 * The face every page loads (no `unicode-range`) is preloaded by each page (`PRELOAD_PLACEHOLDER`) and
 * `font-display: optional`: Chromium holds the first paint up to 100 ms for a preloaded optional
 * font, so the text is laid out once, in the site's font, and never moves when it arrives (with
 * `swap` it was laid out in a fallback first: Lighthouse measured a layout shift of 0.29 on a
 * point's page). A font that misses that window is not used on that page at all, and a kiosk or
 * computer with no Chinese font would then show empty boxes; so the same file is declared again
 * under `LATE_FAMILY` with `swap`, next in every font stack: it is only reached when the optional
 * face was given up, and then swaps the real glyphs in (a shift, instead of unreadable text).
 * Slices of rarer characters and the complete font's slices keep `swap`: they are not preloaded.
 */
export function fontFaceCss(faces: FontFace[]): string {
  return faces
    .flatMap((f) =>
      f.unicodeRange ? [fontFaceRule(f, f.family, 'swap')] : [fontFaceRule(f, f.family, 'optional'), fontFaceRule(f, LATE_FAMILY, 'swap')],
    )
    .join('\n');
}

/** Hex digits of a cut font file's content hash in its name. */
export const FONT_HASH_LENGTH = 10;

/** A cut font file's name: its weight, its slice and the start of its content's SHA-256. */
export const siteFontName = (weight: number, slice: number, hash: string): string => `site-${weight}-${slice}.${hash}.woff2`;

/**
 * What a built page preloads until the build knows the face every page loads: that face's URL
 * (slice 0 of the regular weight) with zeros for its hash, which is known only once every page
 * is written and counted. The build writes the real hash over the zeros in each page's file
 * (`writeSiteFonts`), the same number of bytes in place, instead of reading and writing every
 * page whole again. In `astro dev` pages preload nothing (the complete font is served there).
 */
export const PRELOAD_PLACEHOLDER = `/fonts/${siteFontName(400, 0, '0'.repeat(FONT_HASH_LENGTH))}`;

const require = createRequire(import.meta.url);

/**
 * The complete Noto Sans SC, split by unicode-range (from @fontsource/noto-sans-sc), as the
 * fallback for any character the site's subsets lack, such as a word typed into the search box.
 * A browser downloads a slice of it only when a page shows a character from that slice.
 */
export function fallbackFaces(urlBase = '/fonts/noto-sans-sc'): (FontFace & { source: string })[] {
  const cssPath = require.resolve('@fontsource/noto-sans-sc/400.css');
  const css = readFileSync(cssPath, 'utf8');
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body = '']) => {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!file || !range) throw new Error(`@fontsource/noto-sans-sc/400.css: unexpected @font-face: ${body.trim().slice(0, 80)}`);
    return {
      family: FALLBACK_FAMILY,
      weight: 400,
      url: `${urlBase}/${file}`,
      unicodeRange: range.trim(),
      source: join(dirname(cssPath), 'files', file),
    };
  });
}

/**
 * The full-coverage TrueType file the site's subsets are cut from, by weight. Only the regular
 * weight is shipped: bold is synthesised by the browser. A true bold face subset to the same
 * characters doubled a first visit's font bytes (about 190 KB more for the 2021 site) for
 * headings and labels only, and subsetting it to "bold text only" cannot be done safely from
 * the HTML, since CSS decides what is bold; a missing bold glyph would fall back to no font at
 * all on a kiosk.
 */
export function sourceFonts(): Record<number, string> {
  return { 400: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf') };
}
