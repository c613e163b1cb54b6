/**
 * The program inside a 查阅点 package (bundled by `npm run kiosk:pack` into `app/kiosk.mjs` and run
 * by the package's own Node runtime, with no TypeScript and no node_modules). The launchers call:
 *
 *   kiosk.mjs start --run-dir DIR [--port 8421] [--idle 120] (--server-only | --browser PATH -- FLAGS…)
 *   kiosk.mjs stop  --run-dir DIR
 *
 * `start` checks every file against `manifest.sha256` and refuses (message on the terminal and an
 * error page in the kiosk browser) when one is missing, changed or added to the site; stops the
 * instance recorded in the run folder (an older copy of the package: that is how an update
 * replaces it); then starts a detached, windowless process (`serve`) that serves `site/` on
 * 127.0.0.1 (the next free port when the default is taken), records itself in `DIR/kiosk.json`,
 * and keeps the kiosk browser open, restarting it whenever it is closed. `start` returns once the
 * server answers, printing its URL. Nothing a reader does is logged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listenOnFreePort, staticHandler } from '../serve/staticServer.ts';
import { hasProblems, MANIFEST_FILE, verifyManifest, type ManifestProblems } from './manifest.ts';
import { DEFAULT_IDLE_SECONDS, MAX_IDLE_SECONDS, MIN_IDLE_SECONDS, parseIdleSeconds } from '../../../src/lib/kiosk/preferences.ts';
import { openPrivateLog, preparePrivateDir, readPrivateFile, RunDirError, writePrivateFile } from './runDir.ts';

export const DEFAULT_PORT = 8421;
/** The served folder inside a package. */
export const SITE_DIR = 'site';
/** The folder of the package's Node runtime and server. */
export const APP_DIR = 'app';
const PORT_TRIES = 50;
const STATE_FILE = 'kiosk.json';
const STOP_PATH = '/.kiosk/stop';
const EXIT_REFUSED = 3;
const EXIT_UNSAFE_RUN_DIR = 4;
const LOG_FILE = 'kiosk.log';
const ERROR_PAGE = 'error.html';

export interface TerminalOptions {
  command: 'start' | 'serve' | 'stop';
  runDir: string;
  port: number;
  idle: number;
  serverOnly: boolean;
  browser: string;
  browserFlags: string[];
}

/** The record of the running instance in the run folder. */
interface State {
  pid: number;
  url: string;
  token: string;
  home: string;
}

