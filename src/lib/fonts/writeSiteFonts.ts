import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { countCodePoints, htmlVisibleText, scriptStrings } from './collectText.ts';
import { planSlices, type SlicePlan } from './planSlices.ts';
import { toUnicodeRange } from './unicodeRange.ts';
import { SITE_FAMILY, fallbackFaces, fontFaceCss, preloadFont, sourceFonts, type FontFace } from './fontFaces.ts';

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

/**
 * Cuts the site's own font files from the full Noto Sans SC: only the characters the built pages
 * and scripts use, by weight, sliced by frequency (planSlices). Writes them with `fonts/fonts.css`
 * into the built site, copies the complete font's slices with `fonts/fallback.css`, and makes
 * every page preload the face all pages use (see `fontFaceCss`). Deterministic: the same pages give byte-identical files.
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
      const hash = createHash('sha256').update(woff2).digest('hex').slice(0, 10);
      const name = `site-${weight}-${i}.${hash}.woff2`;
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
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const preloaded = preloadFont(html, FONT_CSS_PATH, everyPage.url);
      if (preloaded !== html) writeFileSync(file, preloaded);
    }
  }
  return report;
}
