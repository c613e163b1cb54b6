import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, offlineContext } from './support/browser.ts';
import { htmlPages, serveDist } from './support/site.ts';
import { describeViolations, runAxe } from './support/axe.ts';

const pages = htmlPages();

let browser: Browser;
let site: Awaited<ReturnType<typeof serveDist>>;
beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), serveDist()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('checks every built page', () => {
  expect(pages.length).toBeGreaterThan(100);
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  describe(`axe-core (WCAG 2.1 A/AA + best practices) at ${viewport.width} px`, () => {
    let context: BrowserContext;
    let blocked: string[];
    let page: Page;
    beforeAll(async () => {
      ({ context, blocked } = await offlineContext(browser, { viewport }));
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
