import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, errorPage, parseTerminalArgs, refusalMessage, stopRunning } from '../../../scripts/lib/kiosk/terminal.ts';

describe('parseTerminalArgs', () => {
  it('reads the launcher arguments and keeps the browser flags after --', () => {
    const options = parseTerminalArgs([
      'start',
      '--run-dir',
      '/tmp/run',
      '--idle',
      '90',
      '--browser',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      '--',
      '--kiosk',
      '--idle',
      'x',
    ]);
    expect(options).toEqual({
      command: 'start',
      runDir: '/tmp/run',
      port: DEFAULT_PORT,
      idle: 90,
      serverOnly: false,
      browser: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      browserFlags: ['--kiosk', '--idle', 'x'],
    });
    expect(parseTerminalArgs(['start', '--run-dir', 'r', '--server-only']).serverOnly).toBe(true);
  });

  it('rejects unknown commands, a missing run folder and bad numbers', () => {
    expect(() => parseTerminalArgs(['run', '--run-dir', 'r'])).toThrow(/usage/);
    expect(() => parseTerminalArgs(['start'])).toThrow(/--run-dir/);
    expect(() => parseTerminalArgs(['start', '--run-dir', 'r', '--port', '0'])).toThrow(/--port 需要正整数/);
  });

  it('refuses an idle time the pages would ignore (outside 30–1800 whole seconds)', () => {
    for (const idle of ['8', '0.05', '-5', 'NaN', '1801'])
      expect(() => parseTerminalArgs(['start', '--run-dir', 'r', '--idle', idle]), idle).toThrow(
        '--idle 需要 30 到 1800 之间的整数（秒）/ --idle needs 30–1800 whole seconds',
      );
    expect(parseTerminalArgs(['start', '--run-dir', 'r']).idle).toBe(120);
  });
});

describe('refusalMessage and errorPage', () => {
  it('names the files in Chinese and English, at most ten of a kind', () => {
    const changed = Array.from({ length: 12 }, (_, i) => `site/${i}.html`);
    const message = refusalMessage({ missing: ['app/node.exe'], changed, added: [], links: ['site/robots.txt'] });
    expect(message).toContain('缺少 / missing: app/node.exe');
    expect(message).toContain('符号链接（不允许） / symbolic links (not allowed): site/robots.txt');
    expect(message).toContain('site/9.html 等 12 个 / and 2 more');
    expect(message).not.toContain('site/10.html');
    expect(message).toMatch(/will not start/);
  });
  it('escapes file names in the page and uses the site font by file URL', () => {
    const site = mkdtempSync(join(tmpdir(), 'kiosk site '));
    try {
      const message = refusalMessage({ missing: [], changed: [], added: ['site/<b>.html'], links: [] });
      expect(errorPage(message, site)).toContain('site/&lt;b&gt;.html');
      expect(errorPage(message, site)).toContain('font:28px/1.6 sans-serif');
      mkdirSync(join(site, 'fonts'));
      writeFileSync(join(site, 'fonts/fallback.css'), "@font-face{font-family:'Noto Sans SC';src:url(/fonts/a.woff2) format('woff2')}");
      const page = errorPage(message, site);
      expect(page).toContain(`src:url(${pathToFileURL(site).href}/fonts/a.woff2)`);
      expect(page).toContain("font:28px/1.6 'Noto Sans SC',sans-serif");
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('stopRunning', () => {
  it('drops a stale record without touching the process it names', async () => {
    const run = mkdtempSync(join(tmpdir(), 'kiosk-run-'));
    try {
      expect(await stopRunning(run)).toBeNull();
      // Our own pid behind a port nobody listens on: it must survive, and the record must go.
      writeFileSync(join(run, 'kiosk.json'), JSON.stringify({ pid: process.pid, url: 'http://127.0.0.1:9', token: 't', home: '/old' }));
      expect(await stopRunning(run)).toBeNull();
      expect(() => readFileSync(join(run, 'kiosk.json'))).toThrow(/ENOENT/);
    } finally {
      rmSync(run, { recursive: true, force: true });
    }
  });
});
