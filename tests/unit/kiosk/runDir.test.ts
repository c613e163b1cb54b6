/**
 * The kiosk's run folder (default `/tmp/zwgk-kiosk-<uid>`, a name any local user can take first)
 * holds the stop token and the log: it must be private, and nothing planted in it may be trusted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPrivateLog, preparePrivateDir, readPrivateFile, RunDirError, writePrivateFile } from '../../../scripts/lib/kiosk/runDir.ts';
import { readState, stopRunning } from '../../../scripts/lib/kiosk/terminal.ts';
import { MANIFEST_FILE, manifestText } from '../../../scripts/lib/kiosk/manifest.ts';

const ENTRY = resolve(import.meta.dirname, 'support/terminalMain.ts');
const TERMINAL = resolve(import.meta.dirname, '../../../scripts/lib/kiosk/terminal.ts');
const mode = (path: string) => lstatSync(path).mode & 0o777;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const token = () => randomBytes(24).toString('hex');

let work: string;
let victim: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'kiosk-rundir-'));
  victim = join(work, 'victim.txt');
  writeFileSync(victim, 'do not touch');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Runs the kiosk program (`start`, `stop`, `serve`) for a package folder and waits for it. */
const terminal = (home: string, args: string[]) =>
  spawnSync(process.execPath, [ENTRY, home, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, KIOSK_TOKEN: '' } });

