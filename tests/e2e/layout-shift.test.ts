import { describe, expect, it } from 'vitest';
import { offlineContext } from './support/browser.ts';
import { useSite } from './support/session.ts';

/**
 * Nothing moves once a page has painted: not when the site's font arrives (preloaded, `optional`),
 * not when the scripts show their controls (shown before first paint). Measured as Lighthouse
 * measures it, from the browser's layout-shift entries, on a phone-sized screen with nothing but
 * the site reachable; a behaviour, not a timing.
 */
const site = useSite();
const PAGES = ['/yaodian/2021/18/', '/renwu/2021/', '/'];

describe('layout stability', () => {
  it.each(PAGES)('%s does not shift while it loads (CLS < 0.05)', async (path) => {
    const { context, blocked } = await offlineContext(site.browser, {
      viewport: { width: 412, height: 823 },
      isMobile: true,
      deviceScaleFactor: 1.75,
    });
    await context.addInitScript(() => {
      const w = window as unknown as { shifts: { value: number; sources: string[] }[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node }[] })[]) {
          w.shifts.push({
            value: e.value,
            sources: (e.sources ?? []).map((s) =>
              s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : String(s.node?.nodeName),
            ),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    // The font has been used, and the deferred scripts have run.
    await page.waitForFunction(
      () => document.fonts.status === 'loaded' && [...document.fonts].some((f) => f.family.includes('ZW Sans') && f.status === 'loaded'),
    );
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shifts = await page.evaluate(() => (window as unknown as { shifts: { value: number; sources: string[] }[] }).shifts);
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    expect(cls, JSON.stringify(shifts)).toBeLessThan(0.05);
    expect(blocked).toEqual([]);
    await context.close();
  });
});
