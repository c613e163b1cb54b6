/**
 * 查阅点 kiosk mode (item 16), in real Chromium with every non-loopback request blocked. Kiosk
 * mode is set by the launcher's first load and never turned off or retuned by a link (attack
 * issue, item 6); idle times are run on Playwright's clock, so a 30-s minimum costs no waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { offlineContext } from './support/browser.ts';
import { useSite } from './support/session.ts';

const site = useSite();
let context: BrowserContext;
let blocked: string[];
let page: Page;
beforeAll(async () => {
  ({ context, blocked } = await offlineContext(site.browser, { viewport: { width: 1080, height: 1920 }, hasTouch: true }));
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

describe('kiosk mode', () => {
  it('turns on with ?kiosk=1 for the session, with larger text and a 返回首页 button', async () => {
    await page.goto(`${site.url}/?kiosk=1&idle=600`);
    await page.goto(`${site.url}/yaodian/2021/18/`);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-kiosk'))).toBe(true);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize))).toBeGreaterThanOrEqual(22);
    const home = page.getByRole('link', { name: '返回首页' });
    expect(await home.isVisible()).toBe(true);
    const box = (await home.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(60);
  });

  it('makes every control and navigation link at least 60 × 60 px', async () => {
    const small = await page.evaluate(() => {
      const selectors = 'header a, header button, header input, nav a, main button, main input:not([type=radio]), main select, .kiosk-home';
      return [...document.querySelectorAll<HTMLElement>(selectors)]
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({ el: `${el.tagName} ${el.textContent?.trim().slice(0, 12)}`, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 60 || r.width < 60)
        .map(({ el, r }) => `${el} ${Math.round(r.width)}×${Math.round(r.height)}`);
    });
    expect(small).toEqual([]);
  });

  it('shows external links as text with a QR code and never navigates away', async () => {
    const link = page.locator('a.external-link').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^https:\/\//);
    const qr = page.locator('.external-link__qr img').first();
    expect(await qr.isVisible()).toBe(true);
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await qr.getAttribute('alt')).toContain(href!);
    const before = page.url();
    await link.dispatchEvent('click');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
  });

  it('searches offline', async () => {
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('三同步')}`);
    await page.waitForFunction(() => /找到/.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
  });

  it('returns home after the idle time and clears settings and search', async () => {
    const { context: timed, blocked: outside } = await offlineContext(site.browser, { viewport: { width: 1080, height: 1920 } });
    const tab = await timed.newPage();
    await tab.clock.install();
    await tab.goto(`${site.url}/?kiosk=1&idle=30`);
    await tab.goto(`${site.url}/yaodian/2021/05/`);
    await tab.evaluate(() => {
      localStorage.setItem('zw-reading', JSON.stringify({ textSize: 'xlarge', contrast: 'high' }));
      sessionStorage.setItem('zw-search', '三同步');
    });
    await tab.clock.fastForward('00:25');
    expect(tab.url()).toBe(`${site.url}/yaodian/2021/05/`);
    await tab.clock.fastForward('00:06');
    await tab.waitForURL(`${site.url}/`);
    expect(
      await tab.evaluate(() => [
        localStorage.getItem('zw-reading'),
        sessionStorage.getItem('zw-search'),
        document.documentElement.hasAttribute('data-kiosk'),
      ]),
    ).toEqual([null, null, true]);
    expect([...blocked, ...outside]).toEqual([]);
    await timed.close();
  });
});

/** A fresh kiosk tab on Playwright's clock, started as the launcher starts it; `start` is its query. */
async function kioskTab(start: string): Promise<{ tab: Page; close: () => Promise<void> }> {
  const { context: own } = await offlineContext(site.browser);
  const tab = await own.newPage();
  await tab.clock.install();
  await tab.goto(`${site.url}/${start}`);
  return { tab, close: () => own.close() };
}

/** Clicks a link to `href` as a 解读 would hold it (`[首页](/?kiosk=0)`), from the current page. */
async function followLink(tab: Page, href: string): Promise<void> {
  await tab.evaluate((h) => {
    const a = document.createElement('a');
    a.href = h;
    a.textContent = '首页';
    document.querySelector('main')!.append(a);
  }, href);
  await Promise.all([
    tab.waitForURL((u) => u.href === new URL(href, tab.url()).href),
    tab.getByRole('link', { name: '首页', exact: true }).last().click(),
  ]);
}

const record = (tab: Page) => tab.evaluate(() => [sessionStorage.getItem('zw-kiosk'), document.documentElement.hasAttribute('data-kiosk')]);

