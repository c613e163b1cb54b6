/**
 * `npm run screenshots`: pictures of built pages, taken in the same offline Chromium as the
 * browser tests, for the README and reviews. Run after `npm run build`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, offlineContext } from '../tests/e2e/support/browser.ts';
import { finishUtterance, installSpeechStandIn } from '../tests/e2e/support/speechStandIn.ts';
import { serveDist } from '../tests/e2e/support/site.ts';
import { readProjectTasks } from './lib/progress/projectTasks.ts';
import { buildTemplate } from './lib/progress/template.ts';
import { templatePreviewHtml } from './lib/templatePreview.ts';

const OUT = resolve(import.meta.dirname, '../docs/generated/screenshots');
const SHOTS: {
  name: string;
  path: string;
  viewport: { width: number; height: number };
  local?: Record<string, string>;
  session?: Record<string, string>;
  /** Scrolled so that this element is at the top of the picture. */
  scrollTo?: string;
  /** What a reader does before the picture (start reading, point somewhere). */
  act?: (page: Page) => Promise<void>;
}[] = [
  { name: 'yaodian-2021-18-desktop', path: '/yaodian/2021/18/', viewport: { width: 1280, height: 1000 } },
  { name: 'yaodian-2021-18-phone', path: '/yaodian/2021/18/', viewport: { width: 390, height: 844 } },
  { name: 'yaodian-2021-18-phone-tasks', path: '/yaodian/2021/18/', viewport: { width: 390, height: 844 }, scrollTo: '#tasks-heading' },
  { name: 'renwu-2021-phone', path: '/renwu/2021/', viewport: { width: 360, height: 740 }, scrollTo: '#ledger' },
  { name: 'jiedu-2021-18-desktop', path: '/jiedu/2021/18/', viewport: { width: 1280, height: 1000 } },
  { name: 'tujie-2021-18-desktop', path: '/tujie/2021/18/', viewport: { width: 1280, height: 1000 } },
  { name: 'renwu-2021-desktop', path: '/renwu/2021/', viewport: { width: 1280, height: 1400 } },
  {
    name: 'yaodian-2021-18-large-high-contrast',
    path: '/yaodian/2021/18/',
    viewport: { width: 1280, height: 1000 },
    local: { 'zw-reading': JSON.stringify({ textSize: 'large', contrast: 'high' }) },
  },
  {
    name: 'yaodian-2021-18-kiosk',
    path: '/yaodian/2021/18/',
    viewport: { width: 1080, height: 1600 },
    session: { 'zw-kiosk': JSON.stringify({ idle: 600 }) },
  },
  {
    name: 'tools-speech-guide-pointer',
    path: '/yaodian/2021/18/',
    viewport: { width: 1280, height: 1000 },
    local: { 'zw-reading': JSON.stringify({ speech: 'page', guide: 'line', pointer: 'large' }) },
    act: async (page) => {
      await readAloud(page, 10);
      await pointAt(page, 'main article > div p', 0.55);
    },
  },
  {
    name: 'tools-kiosk',
    path: '/yaodian/2021/18/',
    viewport: { width: 1080, height: 1600 },
    session: { 'zw-kiosk': JSON.stringify({ idle: 600 }) },
    local: { 'zw-reading': JSON.stringify({ textSize: 'large', speech: 'point', guide: 'cross', pointer: 'large' }) },
    act: async (page) => {
      await page.getByRole('button', { name: '阅读设置' }).click();
      await pointAt(page, 'main h1', 0.3);
      await page.waitForSelector('[data-speaking]');
    },
  },
  {
    name: 'tools-phone',
    path: '/yaodian/2021/18/',
    viewport: { width: 390, height: 844 },
    local: { 'zw-reading': JSON.stringify({ speech: 'page', contrast: 'high' }) },
    act: (page) => readAloud(page, 1),
  },
];

