/**
 * 查阅点 package (`npm run kiosk:pack`). The Linux package is built, unzipped into a temporary
 * folder whose path has Chinese and spaces, and started by its own `start-kiosk.sh` with a PATH
 * that holds no Node and with no repository around it, then driven in real Chromium with every
 * non-loopback request blocked. The Windows package is checked for its structure, manifest,
 * launcher text (as cmd.exe would expand and split it) and a 64-bit `node.exe`.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl, { type Entry } from 'yauzl';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchBrowser, offlineContext } from './support/browser.ts';
import { BROWSER_FLAGS } from '../../scripts/lib/kiosk/launchers.ts';
import { headersForPath, parseHeadersFile } from '../../scripts/lib/build/headersFile.ts';
import { listFiles, MANIFEST_FILE, parseManifest } from '../../scripts/lib/kiosk/manifest.ts';
import { checkPackage, DEFAULT_PORT, parseTerminalArgs } from '../../scripts/lib/kiosk/terminal.ts';

/**
 * The status of a GET on a connection of its own. After a restart on the same port, `fetch` could
 * reuse a pooled keep-alive socket to the stopped server and fail with "other side closed".
 */
const statusOnNewConnection = (url: string) =>
  new Promise<number>((resolve, reject) =>
    get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject),
  );

