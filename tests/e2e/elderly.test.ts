/** 适老化: reading settings, reflow, and checks beyond axe, in real Chromium with the network blocked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { offlineContext } from './support/browser.ts';
import { useSite } from './support/session.ts';
import { contrastRatio } from './support/contrast.ts';

/** One page of every template. */
export const TEMPLATES = [
  '/',
  '/yaodian/',
  '/yaodian/2021/',
  '/yaodian/2021/18/',
  '/jiedu/',
  '/jiedu/2021/',
  '/jiedu/2021/18/',
  '/tujie/2021/18/',
  '/renwu/',
  '/renwu/2021/',
  '/renwu/2021/huitoukan/',
  '/bumen/',
  '/bumen/shi-zheng-fu-ban-gong-shi/',
  '/zhuanti/',
  '/zhuanti/wangqi/',
  '/zhuanti/yaodian-2021/',
  '/search/?q=%E5%9B%BE%E8%A7%A3',
  '/wuzhangai/',
  '/nonexistent-page/',
];
const site = useSite();
let context: BrowserContext;
let blocked: string[];
let page: Page;
beforeAll(async () => {
  ({ context, blocked } = await offlineContext(site.browser, { viewport: { width: 1280, height: 900 } }));
  page = await context.newPage();
});
afterAll(async () => {
  expect(blocked).toEqual([]);
  await context?.close();
});

const bodyText = () =>
  page.evaluate(() => {
    const p = document.querySelector('main p')!;
    const style = getComputedStyle(p);
    let el: Element | null = p;
    let bg = 'rgba(0, 0, 0, 0)';
    while (el && /rgba\(0, 0, 0, 0\)|transparent/.test(bg)) {
      bg = getComputedStyle(el).backgroundColor;
      el = el.parentElement;
    }
    return { fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight), color: style.color, background: bg };
  });

async function choose(name: string, value: string) {
  const panel = page.locator('#reading-panel');
  if (await panel.isHidden()) await page.getByRole('button', { name: '阅读设置' }).click();
  await page.locator(`#reading-panel input[name="${name}"][value="${value}"]`).check();
}

describe('阅读设置 (reading settings)', () => {
  it('sets body text to 18, 22 and 26 px with line height at least 1.5', async () => {
    await page.goto(`${site.url}/yaodian/2021/18/`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const sizes: number[] = [];
    for (const size of ['standard', 'large', 'xlarge']) {
      await choose('textSize', size);
      const { fontSize, lineHeight } = await bodyText();
      sizes.push(fontSize);
      expect(lineHeight / fontSize, size).toBeGreaterThanOrEqual(1.5);
    }
    expect(sizes).toEqual([18, 22, 26]);
    await choose('spacing', 'wide');
    const wide = await bodyText();
    expect(wide.lineHeight / wide.fontSize).toBeGreaterThanOrEqual(2);
  });

  it('gives body text a contrast of at least 7:1 in high contrast', async () => {
    await choose('contrast', 'high');
    const { color, background } = await bodyText();
    expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(7);
    const link = await page.evaluate(() => {
      const a = document.querySelector('main a')!;
      return getComputedStyle(a).color;
    });
    expect(contrastRatio(link, background)).toBeGreaterThanOrEqual(7);
  });

  it('survives navigation and applies before the first paint', async () => {
    await page.goto(`${site.url}/renwu/2021/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.body !== null);
    const early = await page.evaluate(() => ({
      size: document.documentElement.dataset.textSize,
      contrast: document.documentElement.dataset.contrast,
    }));
    expect(early).toEqual({ size: 'xlarge', contrast: 'high' });
    await page.getByRole('button', { name: '阅读设置' }).click();
    await page.getByRole('button', { name: '恢复默认' }).click();
    expect(await page.evaluate(() => [document.documentElement.dataset.textSize ?? null, localStorage.getItem('zw-reading')])).toEqual([
      null,
      null,
    ]);
  });

  it('is operable with the keyboard alone', async () => {
    await page.goto(`${site.url}/yaodian/2021/01/`);
    let focused = '';
    for (let i = 0; i < 10 && focused !== '阅读设置'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    }
    expect(focused).toBe('阅读设置');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: '阅读设置' }).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab'); // first radio group: 字号, on “标准”
    await page.keyboard.press('ArrowRight'); // → 大
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large');
    await page.evaluate(() => localStorage.clear());
  });
});

describe('reflow', () => {
  for (const [label, width, textScale] of [
    ['320 px', 320, null],
    ['200% text', 640, '225%'],
  ] as const) {
    it(`has no horizontal scrolling on any page template at ${label}`, async () => {
      await page.setViewportSize({ width, height: 800 });
      const overflowing: string[] = [];
      for (const path of TEMPLATES) {
        await page.goto(site.url + path);
        if (textScale) await page.evaluate((s) => (document.documentElement.style.fontSize = s), textScale);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        if (scrollWidth > innerWidth) overflowing.push(`${path}: ${scrollWidth} > ${innerWidth}`);
      }
      expect(overflowing).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });
    });
  }
});

describe('beyond axe', () => {
  it('keeps a visible focus indicator on every focusable element of each template', async () => {
    const invisible: string[] = [];
    for (const path of ['/', '/yaodian/2021/18/', '/renwu/2021/', '/search/?q=%E5%9B%BE%E8%A7%A3']) {
      await page.goto(site.url + path);
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const s = getComputedStyle(el);
          const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
          return { visible, what: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 20) ?? ''}` };
        });
        if (!state) break;
        if (!state.visible) invisible.push(`${path}: ${state.what}`);
      }
    }
    expect(invisible).toEqual([]);
  });
});
