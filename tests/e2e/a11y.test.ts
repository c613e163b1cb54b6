import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, offlineContext } from './support/browser.ts';
import { htmlPages, serveDist } from './support/site.ts';
import { describeViolations, runAxe } from './support/axe.ts';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveDist>>;
beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), serveDist()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('axe-core (WCAG 2.1 A/AA + best practices) on every built page', () => {
  it('finds no violation on any page, on a phone and on a desktop', async () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(50);
    const report: string[] = [];
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
      const { context, blocked } = await offlineContext(browser, { viewport });
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        const violations = await runAxe(page);
        if (violations.length) report.push(describeViolations(`${viewport.width}px ${path}`, violations));
      }
      await context.close();
      expect(blocked).toEqual([]);
    }
    expect(report.join('\n')).toBe('');
  });
});
