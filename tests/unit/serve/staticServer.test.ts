import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, get, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import {
  listenOnFreePort,
  parseRange,
  resolveStaticFile,
  staticHandler,
  startStaticServer,
} from '../../../scripts/lib/serve/staticServer.ts';
import { headersForPath, parseHeadersFile, writeHeadersFile } from '../../../scripts/lib/build/headersFile.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'serve-'));
  mkdirSync(join(root, 'yaodian/2021/01'), { recursive: true });
  writeFileSync(join(root, 'yaodian/2021/01/index.html'), '<p>一</p>');
  writeFileSync(join(root, '404.html'), '<p>未找到</p>');
  mkdirSync(join(root, 'pagefind'));
  writeFileSync(join(root, 'pagefind/wasm.zh.pagefind'), 'x');
  writeFileSync(join(root, 'pagefind/pagefind.wasm'), 'x');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveStaticFile', () => {
  it('serves directory URLs from index.html and decodes the path', () => {
    expect(resolveStaticFile(root, '/yaodian/2021/01/')).toBe(join(root, 'yaodian/2021/01/index.html'));
    expect(resolveStaticFile(root, '/yaodian/2021/01/?q=%E5%9B%BE')).toBe(join(root, 'yaodian/2021/01/index.html'));
  });
  it('never leaves the root', () => {
    expect(resolveStaticFile(root, '/../../etc/passwd')).toBeNull();
    expect(resolveStaticFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStaticFile(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('startStaticServer', () => {
  it('answers on loopback with the right MIME types and a 404 page', async () => {
    const { server, url } = await startStaticServer(root);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await fetch(`${url}/yaodian/2021/01/`);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toBe('<p>一</p>');
      expect((await fetch(`${url}/pagefind/pagefind.wasm`)).headers.get('content-type')).toBe('application/wasm');
      const missing = await fetch(`${url}/nope/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('未找到');
    } finally {
      server.close();
    }
  });

  it('takes the next port when the one asked for is taken, and never lists a directory', async () => {
    const first = await startStaticServer(root);
    const taken = Number(new URL(first.url).port);
    const second = await startStaticServer(root, taken, '127.0.0.1', 20);
    try {
      expect(Number(new URL(second.url).port)).toBeGreaterThan(taken);
      expect((await fetch(`${second.url}/yaodian/2021/01/`)).status).toBe(200);
      expect((await fetch(`${second.url}/pagefind/`)).status).toBe(404);
      await expect(startStaticServer(root, taken)).rejects.toThrow(/EADDRINUSE/);
    } finally {
      first.server.close();
      second.server.close();
    }
  });
});

describe('staticHandler with compress', () => {
  /** Raw response (status, headers, undecoded body): fetch would decode gzip itself. */
  const raw = (url: string, headers: Record<string, string>) =>
    new Promise<{ encoding?: string; vary?: string; body: Buffer }>((done, fail) =>
      get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ encoding: res.headers['content-encoding'], vary: res.headers.vary, body: Buffer.concat(chunks) }));
      }).on('error', fail),
    );

  it('gzips text for clients that accept it, as docs/deploy.md asks of a web server, and nothing else', async () => {
    const server = createServer(staticHandler(root, { compress: true }));
    const url = await listenOnFreePort(server, 0);
    const plain = await startStaticServer(root);
    try {
      const page = await raw(`${url}/yaodian/2021/01/`, { 'accept-encoding': 'gzip, deflate' });
      expect([page.encoding, page.vary]).toEqual(['gzip', 'accept-encoding']);
      expect(gunzipSync(page.body).toString()).toBe('<p>一</p>');
      expect((await raw(`${url}/yaodian/2021/01/`, {})).body.toString()).toBe('<p>一</p>');
      const wasm = await raw(`${url}/pagefind/pagefind.wasm`, { 'accept-encoding': 'gzip' });
      expect([wasm.encoding, wasm.body.toString()]).toEqual([undefined, 'x']);
      expect((await raw(`${plain.url}/yaodian/2021/01/`, { 'accept-encoding': 'gzip' })).encoding).toBeUndefined();
    } finally {
      server.close();
      plain.server.close();
    }
  });
});

/** A raw request (any method, any header), so nothing is decoded, retried or refused by the client. */
function request(url: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((done, fail) => {
    const req = httpRequest(url, { agent: false, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', fail).end();
  });
}

describe('staticHandler: methods, ranges, links, headers', () => {
  let site: string;
  let outside: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'serve-site-'));
    outside = mkdtempSync(join(tmpdir(), 'serve-outside-'));
    writeFileSync(join(site, 'index.html'), '<p>首页</p>');
    writeFileSync(join(site, '404.html'), '<p>未找到</p>');
    writeFileSync(join(site, 'digits.txt'), '0123456789');
    mkdirSync(join(site, 'images'));
    writeFileSync(join(outside, 'passwd'), 'root:x:0:0');
    mkdirSync(join(outside, 'dir'));
    writeFileSync(join(outside, 'dir/index.html'), '<p>外部</p>');
    symlinkSync(join(outside, 'passwd'), join(site, 'robots-extra.txt'));
    symlinkSync(join(outside, 'passwd'), join(site, 'images/a.png'));
    symlinkSync(join(outside, 'dir'), join(site, 'linked'));
    symlinkSync(join(site, 'digits.txt'), join(site, 'same.txt'));
    ({ server, url } = await startStaticServer(site));
  });
  afterAll(() => {
    server.close();
    rmSync(site, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('answers GET and HEAD only: every other method is 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
      const res = await request(`${url}/digits.txt`, { method });
      expect([method, res.status, res.headers.allow, res.body]).toEqual([
        method,
        405,
        'GET, HEAD',
        '405 不支持的请求方法 / method not allowed',
      ]);
    }
    const head = await request(`${url}/digits.txt`, { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.headers['accept-ranges'], head.body]).toEqual([200, '10', 'bytes', '']);
  });

  it('answers a single byte range with 206, an unsatisfiable one with 416, several or a malformed one with the whole file', async () => {
    const range = async (value: string, extra: Record<string, string> = {}) => {
      const res = await request(`${url}/digits.txt`, { headers: { range: value, ...extra } });
      return [res.status, res.headers['content-range'], res.headers['content-length'], res.body];
    };
    expect(await range('bytes=2-5')).toEqual([206, 'bytes 2-5/10', '4', '2345']);
    expect(await range('bytes=7-')).toEqual([206, 'bytes 7-9/10', '3', '789']);
    expect(await range('bytes=-3')).toEqual([206, 'bytes 7-9/10', '3', '789']);
    expect(await range('bytes=8-100')).toEqual([206, 'bytes 8-9/10', '2', '89']);
    expect(await range('bytes=-100')).toEqual([206, 'bytes 0-9/10', '10', '0123456789']);
    expect(await range('bytes=10-')).toEqual([416, 'bytes */10', undefined, '416 请求的范围无效 / range not satisfiable']);
    expect(await range('bytes=-0')).toEqual([416, 'bytes */10', undefined, '416 请求的范围无效 / range not satisfiable']);
    expect(await range('bytes=0-1,4-5')).toEqual([200, undefined, '10', '0123456789']);
    expect(await range('bytes=5-2')).toEqual([200, undefined, '10', '0123456789']);
    expect(await range('items=0-1')).toEqual([200, undefined, '10', '0123456789']);
    // No validator to compare an If-Range with, so the range is not applied (RFC 9110 §13.1.5).
    expect(await range('bytes=2-5', { 'if-range': '"x"' })).toEqual([200, undefined, '10', '0123456789']);
    const missing = await request(`${url}/nope.txt`, { headers: { range: 'bytes=0-1' } });
    expect([missing.status, missing.headers['content-range'], missing.body]).toEqual([404, undefined, '<p>未找到</p>']);
  });

  it('never serves a file whose real path leaves the site folder, through a link to a file or a folder', async () => {
    for (const path of ['/robots-extra.txt', '/images/a.png', '/linked/', '/linked/index.html', '/linked/%2e%2e/passwd']) {
      const res = await request(`${url}${path}`);
      expect([path, res.status, res.body]).toEqual([path, 404, '<p>未找到</p>']);
      expect(resolveStaticFile(site, path)).toBeNull();
    }
    expect((await request(`${url}/same.txt`)).body).toBe('0123456789');
  });

  it('sends the headers the build’s _headers gives the path, re-read when a build rewrites it', async () => {
    mkdirSync(join(site, '_astro'), { recursive: true });
    writeFileSync(join(site, '_astro/app.js'), 'x');
    writeFileSync(
      join(site, 'index.html'),
      `<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-A='"></head><body></body></html>`,
    );
    writeHeadersFile(site);
    const rules = parseHeadersFile(readFileSync(join(site, '_headers'), 'utf8'));
    const served = async (path: string) => {
      const { headers } = await request(`${url}${path}`);
      return Object.fromEntries(Object.keys(headersForPath(rules, path)).map((name) => [name, headers[name]]));
    };
    for (const path of ['/', '/digits.txt', '/_astro/app.js', '/nope/']) expect(await served(path)).toEqual(headersForPath(rules, path));
    const page = await request(`${url}/`);
    expect(page.headers['content-security-policy']).toBe("default-src 'self'; script-src 'self' 'sha256-A='; frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await request(`${url}/_astro/app.js`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await request(`${url}/digits.txt`, { method: 'DELETE' })).headers['x-content-type-options']).toBe('nosniff');

    writeFileSync(join(site, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n  X-Frame-Options: DENY\n');
    expect((await request(`${url}/`)).headers['x-frame-options']).toBe('DENY');
  });
});

describe('parseRange', () => {
  it('reads one range of bytes, clipped to the file', () => {
    expect(parseRange('bytes=0-0', 1)).toEqual({ start: 0, end: 0 });
    expect(parseRange(' bytes=3-', 5)).toEqual({ start: 3, end: 4 });
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(parseRange('bytes=-', 5)).toBeNull();
    expect(parseRange(undefined, 5)).toBeNull();
  });
});
