/**
 * `npm run screenshots`: pictures of built pages, taken in the same offline Chromium as the
 * browser tests, for the README and reviews. Run after `npm run build`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser, offlineContext } from '../tests/e2e/support/browser.ts';
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
];

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