export function parseTerminalArgs(argv: string[]): TerminalOptions {
  const [command, ...rest] = argv;
  if (command !== 'start' && command !== 'serve' && command !== 'stop')
    throw new Error(`用法 / usage: kiosk.mjs start|stop --run-dir DIR (got "${command ?? ''}")`);
  const split = rest.indexOf('--');
  const own = split >= 0 ? rest.slice(0, split) : rest;
  const value = (name: string) => {
    const i = own.indexOf(`--${name}`);
    return i >= 0 ? own[i + 1] : undefined;
  };
  const whole = (name: string, fallback: number) => {
    const n = Number(value(name) ?? fallback);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} 需要正整数 / --${name} needs a positive whole number`);
    return n;
  };
  const runDir = value('run-dir');
  if (!runDir) throw new Error('缺少 --run-dir / --run-dir is required');
  return {
    command,
    runDir: resolve(runDir),
    port: whole('port', DEFAULT_PORT),
    idle: idleSeconds(value('idle') ?? DEFAULT_IDLE_SECONDS),
    serverOnly: own.includes('--server-only'),
    browser: value('browser') ?? '',
    browserFlags: split >= 0 ? rest.slice(split + 1) : [],
  };
}

/** `--idle` within the bounds the pages accept (`kioskStart`), refused here rather than ignored there. */
function idleSeconds(raw: string | number): number {
  const idle = parseIdleSeconds(raw);
  if (idle === null)
    throw new Error(
      `--idle 需要 ${MIN_IDLE_SECONDS} 到 ${MAX_IDLE_SECONDS} 之间的整数（秒）/ --idle needs ${MIN_IDLE_SECONDS}–${MAX_IDLE_SECONDS} whole seconds`,
    );
  return idle;
}

/** The message shown when the package fails its manifest check, in Chinese for staff and in English. */
export function refusalMessage(problems: ManifestProblems): string {
  const list = (files: string[]) =>
    files.length > 10 ? `${files.slice(0, 10).join('、')} 等 ${files.length} 个 / and ${files.length - 10} more` : files.join('、');
  const lines = ['查阅点文件不完整或已被改动，已停止启动。', '请从原始压缩包重新复制整个文件夹，或联系发布单位。'];
  if (problems.missing.length) lines.push(`缺少 / missing: ${list(problems.missing)}`);
  if (problems.changed.length) lines.push(`已改动 / changed: ${list(problems.changed)}`);
  if (problems.added.length) lines.push(`多出 / not in the manifest: ${list(problems.added)}`);
  if (problems.links.length) lines.push(`符号链接（不允许） / symbolic links (not allowed): ${list(problems.links)}`);
  lines.push('The kiosk package is incomplete or was changed, so it will not start: copy the whole folder again from the original zip.');
  return lines.join('\n');
}

/** Checks the package against its manifest: the refusal message, or null when every file is intact. */
export function checkPackage(home: string): string | null {
  let manifest: string;
  try {
    manifest = readFileSync(join(home, MANIFEST_FILE), 'utf8');
  } catch {
    return refusalMessage({ missing: [MANIFEST_FILE], changed: [], added: [], links: [] });
  }
  try {
    const problems = verifyManifest(home, manifest, [SITE_DIR, APP_DIR]);
    return hasProblems(problems) ? refusalMessage(problems) : null;
  } catch (error) {
    return `${(error as Error).message}\n${refusalMessage({ missing: [], changed: [MANIFEST_FILE], added: [], links: [] })}`;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/**
 * The page the kiosk browser shows when the package is refused. A terminal may have no Chinese
 * font, so it uses the site's own (`site/fonts/fallback.css`, its URLs made `file:` URLs) when
 * that file is there and plain CSS.
 */
export function errorPage(message: string, siteDir: string): string {
  let fonts = '';
  try {
    const css = readFileSync(join(siteDir, 'fonts/fallback.css'), 'utf8');
    if (!css.includes('<')) fonts = css.replaceAll('url(/', `url(${pathToFileURL(siteDir).href}/`);
  } catch {
    /* the system's fonts, then */
  }
  const family = /font-family:\s*'([^']+)'/.exec(fonts)?.[1];
  const [title, ...rest] = message.split('\n');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>查阅点无法启动</title>
<style>${fonts}
body{font:28px/1.6 ${family ? `'${family}',` : ''}sans-serif;margin:3em;color:#000;background:#fff}h1{font-size:40px}li{overflow-wrap:anywhere}</style></head>
<body><h1>${escapeHtml(title ?? '')}</h1><ul>${rest.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></body></html>\n`;
}

/**
 * The record in the run folder, or null when there is none or it is not one this program writes:
 * a positive pid, a URL on 127.0.0.1 (so a stop request never goes anywhere else), a hex token.
 */
export function readState(runDir: string): State | null {
  const text = readPrivateFile(runDir, STATE_FILE);
  if (text === null) return null;
  try {
    const state = JSON.parse(text) as Partial<State>;
    const valid =
      Number.isInteger(state.pid) &&
      (state.pid ?? 0) > 0 &&
      /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(state.url ?? '') &&
      /^[0-9a-f]{16,}$/.test(state.token ?? '') &&
      typeof state.home === 'string';
    return valid ? (state as State) : null;
  } catch {
    return null;
  }
}

function writeState(runDir: string, state: State): void {
  writePrivateFile(runDir, STATE_FILE, JSON.stringify(state));
}

/**
 * Whether `pid` is this program's server for `runDir`, as far as the system lets us see: on Linux
 * its command line is `… serve … --run-dir <runDir>`; elsewhere (no /proc) the server's own answer,
 * given to a request that carried the secret token, is all there is.
 */
export function isOurServer(pid: number, runDir: string): boolean {
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync('/proc/self');
  }
  const args = cmdline.split('\0');
  const dir = args.indexOf('--run-dir');
  return args.includes('serve') && dir >= 0 && args[dir + 1] !== undefined && resolve(args[dir + 1]!) === runDir;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Stops the instance recorded in the run folder, if it still runs: it is asked over loopback with
 * its secret token, then closes its browser and exits by itself. A process is killed only when it
 * failed to exit although the server answered with that very pid and `isOurServer` confirms it, so
 * a stale or planted record never kills an unrelated process. Returns the stopped package's
 * folder, or null.
 */
export async function stopRunning(runDir: string): Promise<string | null> {
  const state = readState(runDir);
  if (!state) {
    // No record, or one this program never wrote: either way nothing to ask, and nothing to keep.
    rmSync(join(runDir, STATE_FILE), { force: true });
    return null;
  }
  let answer = '';
  try {
    const response = await fetch(`${state.url}${STOP_PATH}`, {
      method: 'POST',
      headers: { 'x-kiosk-token': state.token },
      signal: AbortSignal.timeout(5000),
    });
    if (response.ok) answer = await response.text();
  } catch {
    /* nothing listens there any more: a stale record */
  }
  // `stopping` alone is what packages before the pid was reported answer.
  const answered = answer === 'stopping' || answer.startsWith('stopping ');
  if (answer === `stopping ${state.pid}`) {
    // Waiting harms nothing, and an exiting process shows no command line any more: only the kill is checked.
    for (let i = 0; i < 100 && alive(state.pid); i++) await sleep(100);
    if (alive(state.pid) && isOurServer(state.pid, runDir)) process.kill(state.pid);
  }
  if (readState(runDir)?.token === state.token) rmSync(join(runDir, STATE_FILE), { force: true });
  return answered ? state.home : null;
}

/** Starts the browser on `url` in kiosk mode and starts it again whenever it is closed or crashes. */
function superviseBrowser(options: TerminalOptions, url: string): () => void {
  const profile = join(options.runDir, 'browser-profile');
  try {
    rmSync(profile, { recursive: true, force: true });
  } catch {
    /* still locked by a browser that is closing (Windows): reuse it, it keeps no history anyway */
  }
  let child: ChildProcess | null = null;
  let stopped = false;
  let quickExits = 0;
  const launch = () => {
    const started = Date.now();
    child = spawn(options.browser, [...options.browserFlags, `--user-data-dir=${profile}`, url], { stdio: 'ignore' });
    child.on('error', (error) => console.error(`浏览器无法启动 / the browser did not start: ${error.message}`));
    child.on('exit', () => {
      if (stopped) return;
      quickExits = Date.now() - started < 10_000 ? quickExits + 1 : 0;
      setTimeout(launch, quickExits >= 5 ? 60_000 : 1000);
    });
  };
  launch();
  return () => {
    stopped = true;
    child?.kill();
  };
}

/** The detached server process: serves `site/`, records itself, keeps the browser open, stops on request. */
async function serve(options: TerminalOptions, home: string): Promise<void> {
  const token = process.env.KIOSK_TOKEN ?? '';
  delete process.env.KIOSK_TOKEN;
  const files = staticHandler(join(home, SITE_DIR));
  let closeBrowser = () => {};
  const server = createServer((req, res) => {
    if (req.url !== STOP_PATH) return files(req, res);
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    if (!token || req.headers['x-kiosk-token'] !== token) return void res.writeHead(403).end();
    res.end(`stopping ${process.pid}`, shutdown);
  });
  const shutdown = () => {
    closeBrowser();
    if (readState(options.runDir)?.token === token) rmSync(join(options.runDir, STATE_FILE), { force: true });
    server.close();
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 200).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  const url = await listenOnFreePort(server, options.port, '127.0.0.1', PORT_TRIES);
  writeState(options.runDir, { pid: process.pid, url, token, home });
  if (!options.serverOnly) closeBrowser = superviseBrowser(options, `${url}/?kiosk=1&idle=${options.idle}`);
}

async function start(options: TerminalOptions, home: string, script: string, argv: string[]): Promise<number> {
  const refusal = checkPackage(home);
  const page = join(options.runDir, ERROR_PAGE);
  rmSync(page, { force: true });
  if (refusal) {
    writePrivateFile(options.runDir, ERROR_PAGE, errorPage(refusal, join(home, SITE_DIR)));
    console.error(refusal);
    if (!options.serverOnly && options.browser) {
      // A profile of its own, so the page opens even while an older copy's kiosk browser runs.
      const profile = `--user-data-dir=${join(options.runDir, 'browser-profile-error')}`;
      spawn(options.browser, [...options.browserFlags, profile, pathToFileURL(page).href], { stdio: 'ignore', detached: true }).unref();
    }
    return EXIT_REFUSED;
  }
  if (!options.serverOnly && !options.browser) {
    console.error('找不到浏览器：请安装 Microsoft Edge、Google Chrome 或 Chromium / no Edge, Chrome or Chromium found');
    return 1;
  }
  const previous = await stopRunning(options.runDir);
  if (previous) console.log(`已停止之前运行的查阅点 / stopped the previous kiosk: ${previous}`);
  const token = randomBytes(24).toString('hex');
  const log = openPrivateLog(options.runDir, LOG_FILE);
  // The server gets the run folder as an absolute path: `isOurServer` recognises it by that.
  const args = argv.slice(1).map((arg, i, all) => (all[i - 1] === '--run-dir' ? options.runDir : arg));
  const child = spawn(process.execPath, [script, 'serve', ...args], {
    detached: true,
    windowsHide: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, KIOSK_TOKEN: token },
  });
  closeSync(log);
  let exited = false;
  child.on('exit', () => (exited = true));
  for (let i = 0; i < 300 && !exited; i++) {
    const state = readState(options.runDir);
    if (state?.token === token) {
      child.unref();
      console.log(`查阅点已启动 / kiosk running: ${state.url}/?kiosk=1&idle=${options.idle}`);
      return 0;
    }
    await sleep(100);
  }
  child.kill();
  console.error(`查阅点未能启动，详见 / the kiosk did not start, see ${join(options.runDir, LOG_FILE)}`);
  return 1;
}

/** Entry point of `app/kiosk.mjs`; the package folder is the parent of the script's folder. */
export async function main(argv: string[], script: string): Promise<void> {
  let options: TerminalOptions;
  try {
    options = parseTerminalArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const home = resolve(dirname(script), '..');
  try {
    preparePrivateDir(options.runDir);
  } catch (error) {
    if (!(error instanceof RunDirError)) throw error;
    console.error(error.message);
    process.exit(EXIT_UNSAFE_RUN_DIR);
  }
  if (options.command === 'serve') return serve(options, home);
  if (options.command === 'stop') {
    const stopped = await stopRunning(options.runDir);
    console.log(stopped ? `查阅点已停止 / kiosk stopped: ${stopped}` : '没有正在运行的查阅点 / no kiosk was running');
    return;
  }
  process.exitCode = await start(options, home, script, argv);
}
