/**
 * `@font-face` rules written and read back, without Node: the build writes `/fonts/fonts.css` with
 * them, and the browser reads that file to embed the faces a 图解 needs in its downloaded image
 * (src/client/tujieDownload.ts).
 */
import type { FontFace } from './fontFaces.ts';
import { parseUnicodeRange } from './unicodeRange.ts';

/** One `@font-face` rule for `face` under `family`; `src` is the face's URL (a path or a data: URL). */
export function fontFaceRule(face: FontFace, family: string, display: string): string {
  return `@font-face{font-family:'${family}';font-style:normal;font-weight:${face.weight};font-display:${display};src:url(${face.url}) format('woff2')${face.unicodeRange ? `;unicode-range:${face.unicodeRange}` : ''}}`;
}

/** The faces of a stylesheet written by `fontFaceRule` (`/fonts/fonts.css`, `/fonts/fallback.css`). */
export function parseFontFaceCss(css: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body = '']) => {
    const family = /font-family:\s*'([^']+)'/.exec(body)?.[1];
    const url = /src:\s*url\(([^)]+)\)/.exec(body)?.[1];
    if (!family || !url) throw new Error(`@font-face without font-family or src: ${body.trim().slice(0, 80)}`);
    const range = /unicode-range:\s*([^;}]+)/.exec(body)?.[1]?.trim();
    return { family, weight: Number(/font-weight:\s*(\d+)/.exec(body)?.[1] ?? 400), url, ...(range ? { unicodeRange: range } : {}) };
  });
}

/**
 * The faces of `family` that drawing `text` needs: a face without `unicode-range` (the one every
 * page loads) always, a slice only when it holds one of the text's characters. Each file once.
 */
export function facesForText(faces: FontFace[], family: string, text: string): FontFace[] {
  const codePoints = [...new Set([...text].map((c) => c.codePointAt(0)!))];
  const seen = new Set<string>();
  return faces.filter((face) => {
    if (face.family !== family || seen.has(face.url)) return false;
    const holds = face.unicodeRange ? parseUnicodeRange(face.unicodeRange) : () => true;
    if (!codePoints.some(holds)) return false;
    seen.add(face.url);
    return true;
  });
}
