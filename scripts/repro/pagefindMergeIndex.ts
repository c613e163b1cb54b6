/**
 * Reproduction for docs/pagefind-mergeindex.md: the sequence of the raw-API test removed in
 * 22dfbe5 (Pagefind's JS API called directly in one Playwright page that navigates between two
 * origins: the single index, then the split one with `mergeIndex`, then the split one without),
 * run many times in real Chromium with a timeout per step, logging every Pagefind request and
 * every message between the page and Pagefind's worker, and printing them for a step that hangs.
 *
 *   npx node scripts/repro/pagefindMergeIndex.ts [--runs 50] [--timeout 20000] [--burn 2]
 *     [--fresh] [--no-route] [--fault entry|meta|wasm|worker] [--workaround] [--max-pages 40]
 *
 * --burn N   N busy-looping child processes alongside, as on a loaded CI machine
 * --fresh    a new browser context for each run (the test used one page throughout)
 * --no-route no request interception (the test's offlineContext routes every request)
 * --fault F  the server fails the primary index's F request (404, or a dropped connection with
 *            --fault-mode reset) on the split site, once per page load, as a flaky network would
 * --workaround  merge through src/lib/search/pagefindLoad.ts (10-s steps), trying once more on a
 *            failure, instead of calling Pagefind's mergeIndex directly
 *
 * Needs `npm run build` first (it indexes a copy of dist/ into indexes of --max-pages pages).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, offlineContext } from '../../tests/e2e/support/browser.ts';
import { DIST } from '../../tests/e2e/support/site.ts';
import { writeSearchIndex } from '../lib/build/searchIndex.ts';
import { listenOnFreePort, staticHandler } from '../lib/serve/staticServer.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    timeout: { type: 'string', default: '20000' },
    burn: { type: 'string', default: '0' },
    fresh: { type: 'boolean', default: false },
    'no-route': { type: 'boolean', default: false },
    fault: { type: 'string' },
    'fault-mode': { type: 'string', default: '404' },
    workaround: { type: 'boolean', default: false },
    'max-pages': { type: 'string', default: '40' },
    child: { type: 'boolean', default: false },
  },
});

if (args.child) {
  // A CPU burner: one busy core.
  for (;;) Math.sqrt(Math.random());
}

const FAULT_FILES: Record<string, RegExp> = {
  entry: /^\/pagefind\/pagefind-entry\.json/,
  meta: /^\/pagefind\/pagefind\.[^/]+\.pf_meta/,
  wasm: /^\/pagefind\/wasm\.[^/]+\.pagefind/,
  worker: /^\/pagefind\/pagefind-worker\.js/,
};

/** A static server for `root`; with a fault, the first request per page load for that file fails. */
async function serve(root: string, fault?: RegExp): Promise<{ server: Server; url: string; arm: () => void }> {
  const handler = staticHandler(root);
  let armed = false;
  const server = createServer((req, res) => {
    if (fault && armed && fault.test(req.url ?? '')) {
      armed = false;
      if (args['fault-mode'] === 'reset') req.socket.destroy();
      else res.writeHead(404).end();
      return;
    }
    handler(req, res);
  });
  return { server, url: await listenOnFreePort(server, 0), arm: () => (armed = true) };
}

/** Messages between the page and Pagefind's worker, recorded in the page (the worker is Pagefind's, not ours). */
const RECORD_WORKER_MESSAGES = `(() => {
  const log = (window.__pfLog = []);
  const t0 = performance.now();
  const at = () => Math.round(performance.now() - t0);
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      log.push(at() + ' new Worker ' + url);
      this.addEventListener('message', (e) => log.push(at() + ' worker→page ' + JSON.stringify(e.data).slice(0, 160)));
      this.addEventListener('error', (e) => log.push(at() + ' worker error ' + (e.message || e.type)));
    }
    postMessage(message, transfer) {
      log.push(at() + ' page→worker ' + JSON.stringify(message).slice(0, 160));
      return super.postMessage(message, transfer);
    }
    terminate() {
      log.push(at() + ' worker terminate');
      return super.terminate();
    }
  };
})();`;

/** The indexes after the primary, listed in shards.json as `merge` (the removed test's) or `older` (since). */
const OTHER_INDEXES = `await fetch('/pagefind/shards.json').then((r) => r.json()).then((s) => s.older ?? s.merge)`;

interface Step {
  name: string;
  base: string;
  merge: boolean;
}