describe('kiosk mode is the launcher’s, not a link’s (attack issue, item 6)', () => {
  it('stays on when a 解读 link or a typed URL says ?kiosk=0, idle reset included', async () => {
    const { tab, close } = await kioskTab('?kiosk=1&idle=60');
    await tab.goto(`${site.url}/jiedu/2021/18/`);
    await followLink(tab, '/?kiosk=0');
    expect(await record(tab)).toEqual(['{"idle":60}', true]);
    await tab.goto(`${site.url}/?kiosk=0`);
    expect(await record(tab)).toEqual(['{"idle":60}', true]);
    await tab.goto(`${site.url}/yaodian/2021/18/`);
    expect(await tab.locator('.external-link__qr img').first().isVisible()).toBe(true);
    await tab.clock.fastForward('01:01');
    await tab.waitForURL(`${site.url}/`);
    await close();
  });

  it('is not retuned by a link: /?kiosk=1&idle=0.05 neither changes the idle time nor reloads the page', async () => {
    const { tab, close } = await kioskTab('?kiosk=1&idle=600');
    await tab.goto(`${site.url}/yaodian/2021/18/`);
    await followLink(tab, '/?kiosk=1&idle=0.05');
    expect(await record(tab)).toEqual(['{"idle":600}', true]);
    await tab.evaluate(() => Object.assign(window, { stillHere: true }));
    await tab.clock.fastForward('05:00');
    expect([tab.url(), await tab.evaluate(() => 'stillHere' in window)]).toEqual([`${site.url}/?kiosk=1&idle=0.05`, true]);
    await close();
  });

  for (const idle of ['0.05', '-5', 'NaN', '5', '29', '1801', '99999999', '1e3'])
    it(`ignores idle=${idle} from the launcher’s URL and keeps the default 120 s`, async () => {
      const { tab, close } = await kioskTab(`?kiosk=1&idle=${idle}`);
      expect(await record(tab)).toEqual(['{"idle":120}', true]);
      await tab.goto(`${site.url}/yaodian/2021/18/`);
      await tab.evaluate(() => Object.assign(window, { stillHere: true }));
      await tab.clock.fastForward('01:50');
      expect([tab.url(), await tab.evaluate(() => 'stillHere' in window)]).toEqual([`${site.url}/yaodian/2021/18/`, true]);
      await tab.clock.fastForward('00:15');
      await tab.waitForURL(`${site.url}/`);
      await close();
    });

  it('is not switched on by a link on a page', async () => {
    const { context: own } = await offlineContext(site.browser);
    const tab = await own.newPage();
    await tab.goto(`${site.url}/yaodian/2021/18/`);
    await followLink(tab, '/?kiosk=1&idle=60');
    expect(await record(tab)).toEqual([null, false]);
    await own.close();
  });
});

describe('outside kiosk mode', () => {
  it('shows no kiosk button or QR codes, and external links are ordinary links', async () => {
    const { context: normal } = await offlineContext(site.browser);
    const p = await normal.newPage();
    await p.goto(`${site.url}/`);
    expect(await p.getByRole('link', { name: '返回首页' }).isVisible()).toBe(false);
    expect(await p.locator('.external-link__qr').first().isVisible()).toBe(false);
    expect(await p.locator('a.external-link').first().isVisible()).toBe(true);
    await normal.close();
  });
});

describe('npm run kiosk', () => {
  it('serves dist/ on 127.0.0.1 with the right MIME types and prints the Chromium command', async () => {
    const { spawn } = await import('node:child_process');
    const port = 43000 + (process.pid % 1000);
    const child = spawn(process.execPath, ['scripts/kiosk.ts', '--port', String(port), '--idle', '90'], {
      cwd: new URL('../..', import.meta.url).pathname,
    });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('Ctrl+C')) resolve(text);
        });
        child.on('exit', () => reject(new Error(text)));
      });
      expect(output).toContain(`chromium --kiosk`);
      expect(output).toContain(`http://127.0.0.1:${port}/?kiosk=1&idle=90`);
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const wasm = await fetch(`http://127.0.0.1:${port}/pagefind/pagefind.js`);
      expect(wasm.status).toBe(200);
      const font = (await (await fetch(`http://127.0.0.1:${port}/fonts/fonts.css`)).text()).match(/url\(([^)]+\.woff2)\)/)![1]!;
      expect((await fetch(`http://127.0.0.1:${port}${font}`)).headers.get('content-type')).toBe('font/woff2');
    } finally {
      child.kill();
    }
  });
});
