/**
 * What the built site weighs: the whole `dist/` by kind of file, and per page template what a
 * first visit downloads (the HTML, and the CSS and JavaScript it references), gzip-compressed.
 * Fonts and images are not counted per page: fonts are cached once for the whole site, and are
 * shown in the `dist/` breakdown.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  url: string;
  html: number;
  css: number;
  js: number;
}

export interface DistStats {
  bytes: number;
  files: number;
  htmlPages: number;
  /** bytes and file counts by part of the site */
  parts: Record<'html' | 'pagefind' | 'fonts' | 'other', { bytes: number; files: number }>;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

export function distStats(dist: string): DistStats {
  const parts: DistStats['parts'] = {
    html: { bytes: 0, files: 0 },
    pagefind: { bytes: 0, files: 0 },
    fonts: { bytes: 0, files: 0 },
    other: { bytes: 0, files: 0 },
  };
  let bytes = 0;
  let files = 0;
  for (const file of walk(dist)) {
    const rel = file
      .slice(dist.length + 1)
      .split(sep)
      .join('/');
    const size = statSync(file).size;
    bytes += size;
    files++;
    const part = rel.startsWith('pagefind/')
      ? 'pagefind'
      : /\.(woff2?|ttf|otf)$/.test(rel)
        ? 'fonts'
        : rel.endsWith('.html')
          ? 'html'
          : 'other';
    parts[part].bytes += size;
    parts[part].files++;
  }
  return { bytes, files, htmlPages: parts.html.files, parts };
}

const gzipSize = (data: Buffer | string): number => gzipSync(data).length;

/** The file a site URL refers to, or null for external or missing ones. */
function fileOf(dist: string, url: string): string | null {
  if (/^[a-z]+:|^\/\//i.test(url)) return null;
  const path = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  const full = join(dist, path.endsWith('/') ? `${path}index.html` : path);
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** Static `import … from "x"`, `import "x"` and `export … from "x"`; dynamic `import()` is loaded on demand and not counted. */
export function staticImports(js: string): string[] {
  const out: string[] = [];
  for (const m of js.matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+)["']/g)) out.push(m[1]!);
  return out;
}

/** HTML, CSS and JS (with its static imports, each counted once) of one page, gzip bytes. */
export function pageWeight(dist: string, url: string): PageWeight {
  const htmlFile = fileOf(dist, url);
  if (!htmlFile) throw new Error(`no page at ${url} in ${dist}`);
  const html = readFileSync(htmlFile, 'utf8');
  const css = new Set<string>();
  const js = new Set<string>();
  const resolveUrl = (ref: string, base: string): string => (ref.startsWith('/') ? ref : posix.join(posix.dirname(base), ref));

  const addJs = (ref: string, base: string): void => {
    const u = resolveUrl(ref, base);
    if (js.has(u) || !fileOf(dist, u)) return;
    js.add(u);
    for (const i of staticImports(readFileSync(fileOf(dist, u)!, 'utf8'))) addJs(i, u);
  };
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel')?.toLowerCase() ?? '';
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.split(/\s+/).includes('stylesheet') && fileOf(dist, resolveUrl(href, url))) css.add(resolveUrl(href, url));
    if (rel === 'modulepreload') addJs(href, url);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(m[1] ?? '', 'src');
    if (src) addJs(src, url);
    else for (const i of staticImports(m[2] ?? '')) addJs(i, url);
  }
  const sum = (urls: Set<string>): number => [...urls].reduce((n, u) => n + gzipSize(readFileSync(fileOf(dist, u)!)), 0);
  return { url, html: gzipSize(html), css: sum(css), js: sum(js) };
}

/** The department page with the most HTML: department pages grow with the archive. */
export function largestPage(dist: string, prefix: string): string {
  const dir = join(dist, ...prefix.split('/').filter(Boolean));
  let best = { url: prefix, size: -1 };
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, 'index.html');
    try {
      const size = statSync(file).size;
      if (size > best.size) best = { url: `${prefix}${name}/`, size };
    } catch {
      /* not a page folder */
    }
  }
  return best.url;
}
