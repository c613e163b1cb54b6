import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { listenOnFreePort, resolveStaticFile, staticHandler, startStaticServer } from '../../../scripts/lib/serve/staticServer.ts';

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
