import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveDist } from './site.ts';

/**
 * The built site served on loopback and a real Chromium, for one test file: started before its
 * tests, closed after. Fields are filled in by the hook, so read them inside tests.
 */
export function useSite(): { url: string; browser: Browser } {
  const session = {} as { url: string; browser: Browser; close?: () => Promise<void> };
  beforeAll(async () => {
    const [browser, served] = await Promise.all([launchBrowser(), serveDist()]);
    Object.assign(session, { browser, url: served.url, close: served.close });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.close?.();
  });
  return session;
}