describe('preparePrivateDir', () => {
  it('creates the folder, and the folders above it, with mode 0700', () => {
    const dir = join(work, 'a/b/zwgk-kiosk-1000');
    expect(preparePrivateDir(dir)).toBe(dir);
    expect([mode(dir), mode(join(work, 'a'))]).toEqual([0o700, 0o700]);
    expect(preparePrivateDir(dir)).toBe(dir);
  });

  const refusal = (dir: string) => {
    try {
      preparePrivateDir(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(RunDirError);
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('refuses a link, a file, a folder others may use and one owned by another user, saying how to fix it', () => {
    const real = join(work, 'real');
    mkdirSync(real, { mode: 0o700 });
    symlinkSync(real, join(work, 'link'));
    expect(refusal(join(work, 'link'))).toBe(
      `运行目录 ${join(work, 'link')} 是一个符号链接，为安全起见不使用它。请删除该目录（或设置 KIOSK_RUN_DIR 指向只属于当前用户的目录）后重新启动。\n` +
        `The run folder ${join(work, 'link')} is a symbolic link, so it is not used: delete it (or set KIOSK_RUN_DIR to a folder only this user can use) and start again.`,
    );
    writeFileSync(join(work, 'file'), '');
    expect(refusal(join(work, 'file'))).toContain('不是目录');
    for (const [bits, text] of [
      [0o755, 'has mode 755, which lets other users in'],
      [0o777, 'has mode 777, which lets other users in'],
      [0o710, 'has mode 710, which lets other users in'],
    ] as const) {
      const dir = join(work, `open-${bits.toString(8)}`);
      mkdirSync(dir);
      chmodSync(dir, bits);
      expect(refusal(dir)).toContain(text);
    }
    // A folder another user made first: as root, one handed to nobody; otherwise root's own /usr.
    const foreign = process.getuid!() === 0 ? join(work, 'foreign') : '/usr';
    if (foreign !== '/usr') {
      mkdirSync(foreign, { mode: 0o700 });
      chownSync(foreign, 65534, 65534);
    }
    const owner = statSync(foreign).uid;
    expect(refusal(foreign)).toContain(`属于另一个用户（uid ${owner}）`);
    expect(refusal(foreign)).toContain(`belongs to another user (uid ${owner})`);
  });
});

describe('files in the run folder', () => {
  it('writes kiosk.json with mode 0600, replacing a planted link instead of writing through it', () => {
    const run = preparePrivateDir(join(work, 'run'));
    symlinkSync(victim, join(run, 'kiosk.json'));
    writePrivateFile(run, 'kiosk.json', '{"a":1}');
    expect([lstatSync(join(run, 'kiosk.json')).isFile(), mode(join(run, 'kiosk.json'))]).toEqual([true, 0o600]);
    expect(readFileSync(join(run, 'kiosk.json'), 'utf8')).toBe('{"a":1}');
    expect(readFileSync(victim, 'utf8')).toBe('do not touch');
  });

  it('opens kiosk.log anew with mode 0600, never truncating what a planted link points at', () => {
    const run = preparePrivateDir(join(work, 'run'));
    symlinkSync(victim, join(run, 'kiosk.log'));
    const fd = openPrivateLog(run, 'kiosk.log');
    spawnSync('true', { stdio: ['ignore', fd, fd] });
    expect([lstatSync(join(run, 'kiosk.log')).isFile(), mode(join(run, 'kiosk.log'))]).toEqual([true, 0o600]);
    expect(readFileSync(victim, 'utf8')).toBe('do not touch');
  });

  it('reads nothing through a link or from a FIFO', () => {
    const run = preparePrivateDir(join(work, 'run'));
    symlinkSync(victim, join(run, 'kiosk.json'));
    expect(readPrivateFile(run, 'kiosk.json')).toBeNull();
    expect(spawnSync('mkfifo', [join(run, 'fifo')]).status).toBe(0);
    expect(readPrivateFile(run, 'fifo')).toBeNull();
  });

  it('takes no record that could send the stop request elsewhere or carries no real token', () => {
    const run = preparePrivateDir(join(work, 'run'));
    const record = (fields: object) => {
      writeFileSync(
        join(run, 'kiosk.json'),
        JSON.stringify({ pid: 4242, url: 'http://127.0.0.1:8421', token: 'ab'.repeat(12), home: '/k', ...fields }),
      );
      return readState(run);
    };
    expect(record({})).toEqual({ pid: 4242, url: 'http://127.0.0.1:8421', token: 'ab'.repeat(12), home: '/k' });
    expect(record({ url: 'http://10.0.0.8:80' })).toBeNull();
    expect(record({ url: 'http://127.0.0.1:8421/x' })).toBeNull();
    expect(record({ token: '' })).toBeNull();
    expect(record({ pid: -1 })).toBeNull();
    expect(record({ pid: 0 })).toBeNull();
  });
});

describe('a planted record never gets a process killed', () => {
  it('leaves a process alone when whatever answers on the recorded port names it', async () => {
    const run = preparePrivateDir(join(work, 'run'));
    const bystander = spawn('sleep', ['30'], { stdio: 'ignore' });
    // A local server that answers the stop request as ours does (and as older packages did), naming the bystander.
    const answers = [`stopping ${bystander.pid}`, 'stopping'];
    const liar = createServer((_req, res) => res.end(answers.shift()));
    await new Promise<void>((ok) => liar.listen(0, '127.0.0.1', ok));
    const port = (liar.address() as { port: number }).port;
    try {
      for (let i = 0; i < 2; i++) {
        const record = { pid: bystander.pid, url: `http://127.0.0.1:${port}`, token: token(), home: '/x' };
        writeFileSync(join(run, 'kiosk.json'), JSON.stringify(record));
        await stopRunning(run);
      }
      expect(answers).toEqual([]);
      await sleep(300);
      expect(bystander.exitCode).toBeNull();
      expect(bystander.signalCode).toBeNull();
    } finally {
      liar.close();
      bystander.kill();
    }
  }, 30_000);
});

describe('the kiosk program with its run folder', () => {
  /**
   * A package folder that passes its manifest check: one page, `app/kiosk.mjs` (which `start`
   * runs again as the server: here it loads terminal.ts from the repository) and the manifest.
   */
  const packageHome = () => {
    const home = join(work, 'package');
    mkdirSync(join(home, 'site'), { recursive: true });
    mkdirSync(join(home, 'app'));
    writeFileSync(join(home, 'site/index.html'), '<p>首页</p>');
    writeFileSync(
      join(home, 'app/kiosk.mjs'),
      `import { main } from ${JSON.stringify(TERMINAL)};\nawait main(process.argv.slice(2), process.argv[1]);\n`,
    );
    writeFileSync(join(home, MANIFEST_FILE), manifestText(home));
    return home;
  };

  it('refuses to start or stop with a run folder others may use, a link, or another user’s', () => {
    const home = packageHome();
    const open = join(work, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    symlinkSync(open, join(work, 'link'));
    for (const [dir, why] of [
      [open, 'has mode 777'],
      [join(work, 'link'), 'is a symbolic link'],
    ]) {
      for (const command of ['start', 'stop']) {
        const result = terminal(home, [command, '--run-dir', dir!, '--server-only']);
        expect([command, result.status]).toEqual([command, 4]);
        expect(result.stderr).toContain(`The run folder ${dir} ${why}`);
      }
    }
    expect(existsSync(join(open, 'kiosk.json'))).toBe(false);
    expect(existsSync(join(open, 'kiosk.log'))).toBe(false);
  });

  it('writes the error page and the log as its own private files, whatever was planted as them', () => {
    const home = packageHome();
    const run = preparePrivateDir(join(work, 'run'));
    symlinkSync(victim, join(run, 'error.html'));
    writeFileSync(join(home, 'site/index.html'), '<p>被改动</p>');
    expect(terminal(home, ['start', '--run-dir', run, '--server-only']).status).toBe(3);
    expect([lstatSync(join(run, 'error.html')).isFile(), mode(join(run, 'error.html'))]).toEqual([true, 0o600]);
    expect(readFileSync(victim, 'utf8')).toBe('do not touch');
  });

  it('starts with a private record and log and stops cleanly through its token', async () => {
    const home = packageHome();
    const run = preparePrivateDir(join(work, 'run'));
    symlinkSync(victim, join(run, 'kiosk.log'));
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const started = terminal(home, ['start', '--run-dir', run, '--port', port, '--server-only']);
    expect(started.status, started.stderr).toBe(0);
    const state = readState(run)!;
    try {
      expect([mode(run), mode(join(run, 'kiosk.json')), mode(join(run, 'kiosk.log'))]).toEqual([0o700, 0o600, 0o600]);
      expect(lstatSync(join(run, 'kiosk.log')).isFile()).toBe(true);
      expect(readFileSync(victim, 'utf8')).toBe('do not touch');
      expect(await (await fetch(`${state.url}/`)).text()).toBe('<p>首页</p>');
      expect((await fetch(`${state.url}/.kiosk/stop`)).status).toBe(405);
      expect((await fetch(`${state.url}/.kiosk/stop`, { method: 'POST', headers: { 'x-kiosk-token': 'ab'.repeat(24) } })).status).toBe(403);
      expect(await stopRunning(run)).toBe(home);
      for (let i = 0; i < 50 && existsSync(`/proc/${state.pid}`); i++) await sleep(100);
      expect(existsSync(`/proc/${state.pid}`)).toBe(false);
      expect(existsSync(join(run, 'kiosk.json'))).toBe(false);
    } finally {
      if (existsSync(`/proc/${state.pid}`)) process.kill(state.pid);
    }
  }, 60_000);
});
