import { createReadStream, statSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';

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

/** Resolves a URL path to a file under `root`, `null` outside it or when missing. Directories serve index.html. */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  for (const candidate of [full, join(full, 'index.html')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* try the next candidate */
    }
  }
  return null;
}

/** The text types docs/deploy.md asks a web server to compress; fonts, images and Pagefind's files are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.csv', '.svg']);

export interface StaticHandlerOptions {
  /**
   * Gzip text for clients that accept it, as a deployment configured by docs/deploy.md does (for
   * measurements of what readers get). Off for kiosks: on loopback it only costs CPU.
   */
  compress?: boolean;
}

/**
 * The request handler of the static server: files under `root` with their MIME type, `404.html`
 * for anything else, never a directory listing. It logs nothing: a request's query string holds
 * what a reader typed into search.
 */
export function staticHandler(root: string, { compress = false }: StaticHandlerOptions = {}): RequestListener {
  return (req, res) => {
    const file = resolveStaticFile(root, req.url ?? '/');
    const notFound = file ? null : resolveStaticFile(root, '/404.html');
    const path = file ?? notFound;
    if (!path) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 未找到 / not found');
      return;
    }
    const ext = extname(path).toLowerCase();
    const gzip = compress && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(file ? 200 : 404, {
      'content-type': MIME_TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...(compress ? { vary: 'accept-encoding' } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else if (gzip) createReadStream(path).pipe(createGzip()).pipe(res);
    else createReadStream(path).pipe(res);
  };
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
