/**
 * A kiosk's browser abandons requests all day (a page change or the idle reset cancels font
 * loads). The packaged server (scripts/lib/kiosk/terminal.ts `serve`, which serves with
 * scripts/lib/serve/staticServer.ts) runs here as its own process with `ulimit -n 128`: 1,000
 * requests for a large file, each dropped as soon as its headers arrive, must leave it alive and
 * holding the same number of open files as before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readState, stopRunning } from '../../../scripts/lib/kiosk/terminal.ts';

const ENTRY = resolve(import.meta.dirname, '../kiosk/support/terminalMain.ts');
const FONT_BYTES = 16 * 1024 * 1024;
const ABORTS = 1000;
const AT_ONCE = 20;

/** The number of files (and sockets) a process holds open; Infinity once it has died. */
const openFiles = (pid: number) => {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return Infinity;
  }
};
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Requests `url` and destroys the connection as soon as the response headers arrive. */
const abortAfterHeaders = (url: string) =>
  new Promise<void>((done) => {
    const req = request(url, { agent: false }, (res) => {
      res.destroy();
      req.destroy();
      done();
    });
    req.on('error', () => done());
    req.on('close', () => done());
    req.end();
  });

describe('the kiosk server under a low open-file limit', () => {
  let home: string;
  let run: string;
  let server: ChildProcess;
  let url: string;
  let stderr = '';

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'kiosk-fd-'));
    run = join(home, 'run');
    mkdirSync(join(home, 'site/fonts'), { recursive: true });
    writeFileSync(join(home, 'site/index.html'), '<p>首页</p>');
    writeFileSync(join(home, 'site/fonts/big.woff2'), randomBytes(FONT_BYTES));
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const argv = [process.execPath, ENTRY, home, 'serve', '--run-dir', run, '--port', port, '--server-only'];
    server = spawn('bash', ['-c', 'ulimit -n 128 && exec "$@"', 'bash', ...argv], {
      env: { ...process.env, KIOSK_TOKEN: randomBytes(24).toString('hex') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let i = 0; i < 100 && !readState(run); i++) await sleep(100);
    url = readState(run)!.url;
  });
  afterAll(async () => {
    if (server.exitCode === null) await stopRunning(run);
    if (server.exitCode === null) server.kill();
    rmSync(home, { recursive: true, force: true });
  });

  it('runs with the limit it was given', () => {
    expect(readState(run)!.pid).toBe(server.pid);
    expect(readFileSync(`/proc/${server.pid}/limits`, 'utf8')).toMatch(/^Max open files\s+128\s+128\s+files\s*$/m);
  });

  it('stays up after 1,000 aborted requests, its open files back where they were', async () => {
    expect((await fetch(`${url}/fonts/big.woff2`)).status).toBe(200);
    await sleep(200);
    const before = openFiles(server.pid!);
    for (let sent = 0; sent < ABORTS; sent += AT_ONCE) {
      await Promise.all(Array.from({ length: AT_ONCE }, () => abortAfterHeaders(`${url}/fonts/big.woff2`)));
    }
    let after = openFiles(server.pid!);
    for (let i = 0; i < 50 && after > before; i++) {
      await sleep(100);
      after = openFiles(server.pid!);
    }
    expect(after, `open files before ${before}; the server said: ${stderr.slice(0, 400)}`).toBeLessThanOrEqual(before);
    expect(server.exitCode).toBeNull();
    expect(stderr).toBe('');
    const page = await fetch(`${url}/`);
    expect([page.status, await page.text()]).toEqual([200, '<p>首页</p>']);
  }, 60_000);
});
