import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { offlineContext } from './support/browser.ts';
import { useSite } from './support/session.ts';
import { htmlPages } from './support/site.ts';
import { describeViolations, runAxe } from './support/axe.ts';

const pages = htmlPages();
const site = useSite();

it('checks every built page', () => {
  expect(pages.length).toBeGreaterThan(100);
});

const MODES = [
  { name: 'standard, 1280 px', viewport: { width: 1280, height: 900 }, settings: null },
  { name: 'standard, 360 px', viewport: { width: 360, height: 740 }, settings: null },
  {
    name: 'large text + high contrast, 1280 px',
    viewport: { width: 1280, height: 900 },
    settings: { textSize: 'xlarge', spacing: 'wide', contrast: 'high' },
  },
  { name: 'kiosk, 1080 px', viewport: { width: 1080, height: 1920 }, settings: 'kiosk' },
] as const;

for (const { name, viewport, settings } of MODES) {
  describe(`axe-core (WCAG 2.1 A/AA + best practices), ${name}`, () => {
    let context: BrowserContext;
    let blocked: string[];
    let page: Page;
    beforeAll(async () => {
      ({ context, blocked } = await offlineContext(site.browser, { viewport }));
      if (settings === 'kiosk') await context.addInitScript(() => sessionStorage.setItem('zw-kiosk', JSON.stringify({ idle: 600 })));
      else if (settings) await context.addInitScript((s) => localStorage.setItem('zw-reading', JSON.stringify(s)), settings);
      page = await context.newPage();
    });
    afterAll(async () => {
      expect(blocked).toEqual([]);
      await context?.close();
    });
    it.each(pages)('%s has no violation', async (path) => {
      await page.goto(site.url + path, { waitUntil: 'load' });
      expect(describeViolations(path, await runAxe(page))).toBe('');
    });
  });
}