const ROOT = resolve(import.meta.dirname, '../..');
// The shortest idle time a kiosk takes (30 s); the idle reset runs on Playwright's clock.
const IDLE = 30;
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kiosk-package-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `npm run kiosk:pack` into `out`; returns the package folder and its zip. */
function pack(platform: string, out: string): { folder: string; zip: string; name: string } {
  const result = spawnSync(process.execPath, ['scripts/kiosk-pack.ts', '--platform', platform, '--idle', String(IDLE), '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const name = readdirSync(out).find((f) => f.endsWith(`-${platform}`) && !f.startsWith('.'))!;
  expect(name).toMatch(new RegExp(`^查阅点-沈阳市政务公开-\\d{4}-\\d{2}-\\d{2}-${platform}$`));
  expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  return { folder: join(out, name), zip: join(out, `${name}.zip`), name };
}

/** Every entry of a zip, read with yauzl. */
function zipEntries(zip: string): Promise<{ entries: Entry[]; read: (entry: Entry, target: string) => Promise<void>; close: () => void }> {
  return new Promise((done, fail) =>
    yauzl.open(zip, { lazyEntries: true, decodeStrings: true, autoClose: false }, (error, file) => {
      if (error) return fail(error);
      const entries: Entry[] = [];
      file.on('entry', (entry: Entry) => {
        entries.push(entry);
        file.readEntry();
      });
      file.on('end', () =>
        done({
          entries,
          read: (entry, target) =>
            new Promise((ok, bad) =>
              file.openReadStream(entry, (e, stream) => {
                if (e) return bad(e);
                mkdirSync(dirname(target), { recursive: true });
                pipeline(stream, createWriteStream(target, { mode: (entry.externalFileAttributes >>> 16) & 0o777 || 0o644 })).then(ok, bad);
              }),
            ),
          close: () => file.close(),
        }),
      );
      file.readEntry();
    }),
  );
}

/** Unzips as a person would, keeping the modes the zip records; returns the package folder. */
async function unzip(zip: string, target: string): Promise<string> {
  const { entries, read, close } = await zipEntries(zip);
  for (const entry of entries) await read(entry, join(target, entry.fileName));
  close();
  return join(target, entries[0]!.fileName.split('/')[0]!);
}

describe('the Linux package, unzipped and run with no Node and no repository', () => {
  let folder: string;
  let second: string;
  let bin: string;
  let run: string;
  let browser: Browser;
  let start: SpawnSyncReturns<string>;
  let startUrl: string;
  const env = () => ({ PATH: bin, HOME: work, KIOSK_RUN_DIR: run });
  const launch = (dir: string, script = 'start-kiosk.sh', args = ['--server-only']) =>
    spawnSync('/bin/sh', [join(dir, script), ...args], { cwd: work, env: env(), encoding: 'utf8', timeout: 60_000 });
  const state = () => JSON.parse(readFileSync(join(run, 'kiosk.json'), 'utf8')) as { pid: number; url: string; home: string };
  const alive = (pid: number) => existsSync(`/proc/${pid}`);
  let blocker: Server | undefined;

  beforeAll(async () => {
    const built = pack('linux-x64', join(work, 'out'));
    folder = await unzip(built.zip, join(work, '查阅点 终端'));
    second = await unzip(built.zip, join(work, '新版 copy'));
    // A PATH with only what the launcher needs: sh and id (the machine's own Node lives in /usr/bin).
    bin = join(work, 'bin');
    mkdirSync(bin);
    for (const tool of ['/bin/sh', '/usr/bin/id', '/bin/chmod']) symlinkSync(tool, join(bin, tool.split('/').pop()!));
    run = join(work, 'run');
    // Hold the default port, so the server must find the next free one.
    blocker = createServer();
    await new Promise<void>((ok) => blocker!.once('error', () => ok()).listen(DEFAULT_PORT, '127.0.0.1', () => ok()));
    browser = await launchBrowser();
    start = launch(folder);
  });
  afterAll(async () => {
    if (second) launch(second, 'stop-kiosk.sh', []);
    if (blocker?.listening) blocker.close();
    await browser?.close();
  });

  it('starts from its own Node, with no node on PATH and outside the repository', () => {
    expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env: env() }).status).not.toBe(0);
    expect(start.status, start.stderr).toBe(0);
    startUrl = /kiosk running: (\S+)/.exec(start.stdout)![1]!;
    expect(startUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?kiosk=1&idle=${IDLE}$`));
    expect(state().home).toBe(folder);
    expect(readlinkSync(`/proc/${state().pid}/exe`)).toBe(join(folder, 'app/node'));
    expect(folder.startsWith(ROOT)).toBe(false);
  });

  it('listens on 127.0.0.1 only, on the next port when the default is taken', () => {
    const port = Number(new URL(state().url).port);
    expect(port).toBeGreaterThan(DEFAULT_PORT);
    const hex = port.toString(16).toUpperCase().padStart(4, '0');
    const listening = readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .filter((line) => line.includes(`:${hex} 00000000:0000 0A`));
    expect(listening.map((line) => line.trim().split(/\s+/)[1])).toEqual([`0100007F:${hex}`]);
    expect(readFileSync('/proc/net/tcp6', 'utf8')).not.toMatch(new RegExp(`:${hex} 0+:0000 0A`));
  });

  it('serves Pagefind, fonts and pages with their types, and no directory listing', async () => {
    const { url } = state();
    const type = async (path: string) => (await fetch(`${url}${path}`)).headers.get('content-type');
    expect(await type('/yaodian/2021/18/')).toBe('text/html; charset=utf-8');
    const pagefind = readdirSync(join(folder, 'site/pagefind'), { recursive: true, encoding: 'utf8' });
    // Pagefind's WebAssembly ships as `wasm.<lang>.pagefind` (gzipped bytes), its index as `.pf_*`.
    for (const ext of ['.pagefind', '.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter']) {
      expect(await type(`/pagefind/${pagefind.find((f) => f.endsWith(ext))}`), ext).toBe('application/octet-stream');
    }
    expect(await type('/pagefind/pagefind.js')).toBe('text/javascript; charset=utf-8');
    const font = (await (await fetch(`${url}/fonts/fonts.css`)).text()).match(/url\(([^)]+\.woff2)\)/)![1]!;
    expect(await type(font)).toBe('font/woff2');
    const listing = await fetch(`${url}/pagefind/`);
    expect(listing.status).toBe(404);
    expect(await listing.text()).not.toContain('pagefind.js');
  });

  it('keeps its run folder private: the folder 0700, the record with the stop token and the log 0600', () => {
    const mode = (path: string) => (lstatSync(path).mode & 0o777).toString(8);
    expect([mode(run), mode(join(run, 'kiosk.json')), mode(join(run, 'kiosk.log'))]).toEqual(['700', '600', '600']);
  });

  it('answers GET and HEAD only, single byte ranges, and sends the headers of its own _headers', async () => {
    const { url } = state();
    const rules = parseHeadersFile(readFileSync(join(folder, 'site/_headers'), 'utf8'));
    const font = (await (await fetch(`${url}/fonts/fonts.css`)).text()).match(/url\(([^)]+\.woff2)\)/)![1]!;
    const script = readdirSync(join(folder, 'site/_astro')).find((f) => f.endsWith('.js'))!;
    for (const path of ['/', '/yaodian/2021/18/', `/_astro/${script}`, font, '/pagefind/pagefind.js', '/no-such-page/']) {
      const response = await fetch(`${url}${path}`);
      const expected = headersForPath(rules, path);
      expect(Object.keys(expected).map((name) => [path, name, response.headers.get(name)])).toEqual(
        Object.entries(expected).map(([name, value]) => [path, name, value]),
      );
    }
    const page = await fetch(`${url}/`);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const refused = await fetch(`${url}/`, { method });
      expect([method, refused.status, refused.headers.get('allow')]).toEqual([method, 405, 'GET, HEAD']);
    }
    const size = statSync(join(folder, 'site', font)).size;
    const part = await fetch(`${url}${font}`, { headers: { range: 'bytes=0-99' } });
    expect([part.status, part.headers.get('content-range'), (await part.arrayBuffer()).byteLength]).toEqual([
      206,
      `bytes 0-99/${size}`,
      100,
    ]);
    const past = await fetch(`${url}${font}`, { headers: { range: `bytes=${size}-` } });
    expect([past.status, past.headers.get('content-range')]).toEqual([416, `bytes */${size}`]);
  });

  it('never serves what a link inside site/ points at outside it', async () => {
    const { url } = state();
    const secret = join(work, 'secret.txt');
    writeFileSync(secret, 'host secret');
    const links = [join(folder, 'site/robots-extra.txt'), join(folder, 'site/images-outside')];
    symlinkSync(secret, links[0]!);
    symlinkSync(work, links[1]!);
    try {
      for (const path of ['/robots-extra.txt', '/images-outside/secret.txt']) {
        const response = await fetch(`${url}${path}`);
        expect([path, response.status]).toEqual([path, 404]);
        expect(await response.text()).not.toContain('host secret');
      }
    } finally {
      for (const link of links) unlinkSync(link);
    }
  });

  it('works in the browser offline: pages, QR codes, 阅读设置, search and the idle reset', async () => {
    const { context, blocked } = await offlineContext(browser, { viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    // The server now sends _headers' policy too: it must block nothing the site does.
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
    });
    const { url } = state();
    // Kiosk mode with a long idle time first, so a slow machine's search never races the reset.
    await page.goto(`${url}/?kiosk=1&idle=600`);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-kiosk'))).toBe(true);

    await page.goto(`${url}/yaodian/2021/18/`);
    expect(await page.locator('h1').textContent()).toContain('18');
    const qr = page.locator('.external-link__qr img').first();
    expect(await qr.isVisible()).toBe(true);
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    await page.getByRole('button', { name: '阅读设置' }).click();
    await page.locator('#reading-panel input[name="textSize"][value="xlarge"]').check();
    await page.locator('#reading-panel input[name="contrast"][value="high"]').check();
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize))).toBe(26);
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');

    await page.goto(`${url}/search/?q=${encodeURIComponent('三同步')}`);
    await page.waitForFunction(() => /找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('xlarge');

    expect(blocked).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();

    // The launcher's own URL sets the package's idle time (in a fresh session, as the launcher
    // starts one: a URL opened later never retunes kiosk mode): no input for IDLE seconds, and
    // the kiosk returns home with the reading settings cleared (back to the kiosk's large text).
    const { context: launched, blocked: outside } = await offlineContext(browser, { viewport: { width: 1080, height: 1920 } });
    const tab = await launched.newPage();
    await tab.clock.install();
    await tab.goto(startUrl);
    await tab.evaluate(() => localStorage.setItem('zw-reading', JSON.stringify({ textSize: 'xlarge' })));
    await tab.goto(`${url}/yaodian/2021/18/`);
    expect(await tab.evaluate(() => document.documentElement.dataset.textSize)).toBe('xlarge');
    await tab.clock.fastForward(`00:${IDLE + 1}`);
    await tab.waitForURL(`${url}/`);
    expect(
      await tab.evaluate(() => [
        localStorage.getItem('zw-reading'),
        document.documentElement.dataset.textSize,
        document.documentElement.hasAttribute('data-kiosk'),
      ]),
    ).toEqual([null, 'large', true]);
    expect(outside).toEqual([]);
    await launched.close();
  });

  it('writes nothing a reader typed', () => {
    const written = readdirSync(run)
      .filter((f) => !f.startsWith('browser-profile'))
      .map((f) => readFileSync(join(run, f), 'utf8'));
    for (const text of [...written, start.stdout, start.stderr]) {
      expect(text).not.toContain('三同步');
      expect(text).not.toContain(encodeURIComponent('三同步'));
    }
  });

  it('is replaced cleanly when a newer copy is started, and stops with stop-kiosk.sh', async () => {
    const old = state();
    const update = launch(second);
    expect(update.status, update.stderr).toBe(0);
    expect(update.stdout).toContain(`stopped the previous kiosk: ${folder}`);
    expect(alive(old.pid)).toBe(false);
    expect(state().home).toBe(second);
    expect(await statusOnNewConnection(`${state().url}/`)).toBe(200);

    const current = state();
    const stop = launch(second, 'stop-kiosk.sh', []);
    expect(stop.stdout).toContain(`kiosk stopped: ${second}`);
    expect(alive(current.pid)).toBe(false);
    expect(existsSync(join(run, 'kiosk.json'))).toBe(false);
  });

  it('keeps the kiosk browser open with its flags, starts it again when it is closed, and closes it on stop', async () => {
    // `chromium` on the launcher's PATH: the test's real Chromium, headless since there is no screen.
    const wrapper = join(bin, 'chromium');
    writeFileSync(wrapper, `#!/bin/sh\nexec "${await chromiumPath()}" --headless=new --no-sandbox --disable-gpu "$@"\n`, {
      mode: 0o755,
    });
    const started = launch(second, 'start-kiosk.sh', []);
    expect(started.status, started.stderr).toBe(0);
    const server = state().pid;
    /** The kiosk browsers the server started (pid and command line), not their helpers. */
    const browsers = () =>
      readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .map((p) => {
          try {
            const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
            return {
              pid: Number(p),
              ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]),
              args: readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0'),
            };
          } catch {
            return null;
          }
        })
        // Not the shell that runs the `chromium` wrapper before it execs Chromium (same pid, other command line).
        .filter((p) => p !== null && p.ppid === server && p.args[1] !== wrapper && p.args.includes(`${state().url}/?kiosk=1&idle=${IDLE}`));
    const waitForBrowser = async (not?: number) => {
      await waitUntil(() => browsers().some((b) => b!.pid !== not));
      return browsers().find((b) => b!.pid !== not)!;
    };
    try {
      const first = await waitForBrowser();
      expect(first.args).toEqual(
        expect.arrayContaining([
          ...BROWSER_FLAGS,
          `--user-data-dir=${join(run, 'browser-profile')}`,
          `${state().url}/?kiosk=1&idle=${IDLE}`,
        ]),
      );
      process.kill(first.pid, 'SIGKILL');
      const again = await waitForBrowser(first.pid);
      expect(again.args).toEqual(first.args);

      expect(launch(second, 'stop-kiosk.sh', []).stdout).toContain(`kiosk stopped: ${second}`);
      expect(alive(server)).toBe(false);
      await waitUntil(() => !alive(again.pid));
    } finally {
      launch(second, 'stop-kiosk.sh', []);
    }
  });

  it('refuses to start when a file is changed, missing or added, saying which', () => {
    writeFileSync(join(folder, 'site/index.html'), '<p>被改动的首页</p>');
    unlinkSync(join(folder, 'site/robots.txt'));
    writeFileSync(join(folder, 'site/extra.html'), '<p>多出的页面</p>');
    const refused = launch(folder);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain('查阅点文件不完整或已被改动');
    expect(refused.stderr).toContain('已改动 / changed: site/index.html');
    expect(refused.stderr).toContain('缺少 / missing: site/robots.txt');
    expect(refused.stderr).toContain('多出 / not in the manifest: site/extra.html');
    expect(readFileSync(join(run, 'error.html'), 'utf8')).toContain('site/index.html');
    expect(existsSync(join(run, 'kiosk.json'))).toBe(false);
  });

  it('refuses to start when the package holds a symbolic link, even one the manifest lists by name', () => {
    // An intact copy, then a listed file replaced by a link to a host file and a new link beside it.
    const copy = join(work, 'link-copy');
    cpSync(second, copy, { recursive: true });
    unlinkSync(join(copy, 'site/robots.txt'));
    symlinkSync('/etc/passwd', join(copy, 'site/robots.txt'));
    symlinkSync('/etc', join(copy, 'site/etc'));
    const refused = launch(copy);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain('缺少 / missing: site/robots.txt');
    expect(refused.stderr).toContain('符号链接（不允许） / symbolic links (not allowed): site/etc、site/robots.txt');
    expect(existsSync(join(run, 'kiosk.json'))).toBe(false);
  });
});

