import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * A real Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the binary shipped inside
 * the npm package @sparticuz/chromium. A missing browser fails loudly; it is never a skipped test.
 */
export async function chromiumPath(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    return await sparticuz.executablePath();
  } catch (error) {
    throw new Error(
      `找不到 Chromium / no Chromium found: set CHROMIUM_PATH, install Debian's chromium, or run npm ci so @sparticuz/chromium is present (${String(error)})`,
      { cause: error },
    );
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-zygote',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/**
 * A browser context that behaves like a kiosk with no network: every request not to 127.0.0.1
 * is aborted and recorded in `blocked`, so a test can assert that nothing tried to leave.
 */
export async function offlineContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context: BrowserContext = await browser.newContext({ locale: 'zh-CN', ...options });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return { context, blocked };
}