/** Presses 朗读全文 and lets the stand-in voice finish `blocks` pieces, so the highlight shows. */
async function readAloud(page: Page, blocks: number): Promise<void> {
  await page.getByRole('button', { name: '朗读全文' }).click();
  for (let i = 0; i < blocks; i++) {
    await page.waitForFunction(() => document.querySelector('[data-speaking]') !== null);
    await finishUtterance(page);
  }
  await page.waitForFunction(() => document.querySelector('[data-speaking]') !== null);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Moves the mouse to `selector` (at `across` of its width) and draws the pointer there: a
 * screenshot never shows the system pointer, so the page's own cursor image is put in as an <img>.
 */
async function pointAt(page: Page, selector: string, across: number): Promise<void> {
  const box = (await page.locator(selector).first().boundingBox())!;
  const [x, y] = [box.x + box.width * across, box.y + Math.min(box.height / 2, 20)];
  await page.mouse.move(x, y, { steps: 4 });
  await page.waitForTimeout(600);
  await page.evaluate(
    ([px, py]) => {
      const cursor = getComputedStyle(document.elementFromPoint(px!, py!)!).cursor;
      const match = /url\("(.*)"\) (\d+) (\d+)/.exec(cursor);
      if (!match) return;
      const img = document.createElement('img');
      img.src = match[1]!;
      img.alt = '';
      Object.assign(img.style, {
        position: 'fixed',
        left: `${px! - +match[2]!}px`,
        top: `${py! - +match[3]!}px`,
        zIndex: '99',
        pointerEvents: 'none',
      });
      document.body.append(img);
    },
    [x, y],
  );
}

/**
 * The 工作台账 template of one department (npm run progress -- template), drawn as a spreadsheet
 * program shows it, for the editors' guide.
 */
const TEMPLATE_SHOT = 'progress-template';
async function templateShot(): Promise<void> {
  const project = readProjectTasks(resolve(import.meta.dirname, '..'));
  const [id, doc] = [...project.documents][0]!;
  const leadId = 'shi-xin-xi-zhong-xin';
  const tasks = (project.tasks.get(id) ?? []).filter((t) => t.leadIds.includes(leadId));
  const bytes = await buildTemplate({ title: doc.title, year: doc.year, department: project.departments.get(leadId), tasks });
  const { context } = await offlineContext(browser, { viewport: { width: 1500, height: 300 }, deviceScaleFactor: 1 });
  // Served at the built site's origin, so the picture uses the site's complete font (fonts/fallback.css).
  const html = await templatePreviewHtml(bytes, 5);
  await context.route(`${site.url}/__progress-template`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto(`${site.url}/__progress-template`, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${OUT}/${TEMPLATE_SHOT}.png`, fullPage: true });
  await context.close();
  console.log(`docs/generated/screenshots/${TEMPLATE_SHOT}.png`);
}

const only = process.argv.slice(2);
mkdirSync(OUT, { recursive: true });
const [browser, site] = await Promise.all([launchBrowser(), serveDist()]);
try {
  for (const shot of SHOTS.filter((s) => only.length === 0 || only.includes(s.name))) {
    const { context, blocked } = await offlineContext(browser, { viewport: shot.viewport, deviceScaleFactor: 1 });
    // No voice in a headless browser: the tools' pictures read with the tests' recording stand-in.
    if (shot.act) await installSpeechStandIn(context, { voices: [{ lang: 'zh-CN', name: '婷婷' }] });
    await context.addInitScript(
      ({ local, session }) => {
        for (const [k, v] of Object.entries(local)) localStorage.setItem(k, v);
        for (const [k, v] of Object.entries(session)) sessionStorage.setItem(k, v);
      },
      { local: shot.local ?? {}, session: shot.session ?? {} },
    );
    const page = await context.newPage();
    await page.goto(site.url + shot.path, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot.act?.(page);
    await page.screenshot({ path: `${OUT}/${shot.name}.png`, fullPage: false });
    if (blocked.length) throw new Error(`blocked requests: ${blocked.join(', ')}`);
    await context.close();
    console.log(`docs/generated/screenshots/${shot.name}.png`);
  }
  if (only.length === 0 || only.includes(TEMPLATE_SHOT)) await templateShot();
} finally {
  await browser.close();
  await site.close();
}