describe('kiosk:pack with a symbolic link in dist/', () => {
  const link = join(ROOT, 'dist/robots-extra.txt');
  afterAll(() => rmSync(link, { force: true }));

  it('refuses to pack, naming the link, and writes nothing', () => {
    symlinkSync('/etc/passwd', link);
    const out = join(work, 'out-link');
    const result = spawnSync(process.execPath, ['scripts/kiosk-pack.ts', '--platform', 'linux-x64', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('查阅点包未生成 / the kiosk package was not written');
    expect(result.stderr).toContain('dist/robots-extra.txt');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

/** Polls `done` every 100 ms; fails after `ms` (a busy machine starts and stops browsers slowly). */
async function waitUntil(done: () => boolean, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; !done(); await new Promise((ok) => setTimeout(ok, 100))) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${done.toString()}`);
  }
}

/** Splits a command line as Windows programs do (CommandLineToArgvW rules). */
function windowsArgv(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      let n = 0;
      while (line[i] === '\\') {
        n++;
        i++;
      }
      if (line[i] === '"') {
        current += '\\'.repeat(Math.floor(n / 2));
        if (n % 2) current += '"';
        else quoted = !quoted;
      } else {
        current += '\\'.repeat(n);
        i--;
      }
      started = true;
    } else if (c === '"') {
      quoted = !quoted;
      started = true;
    } else if (c === ' ' && !quoted) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (started) args.push(current);
  return args;
}

describe('the Windows package', () => {
  let folder: string;
  let zip: string;
  let name: string;
  beforeAll(() => {
    ({ folder, zip, name } = pack('win-x64', join(work, 'out-win')));
  });

  it('holds the site, Node, the launchers, the instructions and a manifest of every file', () => {
    const files = listFiles(folder);
    for (const file of [
      '启动查阅点.bat',
      '停止查阅点.bat',
      '使用说明.txt',
      MANIFEST_FILE,
      'app/node.exe',
      'app/kiosk.mjs',
      'app/LICENSE-node.txt',
      'site/index.html',
      'site/pagefind/pagefind.js',
      'site/yaodian/2021/18/index.html',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.some((f) => f.endsWith('.sh') || f === 'app/node')).toBe(false);
    const manifest = parseManifest(readFileSync(join(folder, MANIFEST_FILE), 'utf8'));
    expect([...manifest.keys()].sort()).toEqual(files.filter((f) => f !== MANIFEST_FILE));
    expect(checkPackage(folder)).toBeNull();
  });

  it('zips the folder under its Chinese name with UTF-8 names flagged for Windows Explorer', async () => {
    const { entries, close } = await zipEntries(zip);
    close();
    expect(entries.map((e) => e.fileName).sort()).toEqual(
      listFiles(folder)
        .map((f) => `${name}/${f}`)
        .sort(),
    );
    expect(entries.every((e) => (e.generalPurposeBitFlag & 0x800) !== 0)).toBe(true);
  });

  it('ships a 64-bit Windows node.exe', () => {
    const exe = readFileSync(join(folder, 'app/node.exe'));
    expect(exe.subarray(0, 2).toString('latin1')).toBe('MZ');
    const pe = exe.readUInt32LE(0x3c);
    expect(exe.subarray(pe, pe + 4).toString('latin1')).toBe('PE\0\0');
    expect(exe.readUInt16LE(pe + 4)).toBe(0x8664);
    expect(exe.includes(Buffer.from(`v${process.versions.node}`))).toBe(true);
  });

  it('has a launcher cmd.exe reads right: ASCII, CRLF, every path quoted, the kiosk flags', () => {
    const bat = readFileSync(join(folder, '启动查阅点.bat'));
    expect([...bat].every((b) => b < 0x80)).toBe(true);
    const text = bat.toString('latin1');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('@echo off');
    for (const line of lines.filter((l) => !/^rem /.test(l))) {
      const unquoted = line
        .split('"')
        .filter((_, i) => i % 2 === 0)
        .join(' ');
      expect(unquoted, line).not.toMatch(/%~dp0|%KIOSK_HOME%|%KIOSK_RUN_DIR%|%KIOSK_BROWSER%|%%~B/);
    }
    for (const flag of [
      '--kiosk',
      '--no-first-run',
      '--disable-translate',
      '--disable-features=Translate',
      '--noerrdialogs',
      '--disable-session-crashed-bubble',
      '--inprivate',
      '--incognito',
    ]) {
      expect(BROWSER_FLAGS as readonly string[]).toContain(flag);
    }
    expect(text).toContain('msedge.exe');
    expect(text).toContain('chrome.exe');

    // Expand the variables as cmd.exe would for a folder with Chinese and spaces, then split the
    // node command line as node.exe does: each path arrives whole.
    const vars: Record<string, string> = {
      '%KIOSK_HOME%': 'D:\\查阅点 新版\\查阅点-沈阳市政务公开-2026-12-01-win-x64\\',
      '%KIOSK_RUN_DIR%': 'C:\\Users\\张 三\\AppData\\Local\\zwgk-kiosk',
      '%KIOSK_BROWSER%': 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    };
    const command = lines.find((l) => l.includes('kiosk.mjs" start'))!;
    const argv = windowsArgv(command.replace(/%KIOSK_[A-Z_]+%/g, (v) => vars[v]!));
    expect(argv.slice(0, 3)).toEqual([`${vars['%KIOSK_HOME%']}app\\node.exe`, `${vars['%KIOSK_HOME%']}app\\kiosk.mjs`, 'start']);
    const options = parseTerminalArgs(argv.slice(2));
    expect(options).toMatchObject({
      port: DEFAULT_PORT,
      idle: IDLE,
      serverOnly: false,
      browser: vars['%KIOSK_BROWSER%'],
      browserFlags: [...BROWSER_FLAGS],
    });
    expect(argv[argv.indexOf('--run-dir') + 1]).toBe(vars['%KIOSK_RUN_DIR%']);

    const stop = readFileSync(join(folder, '停止查阅点.bat'), 'latin1');
    expect(stop).toContain('"%~dp0app\\node.exe" "%~dp0app\\kiosk.mjs" stop --run-dir "%KIOSK_RUN_DIR%"');
  });

  it('explains install, start, update, stop and a blank screen in Chinese, with the build date and documents', () => {
    const raw = readFileSync(join(folder, '使用说明.txt'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const heading of ['一、安装', '二、启动', '三、更新', '四、停止', '五、屏幕空白或打不开时']) expect(text).toContain(heading);
    expect(text).toContain(`网站生成日期：${/(\d{4}-\d{2}-\d{2})-win-x64$/.exec(name)![1]}`);
    const document = JSON.parse(readFileSync(join(ROOT, 'dist/data/2021/points.json'), 'utf8')).document as {
      title: string;
      docNumber: string;
    };
    expect(text).toContain(`${document.title}（${document.docNumber}）`);
    expect(text).toContain('双击 启动查阅点.bat');
  });
});
