/**
 * Which URLs a 解读 may hold: one definition for `npm run check`, which reports the others, and for
 * the render step (`sanitizeJiedu`), which drops them.
 */

/** Link schemes a 解读 may use; relative and site paths have none. */
export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);
/** Schemes that run script or embed unreviewed content, in a link, an image or any attribute. */
export const DANGEROUS_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'vbscript', 'data']);

/** Spaces and control characters, which a browser drops from a URL before it reads the scheme. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const IGNORED_IN_URL = /[\u0000-\u0020\u007f]+/g;

/** The scheme of a URL as a browser reads it (spaces and control characters ignored), lowercased. */
export function urlScheme(url: string): string | null {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(IGNORED_IN_URL, ''));
  return m ? m[1]!.toLowerCase() : null;
}

/** A link target a 解读 may use: a site or relative path, or http(s), mailto, tel. */
export function isAllowedLink(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === null || LINK_SCHEMES.has(scheme);
}

/** An image a 解读 may show: a file of this site (`/images/…`), never a remote or inline one. */
export function isSiteImage(url: string): boolean {
  const trimmed = url.replace(IGNORED_IN_URL, '');
  return trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.startsWith('/\\') && urlScheme(trimmed) === null;
}
