/**
 * `npm run kiosk [-- --port 8080 --idle 120]`: serves the built site (dist/) on 127.0.0.1 (the
 * next free port when that one is taken) and prints how to start Chromium in kiosk mode on it.
 * For a terminal without this repository, `npm run kiosk:pack` makes a folder it runs as it is.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startStaticServer } from './lib/serve/staticServer.ts';
import { DEFAULT_IDLE_SECONDS, MAX_IDLE_SECONDS, MIN_IDLE_SECONDS, parseIdleSeconds } from '../src/lib/kiosk/preferences.ts';
import { BROWSER_FLAGS } from './lib/kiosk/launchers.ts';

const dist = resolve(import.meta.dirname, '../dist');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} 需要正整数 / --${name} needs a positive whole number`);
    process.exit(2);
  }
  return value;
};
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error('找不到 dist/：请先运行 npm run build / dist/ not found: run npm run build first');
  process.exit(1);
}
const port = arg('port', 4321);
const idle = arg('idle', DEFAULT_IDLE_SECONDS);
// The pages take only an idle time within the bounds (kioskStart); refuse others here, not silently there.
if (parseIdleSeconds(idle) === null) {
  console.error(
    `--idle 需要 ${MIN_IDLE_SECONDS} 到 ${MAX_IDLE_SECONDS} 之间的整数（秒）/ --idle needs ${MIN_IDLE_SECONDS}–${MAX_IDLE_SECONDS} whole seconds`,
  );
  process.exit(2);
}
const { url } = await startStaticServer(dist, port, '127.0.0.1', 50);
const start = `${url}/?kiosk=1&idle=${idle}`;
console.log(`查阅点模式已启动 / kiosk server running: ${url}
在终端上以全屏方式打开 / open it full screen on the terminal:

  chromium ${BROWSER_FLAGS.join(' ')} "${start}"

空闲 ${idle} 秒后自动回到首页并清除阅读设置和搜索 / after ${idle} s without input it returns home and clears settings and search.
按 Ctrl+C 停止 / Ctrl+C to stop.`);