async function main() {
  const runs = Number(args.runs);
  const timeout = Number(args.timeout);
  const site = mkdtempSync(join(tmpdir(), 'zw-repro-'));
  cpSync(DIST, site, { recursive: true });
  const { shards } = await writeSearchIndex(site, Number(args['max-pages']));
  const fault = args.fault ? FAULT_FILES[args.fault] : undefined;
  if (args.fault && !fault) throw new Error(`--fault must be one of ${Object.keys(FAULT_FILES).join(', ')}`);
  const single = await serve(DIST);
  const split = await serve(site, fault);
  const burners: ChildProcess[] = Array.from({ length: Number(args.burn) }, () =>
    fork(import.meta.filename, ['--child'], { stdio: 'ignore' }),
  );
  const browser: Browser = await launchBrowser();
  console.log(
    `${shards} indexes; single ${single.url}, split ${split.url}; ${runs} runs, ${timeout} ms a step, ${burners.length} burners, ` +
      `${args.fresh ? 'fresh context a run' : 'one page'}, ${args['no-route'] ? 'no routing' : 'offline routing'}, fault ${args.fault ?? 'none'}`,
  );

  // Our module as the search page would bundle it, as the global `pagefindLoad`.
  const workaround = args.workaround
    ? (
        await build({
          entryPoints: [join(import.meta.dirname, '../../src/lib/search/pagefindLoad.ts')],
          bundle: true,
          format: 'iife',
          globalName: 'pagefindLoad',
          write: false,
        })
      ).outputFiles[0]!.text + ';window.pagefindLoad = pagefindLoad;'
    : undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let events: string[] = [];
  let failedRequests = 0;
  let fallbacks = 0; // Pagefind's worker missed its 5-s init timeout and it ran on the page's thread
  let t0 = Date.now();
  const note = (line: string) => events.push(`${String(Date.now() - t0).padStart(6)} ${line}`);
  const openPage = async () => {
    await context?.close();
    context = args['no-route'] ? await browser.newContext({ locale: 'zh-CN' }) : (await offlineContext(browser)).context;
    await context.addInitScript(RECORD_WORKER_MESSAGES);
    if (workaround) await context.addInitScript(workaround);
    page = await context.newPage();
    context.on('request', (r) => r.url().includes('/pagefind/') && note(`→ ${r.url()}`));
    context.on('requestfinished', (r) => r.url().includes('/pagefind/') && note(`✓ ${r.url()}`));
    context.on('requestfailed', (r) => {
      note(`✗ ${r.url()} ${r.failure()?.errorText}`);
      failedRequests += 1;
    });
    page.on('console', (m) => {
      note(`console.${m.type()}${m.worker() ? ' (worker)' : ''}: ${m.text().slice(0, 200)}`);
      if (m.text().includes('falling back to main thread')) fallbacks += 1;
    });
    page.on('pageerror', (e) => note(`pageerror: ${e.message}`));
    page.on('worker', (w) => note(`worker started ${w.url()}`));
  };

  const steps: Step[] = [
    { name: 'single index, search', base: single.url, merge: false },
    { name: 'split, mergeIndex + search', base: split.url, merge: true },
    { name: 'split, search only', base: split.url, merge: false },
  ];
  const hangs: { run: number; step: string; log: string[] }[] = [];
  const counts: Record<string, Set<number>> = {};
  const started = Date.now();
  for (let run = 1; run <= runs; run++) {
    if (run === 1 || args.fresh) await openPage();
    for (const step of steps) {
      events = [];
      t0 = Date.now();
      if (step.base === split.url) split.arm();
      await page!.goto(`${step.base}/search/`);
      // A string, so nothing rewrites the browser's import(); the removed test's own code.
      const evaluation = page!.evaluate<[number, string?]>(
        workaround && step.merge
          ? `(async () => {
        const pf = await import('/pagefind/pagefind.js');
        const merge = ${OTHER_INDEXES};
        let failed;
        const t = performance.now();
        await pagefindLoad.mergeIndexes(pf, merge, { ms: 10000 }).catch(async (e) => {
          failed = Math.round(performance.now() - t) + ' ms: ' + e.message;
          await pagefindLoad.mergeIndexes(pf, merge, { ms: 10000 });
        });
        return [(await pf.search('政务公开')).results.length, failed];
      })()`
          : `(async () => {
        const pf = await import('/pagefind/pagefind.js');
        if (${step.merge}) for (const m of ${OTHER_INDEXES}) await pf.mergeIndex(m);
        return [(await pf.search('政务公开')).results.length];
      })()`,
      );
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        evaluation.then(
          ([n, failed]) => ({ n, failed }),
          (error: Error) => ({ error: error.message }),
        ),
        new Promise<'hang'>((done) => (timer = setTimeout(() => done('hang'), timeout))),
      ]);
      clearTimeout(timer);
      if (outcome === 'hang') {
        const log = await page!.evaluate<string[]>('window.__pfLog').catch(() => ['(no page log)']);
        hangs.push({ run, step: step.name, log: [...events, '--- page ↔ worker ---', ...log] });
        console.log(`run ${run}: HANG in "${step.name}" after ${timeout} ms`);
        await openPage(); // a fresh page for the next step, as a reader reloading would
        continue;
      }
      if ('error' in outcome) console.log(`run ${run}: "${step.name}" rejected: ${outcome.error.split('\n')[0]}`);
      else {
        (counts[step.name] ??= new Set()).add(outcome.n);
        if (outcome.failed)
          console.log(`run ${run}: "${step.name}" failed once (${outcome.failed.split('\n')[0]}), then found ${outcome.n}`);
      }
    }
    if (run % 10 === 0) console.log(`${run} runs, ${hangs.length} hangs, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  for (const h of hangs) console.log(`\n=== run ${h.run}: ${h.step} ===\n${h.log.join('\n')}`);
  console.log(`\nresult counts per step: ${JSON.stringify(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, [...v]])))}`);
  console.log(
    `${runs} runs × ${steps.length} steps: ${hangs.length} hangs, ${failedRequests} failed requests, ${fallbacks} fallbacks to the main thread`,
  );
  for (const b of burners) b.kill();
  await browser.close();
  for (const s of [single, split]) await new Promise<void>((done) => s.server.close(() => done()));
  rmSync(site, { recursive: true, force: true });
}

await main();
