import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeSearchIndex } from '../../../scripts/lib/build/searchIndex.ts';
import { listenOnFreePort, staticHandler } from '../../../scripts/lib/serve/staticServer.ts';
import { mergeIndexes, SearchTimeoutError, withTimeout, type PagefindModule } from '../../../src/lib/search/pagefindLoad.ts';

/**
 * Pagefind's real script and WebAssembly, built by our indexer into three indexes of one page
 * each and served by our static server, which can fail or stall one request as a network does.
 * Outside a browser Pagefind runs on the calling thread: the same code as in its Web Worker.
 */
type Pagefind = PagefindModule & { search(term: string): Promise<{ results: unknown[] }> };

let site: string;
let server: Server;
let url: string;
let fault: { path: RegExp; stall: boolean } | null = null;
const stalled: ServerResponse[] = [];
let fresh = 0;
/**
 * Pagefind starts loading its primary index in a constructor and leaves that promise unhandled
 * (part of the upstream fault): its load error is expected here. Any other is passed on.
 */
const vitestListeners = process.listeners('unhandledRejection');
const passOn: NodeJS.UnhandledRejectionListener = (reason, promise) => {
  if (reason instanceof Error && /^Failed to load the Pagefind WASM/.test(reason.message)) return;
  for (const listener of vitestListeners) listener(reason, promise);
};

beforeAll(async () => {
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', passOn);
  site = mkdtempSync(join(tmpdir(), 'pf-load-'));
  for (const n of [1, 2, 3]) {
    mkdirSync(join(site, `p${n}`));
    writeFileSync(
      join(site, `p${n}`, 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><title>第${n}页</title></head><body><main data-pagefind-body><h1>第${n}页</h1><p>政务公开</p></main></body></html>`,
    );
  }
  await writeSearchIndex(site, 1);
  const handler = staticHandler(site);
  server = createServer((req, res) => {
    if (fault?.path.test(req.url ?? '')) {
      const { stall } = fault;
      fault = null;
      if (stall) stalled.push(res);
      else res.writeHead(404).end();
      return;
    }
    handler(req, res);
  });
  url = await listenOnFreePort(server, 0);
}, 60_000);
afterAll(async () => {
  process.off('unhandledRejection', passOn);
  for (const listener of vitestListeners) process.on('unhandledRejection', listener);
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(site, { recursive: true, force: true });
});

/** Pagefind's module as a page gets it, with its own module state. */
const loadPagefind = async (): Promise<Pagefind> =>
  (await import(/* @vite-ignore */ `${pathToFileURL(join(site, 'pagefind/pagefind.js')).href}?${++fresh}`)) as Pagefind;
const options = () => ({ basePath: `${url}/pagefind/` });
const merged = () => [`${url}/pagefind/2/`, `${url}/pagefind/3/`];
const settledWithin = (work: Promise<unknown>, ms: number) =>
  Promise.race([
    work.then(
      () => 'resolved',
      () => 'rejected',
    ),
    new Promise((done) => setTimeout(() => done('pending'), ms)),
  ]);

describe('Pagefind 1.6 itself (the fault this module works around)', () => {
  it('never settles mergeIndex once the primary index’s WebAssembly failed to download, though search rejects', async () => {
    const pf = await loadPagefind();
    await pf.options(options());
    fault = { path: /^\/pagefind\/wasm\./, stall: false };
    const merging = pf.mergeIndex(merged()[0]!);
    await expect(pf.search('政务公开')).rejects.toThrow(/WASM/);
    // If this fails, Pagefind reports the failure now: mergeIndexes' preload step can go.
    expect(await settledWithin(merging, 3000)).toBe('pending');
  }, 15_000);
});

describe('mergeIndexes', () => {
  it('rejects with the primary index’s load error at once, and a later call loads and merges everything', async () => {
    const pf = await loadPagefind();
    fault = { path: /^\/pagefind\/wasm\./, stall: false };
    const started = Date.now();
    await expect(mergeIndexes(pf, merged(), { ms: 10_000, options: options() })).rejects.toThrow(/Failed to load the Pagefind WASM/);
    expect(Date.now() - started).toBeLessThan(10_000);
    await mergeIndexes(pf, merged(), { ms: 10_000, options: options() });
    expect((await pf.search('政务公开')).results).toHaveLength(3);
  });

  it('gives up on a download that never completes with a timeout naming the step, and the next call does not wait on it', async () => {
    const pf = await loadPagefind();
    fault = { path: /^\/pagefind\/2\/pagefind-entry\.json/, stall: true };
    const error = await mergeIndexes(pf, merged(), { ms: 1500, options: options() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchTimeoutError);
    expect((error as SearchTimeoutError).message).toContain(`merging ${url}/pagefind/2/`);
    expect(stalled).toHaveLength(1);
    await mergeIndexes(pf, merged(), { ms: 10_000, options: options() });
    // Without the reset, the stalled index would still be merged and the search would wait on it.
    expect(await settledWithin(pf.search('政务公开'), 5000)).toBe('resolved');
    expect((await pf.search('政务公开')).results).toHaveLength(3);
  });

  it('merges each index once when called again', async () => {
    const pf = await loadPagefind();
    await mergeIndexes(pf, merged(), { options: options() });
    await mergeIndexes(pf, merged(), { options: options() });
    expect((await pf.search('政务公开')).results).toHaveLength(3);
  });
});

describe('withTimeout', () => {
  it('passes the value or the error through and leaves no timer behind', async () => {
    vi.useFakeTimers();
    try {
      await expect(withTimeout(Promise.resolve(7), 1000, 'x')).resolves.toBe(7);
      await expect(withTimeout(Promise.reject(new Error('404')), 1000, 'x')).rejects.toThrow('404');
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with a SearchTimeoutError naming the step once the time is up', async () => {
    vi.useFakeTimers();
    try {
      const waiting = withTimeout(new Promise(() => {}), 1000, 'loading the primary index');
      const caught = waiting.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1000);
      const error = await caught;
      expect(error).toBeInstanceOf(SearchTimeoutError);
      expect(error).toMatchObject({ step: 'loading the primary index', ms: 1000 });
      expect((error as Error).message).toMatch(/搜索索引超时 \/ search index timed out: loading the primary index took over 1000 ms/);
    } finally {
      vi.useRealTimers();
    }
  });
});
