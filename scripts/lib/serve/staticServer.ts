import { constants, readFileSync, realpathSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { extname, join, normalize, posix, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { headersForPath, parseHeadersFile, type HeaderRule } from '../build/headersFile.ts';

/** MIME types of everything the build emits; Pagefind needs `.wasm` and its `.pf_*` binaries served as such. */
export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** The URL path of a request, percent-decoded, without its query; `null` when it does not decode or holds a NUL. */
function decodedPath(url: string): string | null {
  try {
    const path = decodeURIComponent(url.split('?')[0] ?? '/');
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

const inside = (root: string, path: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Resolves a URL path to a file under `root`, `null` outside it or when missing. Directories serve
 * index.html. The answer is the file's real path: a symbolic link is followed, and a file whose
 * real path leaves the real root (a link inside the site pointing outside it) is never served.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  const path = decodedPath(urlPath);
  if (path === null) return null;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return null;
  }
  const full = normalize(join(realRoot, path));
  if (!inside(realRoot, full)) return null;
  for (const candidate of [full, join(full, 'index.html')]) {
    try {
      const real = realpathSync(candidate);
      if (inside(realRoot, real) && statSync(real).isFile()) return real;
    } catch {
      /* try the next candidate */
    }
  }
  return null;
}

/** The text types docs/deploy.md asks a web server to compress; fonts, images and Pagefind's files are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.csv', '.svg']);
/** The only methods a static site answers; anything else is 405 (RFC 9110 §15.5.6). */
const METHODS = ['GET', 'HEAD'];
/** Opening a file never follows a link swapped in after it was resolved (0 where the system has no such flag). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export interface StaticHandlerOptions {
  /**
   * Gzip text for clients that accept it, as a deployment configured by docs/deploy.md does (for
   * measurements of what readers get). Off for kiosks: on loopback it only costs CPU.
   */
  compress?: boolean;
}

/** A byte range of a file, both ends included. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * What a `Range` header asks of a file of `size` bytes (RFC 9110 §14): `null` to send the whole
 * file (no header, another unit, a malformed value, or several ranges, which a server may answer
 * with the whole file), `'unsatisfiable'` for a single range that starts past the end, or the
 * range, clipped to the file.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [first, last] = [match[1]!, match[2]!];
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  return start >= size ? 'unsatisfiable' : { start, end };
}

/** The site's own `_headers` (scripts/lib/build/headersFile.ts), re-read whenever the file changes (a new build). */
function siteHeaderRules(): (root: string) => HeaderRule[] {
  let cached: { key: string; rules: HeaderRule[] } | null = null;
  return (root) => {
    const file = join(root, '_headers');
    let key: string;
    try {
      const stat = statSync(file);
      key = `${file}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return [];
    }
    if (cached?.key !== key) cached = { key, rules: parseHeadersFile(readFileSync(file, 'utf8')) };
    return cached.rules;
  };
}

/** The URL path `_headers` patterns match: decoded and normalised, as the file served was found. */
const headerPath = (url: string) => posix.normalize(decodedPath(url) ?? '/');

/**
 * The request handler of the static server: GET and HEAD of files under `root` with their MIME
 * type and the headers the build's `_headers` gives their path, a single byte range when asked,
 * `404.html` for anything else, never a directory listing. Every file is opened once, without
 * following links, and closed when its response ends, fails or is abandoned by the client. It
 * logs nothing: a request's query string holds what a reader typed into search.
 */
export function staticHandler(root: string, { compress = false }: StaticHandlerOptions = {}): RequestListener {
  const rules = siteHeaderRules();
  return (req, res) => {
    respond(req, res, root, rules, compress).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('500 服务器错误 / server error');
      else res.destroy();
    });
  };
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  rules: (root: string) => HeaderRule[],
  compress: boolean,
): Promise<void> {
  const site = headersForPath(rules(root), headerPath(req.url ?? '/'));
  if (!METHODS.includes(req.method ?? '')) {
    res.writeHead(405, { ...site, allow: METHODS.join(', '), 'content-type': 'text/plain; charset=utf-8' });
    res.end('405 不支持的请求方法 / method not allowed');
    return;
  }
  const file = resolveStaticFile(root, req.url ?? '/');
  const path = file ?? resolveStaticFile(root, '/404.html');
  if (!path) {
    res.writeHead(404, { ...site, 'content-type': 'text/plain; charset=utf-8' }).end('404 未找到 / not found');
    return;
  }
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
  } catch {
    // Out of file descriptors, or the file went away since it was resolved: say so, stay up.
    res.writeHead(503, { ...site, 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' }).end('503 请稍后再试 / try again');
    return;
  }
  await sendFile(req, res, handle, { path, found: Boolean(file), site, compress });
}

/** Sends an open file (or the part a `Range` asks for) and closes it, however the response ends. */
async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  handle: FileHandle,
  { path, found, site, compress }: { path: string; found: boolean; site: Record<string, string>; compress: boolean },
): Promise<void> {
  let streaming = false;
  try {
    const { size } = await handle.stat();
    const ext = extname(path).toLowerCase();
    const range = found && !req.headers['if-range'] ? parseRange(req.headers.range, size) : null;
    const gzip = compress && range === null && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const headers: OutgoingHttpHeaders = {
      'content-type': MIME_TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...site,
      ...(found ? { 'accept-ranges': 'bytes' } : {}),
      ...(compress ? { vary: 'accept-encoding' } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    };
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${size}`, 'content-type': 'text/plain; charset=utf-8' });
      res.end('416 请求的范围无效 / range not satisfiable');
      return;
    }
    const part = range ?? { start: 0, end: size - 1 };
    if (!gzip) headers['content-length'] = part.end - part.start + 1;
    if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
    res.writeHead(range ? 206 : found ? 200 : 404, headers);
    if (req.method === 'HEAD' || part.end < part.start) {
      res.end();
      return;
    }
    // The stream owns the handle from here: pipeline destroys it, and so closes the file, when
    // the response ends, fails, or the client goes away (a page change aborts font loads).
    streaming = true;
    const stream = handle.createReadStream({ start: part.start, end: part.end });
    await (gzip ? pipeline(stream, createGzip(), res) : pipeline(stream, res)).catch(() => {
      /* the client went away: nothing to answer */
    });
  } finally {
    if (!streaming) await handle.close();
  }
}

/**
 * Listens on `host`:`port`, or on the next free port when that one is taken (up to `tries` ports;
 * port 0 lets the system choose). Resolves with the URL actually listened on.
 */
export function listenOnFreePort(server: Server, port: number, host = '127.0.0.1', tries = 1): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let attempt = 0;
    const onError = (error: NodeJS.ErrnoException) => {
      attempt += 1;
      if (error.code === 'EADDRINUSE' && port !== 0 && attempt < tries) server.listen(port + attempt, host);
      else reject(error);
    };
    server.on('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      const address = server.address();
      resolvePromise(`http://${host}:${typeof address === 'object' && address ? address.port : port}`);
    });
    server.listen(port, host);
  });
}

/** A static file server for `dist/`, bound to loopback only (kiosks, previews, browser tests). */
export async function startStaticServer(root: string, port = 0, host = '127.0.0.1', tries = 1): Promise<{ server: Server; url: string }> {
  const server = createServer(staticHandler(root));
  return { server, url: await listenOnFreePort(server, port, host, tries) };
}
