import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { countCodePoints, htmlVisibleText, scriptStrings } from './collectText.ts';
import { planSlices, type SlicePlan } from './planSlices.ts';
import { toUnicodeRange } from './unicodeRange.ts';
import { readUntil } from '../build/readUntil.ts';
import {
  FONT_HASH_LENGTH,
  PRELOAD_PLACEHOLDER,
  SITE_FAMILY,
  fallbackFaces,
  fontFaceCss,
  siteFontName,
  sourceFonts,
  type FontFace,
} from './fontFaces.ts';

/** The site's own subsets; every page links it. */
export const FONT_CSS_PATH = '/fonts/fonts.css';
/** The complete font as unicode-range slices; loaded where text the build never saw can appear (typed queries). */
export const FALLBACK_CSS_PATH = '/fonts/fallback.css';

export interface SiteFontsReport {
  characters: number;
  files: { url: string; bytes: number; characters: number }[];
}

/** The built site's files, sorted, as paths: listed once for the three passes below. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((f) => join(dir, f));
}

const PLACEHOLDER = Buffer.from(PRELOAD_PLACEHOLDER);

/** Writes `url` (as long as `PRELOAD_PLACEHOLDER`) over the page's placeholder, in place; a page without one is left as it is. */
function fillPreload(file: string, url: Buffer): void {
  const head = readUntil(file, PRELOAD_PLACEHOLDER);
  if (!head.subarray(-PLACEHOLDER.length).equals(PLACEHOLDER)) return;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, url, 0, url.length, head.length - url.length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Cuts the site's own font files from the full Noto Sans SC: only the characters the built pages
 * and scripts use, by weight, sliced by frequency (planSlices). Writes them with `fonts/fonts.css`
 * into the built site, copies the complete font's slices with `fonts/fallback.css`, and fills
 * in each page's preload of the face all pages use (`PRELOAD_PLACEHOLDER`, see `fontFaceCss`).
 * Deterministic: the same pages give byte-identical files.
 */
export async function writeSiteFonts(siteDir: string, plan?: SlicePlan): Promise<SiteFontsReport> {
  const files = listFiles(siteDir);
  const pages = files.filter((f) => f.endsWith('.html'));
  // One page in memory at a time: a 10,000-point archive has 30,000 pages.
  function* documents(): Generator<string> {
    for (const f of pages) yield htmlVisibleText(readFileSync(f, 'utf8'));
    yield files
      .filter((f) => f.endsWith('.js'))
      .map((f) => scriptStrings(readFileSync(f, 'utf8')))
      .join(' ');
  }
  const counts = countCodePoints(documents());
  const slices = planSlices(counts, plan);
  const outDir = join(siteDir, 'fonts');
  mkdirSync(join(outDir, 'noto-sans-sc'), { recursive: true });

  const faces: FontFace[] = [];
  const report: SiteFontsReport = { characters: counts.size, files: [] };
  for (const [weight, source] of Object.entries(sourceFonts())) {
    const ttf = readFileSync(source);
    for (const [i, slice] of slices.entries()) {
      const woff2 = await subsetFont(ttf, String.fromCodePoint(...slice), { targetFormat: 'woff2' });
      const hash = createHash('sha256').update(woff2).digest('hex').slice(0, FONT_HASH_LENGTH);
      const name = siteFontName(Number(weight), i, hash);
      writeFileSync(join(outDir, name), woff2);
      const url = `/fonts/${name}`;
      faces.push({ family: SITE_FAMILY, weight: Number(weight), url, unicodeRange: i === 0 ? undefined : toUnicodeRange(slice) });
      report.files.push({ url, bytes: woff2.length, characters: slice.length });
    }
  }
  const fallback = fallbackFaces();
  for (const face of fallback) copyFileSync(face.source, join(outDir, 'noto-sans-sc', face.url.split('/').pop()!));
  writeFileSync(join(siteDir, FONT_CSS_PATH), `${fontFaceCss(faces)}\n`);
  writeFileSync(join(siteDir, FALLBACK_CSS_PATH), `${fontFaceCss(fallback)}\n`);
  const everyPage = faces.find((f) => !f.unicodeRange);
  if (everyPage) {
    const url = Buffer.from(everyPage.url);
    if (url.length !== PLACEHOLDER.length)
      throw new Error(`preloaded font ${everyPage.url} does not fit the placeholder ${PRELOAD_PLACEHOLDER}`);
    for (const file of pages) fillPreload(file, url);
  }
  return report;
}
