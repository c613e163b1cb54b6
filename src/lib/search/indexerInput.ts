/**
 * What of a built page the search indexer is given. A searchable page marks its indexed region
 * with `data-pagefind-body` (the layout's `<main>`); Pagefind indexes only the text inside it, and
 * reads outside it only the `<html>` element's `lang` (which picks the Chinese segmenter), the
 * `<title>` and the images after the first `<h1>` (automatic `title` and `image` metadata), and any
 * `data-pagefind-*` attribute. The header, navigation, reading settings, footer, inline scripts and
 * styles around the region are about 60 % of a page's characters; leaving them out gives the same
 * index from half the bytes sent to the indexer (docs/performance.md).
 */

/** The rest of a tag, its quoted attribute values allowed to hold `>` (the tag pattern of segment.ts). */
const TAG_REST = String.raw`(?:[^>"']|"[^"]*"|'[^']*')*>`;
/** Outside the region: comments and scripts (dropped), the title (kept whole), then any tag. */
const OUTSIDE_TOKEN = new RegExp(
  String.raw`<!--[\s\S]*?-->|<(script|style|template)\b[\s\S]*?<\/\1\s*>|<title\b[\s\S]*?<\/title\s*>|<${TAG_REST}`,
  'gi',
);
/** Tokens kept outside the region: the title, the document's structure (`lang` is on `<html>`) and images. */
const KEPT_OUTSIDE = /^<(?:title|\/?(?:html|head|body)|img)\b/i;
/** Outside the region, what would make Pagefind read more than the tokens above. */
const READ_OUTSIDE = /data-pagefind-|<h1\b/i;

/** The element holding `data-pagefind-body`: where it starts and ends, or null if there is not exactly one. */
function indexedRegion(html: string): { start: number; end: number } | null {
  const at = html.indexOf('data-pagefind-body');
  if (at < 0 || html.includes('data-pagefind-body', at + 1)) return null;
  const start = html.lastIndexOf('<', at);
  const name = /^<([a-z][\w-]*)/i.exec(html.slice(start, at))?.[1];
  if (!name) return null;
  const tags = new RegExp(String.raw`<(\/?)${name}\b${TAG_REST}`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return { start, end: m.index + m[0].length };
  }
  return null;
}

/** The tokens Pagefind reads outside the indexed region, in their order, without the text between them. */
const keptOutside = (part: string): string =>
  Array.from(part.matchAll(OUTSIDE_TOKEN), ([token, script]) => (!script && KEPT_OUTSIDE.test(token) ? token : '')).join('');

/**
 * The page as Pagefind needs it: the indexed region whole, and around it only the `<html>`,
 * `<head>` and `<body>` tags, the `<title>` and the `<img>` tags. A page whose surroundings hold a
 * `data-pagefind-*` attribute or an `<h1>`, or that has no single indexed region, is returned whole.
 */
export function indexerInput(html: string): string {
  const region = indexedRegion(html);
  if (!region) return html;
  const before = html.slice(0, region.start);
  const after = html.slice(region.end);
  if (READ_OUTSIDE.test(before) || READ_OUTSIDE.test(after)) return html;
  return keptOutside(before) + html.slice(region.start, region.end) + keptOutside(after);
}
