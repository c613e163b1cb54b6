/**
 * 阅读设置's tools in real Chromium with the network blocked: 语音阅读 against a recording
 * stand-in for the Web Speech API (which texts, in which order, in zh-CN, pause, resume, stop,
 * the highlight, 指读, stopping on navigation, a device with no Chinese voice), 特大鼠标 and
 * 辅助线 as drawn, axe with every tool on, and a 查阅点's idle reset turning them all off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { offlineContext } from './support/browser.ts';
import { useSite } from './support/session.ts';
import { describeViolations, runAxe } from './support/axe.ts';
import {
  allSpeechCalls,
  finishUtterance,
  installSpeechStandIn,
  speakingText,
  speechLog,
  type SpeechCall,
  type StandInOptions,
} from './support/speechStandIn.ts';

const site = useSite();
const CHINESE = { lang: 'zh-CN', name: '婷婷' };
const ENGLISH = { lang: 'en-US', name: 'Samantha' };
const POINT = '/yaodian/2021/18/';
/** What whole-page reading says first on point 18, block by block (the page above its task table). */
const POINT_OPENING = [
  '沈阳市 2021 年政务公开工作要点',
  '18. 创新政策解读形式',
  '主题分类：综合政务/政务公开',
  '发文机关：沈阳市政务公开领导小组',
  '发文字号：沈政公领发〔2021〕1号',
  '成文日期：2021年6月22日',
  '发布日期：2021年6月22日',
  '公开属性：主动公开',
  '所属部分：三、加强解读回应及答复申请,提供一流服务',
  '原文',
];

let open: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(open.map((c) => c.close()));
  open = [];
});

/** A tab whose stored settings are `settings` at its first load, with the speech stand-in installed. */
async function toolTab(
  settings: Record<string, string>,
  speech: StandInOptions = { voices: [ENGLISH, CHINESE] },
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; blocked: string[] }> {
  const { context, blocked } = await offlineContext(site.browser, { viewport });
  open.push(context);
  await context.addInitScript((s) => {
    if (!sessionStorage.getItem('settings-set')) {
      localStorage.setItem('zw-reading', JSON.stringify(s));
      sessionStorage.setItem('settings-set', '1');
    }
  }, settings);
  await installSpeechStandIn(context, speech);
  return { page: await context.newPage(), blocked };
}

const status = (page: Page) => page.locator('[data-speech-status]').textContent();
const spoken = (log: SpeechCall[]) => log.filter((c) => c.call === 'speak');
const starts = async (page: Page) => (await speechLog(page)).filter((c) => c.call === 'start').map((c) => c.text);
const noColon = (text: string | null | undefined) => (text ?? '').replace(/：/g, '');

describe('语音阅读, whole page', () => {
  it('reads nothing by itself, then main block by block in zh-CN with the block highlighted; pause, resume and stop work', async () => {
    const { page, blocked } = await toolTab({ speech: 'page' });
    await page.goto(site.url + POINT);
    const bar = page.getByRole('region', { name: '语音阅读' });
    expect(await bar.isVisible()).toBe(true);
    await expect.poll(() => status(page)).toBe('按“朗读全文”从正文开头朗读。');
    await page.waitForTimeout(500);
    expect(await speechLog(page)).toEqual([]);

    await bar.getByRole('button', { name: '朗读全文' }).click();
    for (const [i, text] of POINT_OPENING.entries()) {
      await expect.poll(() => starts(page)).toHaveLength(i + 1);
      expect((await starts(page))[i]).toBe(text);
      expect(noColon(await speakingText(page))).toBe(noColon(text));
      expect(await finishUtterance(page)).toBe(true);
    }
    await expect.poll(() => starts(page)).toHaveLength(POINT_OPENING.length + 1);
    expect((await starts(page))[POINT_OPENING.length]).toBe(
      '18. 创新政策解读形式。市政府各部门制发的涉及经济社会发展,需要公众广泛知晓的重要文件,均要制作文字解读和图解解读,',
    );
    expect(await speakingText(page)).toMatch(/^18\. 创新政策解读形式。市政府各部门/);
    const said = spoken(await speechLog(page));
    expect(new Set(said.map((c) => `${c.lang} ${c.rate} ${c.voice}`))).toEqual(new Set(['zh-CN 1 婷婷']));
    expect(said.slice(0, POINT_OPENING.length).map((c) => c.text)).toEqual(POINT_OPENING);

    await bar.getByRole('button', { name: '暂停' }).click();
    expect((await speechLog(page)).at(-1)).toEqual({ call: 'pause' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('继续');
    expect(await status(page)).toBe('已暂停，按“继续”接着朗读。');
    await bar.getByRole('button', { name: '继续' }).click();
    expect((await speechLog(page)).at(-1)).toEqual({ call: 'resume' });
    expect(await status(page)).toBe('正在朗读。');

    await bar.getByRole('button', { name: '停止' }).click();
    expect((await speechLog(page)).at(-1)).toEqual({ call: 'cancel' });
    await page.waitForTimeout(300);
    expect((await speechLog(page)).at(-1)).toEqual({ call: 'cancel' });
    expect(await speakingText(page)).toBeNull();
    expect(await status(page)).toBe('已停止。');
    expect(blocked).toEqual([]);
  });

  it('reads at the chosen 语速', async () => {
    const { page } = await toolTab({ speech: 'page', rate: 'slow' });
    await page.goto(site.url + POINT);
    await page.getByRole('button', { name: '朗读全文' }).click();
    await expect.poll(async () => spoken(await speechLog(page)).length).toBeGreaterThan(0);
    expect(spoken(await speechLog(page))[0]).toEqual({ call: 'speak', text: POINT_OPENING[0], lang: 'zh-CN', rate: 0.75, voice: '婷婷' });
  });

  it('stops when the page changes, and the next page reads nothing by itself', async () => {
    const { page } = await toolTab({ speech: 'page' });
    await page.goto(site.url + POINT);
    await page.getByRole('button', { name: '朗读全文' }).click();
    await expect.poll(() => starts(page)).toHaveLength(1);
    await Promise.all([page.waitForURL(`${site.url}/jiedu/2021/18/`), page.locator('main a[href="/jiedu/2021/18/"]').first().click()]);
    expect((await allSpeechCalls(page)).map((c) => c.call)).toEqual(['speak', 'start', 'cancel']);
    await page.waitForTimeout(500);
    expect(await speechLog(page)).toEqual([]);
  });

  it('says so when the device has no Chinese voice, and reads nothing', async () => {
    const { page } = await toolTab({ speech: 'page' }, { voices: [ENGLISH], voicesLaterMs: 100 });
    await page.goto(site.url + POINT);
    const message = '本设备没有中文语音，无法朗读。请在系统设置的“语音”中添加中文（普通话）语音后再试。';
    await expect.poll(() => status(page), { timeout: 5000 }).toBe(message);
    expect(await page.getByRole('status').filter({ hasText: '中文语音' }).count()).toBe(1);
    // Pressed although unavailable (aria-disabled keeps it focusable): it says why again, and reads nothing.
    await page.getByRole('button', { name: '朗读全文' }).click({ force: true });
    await page.waitForTimeout(300);
    expect(spoken(await speechLog(page))).toEqual([]);
    expect(await status(page)).toBe(message);
  });

  it('finds a Chinese voice the browser lists late (voiceschanged)', async () => {
    const { page } = await toolTab({ speech: 'page' }, { voices: [CHINESE], voicesLaterMs: 300 });
    await page.goto(site.url + POINT);
    await expect.poll(() => status(page)).toBe('按“朗读全文”从正文开头朗读。');
    await page.getByRole('button', { name: '朗读全文' }).click();
    await expect.poll(async () => spoken(await speechLog(page)).length).toBeGreaterThan(0);
    expect(spoken(await speechLog(page))[0]!.voice).toBe('婷婷');
  });
});

describe('语音阅读, 指读', () => {
  it('reads the block under the pointer once it rests there, highlighted', async () => {
    const { page } = await toolTab({ speech: 'point' });
    await page.goto(site.url + POINT);
    await expect.poll(() => status(page)).toBe('指读已开启：把鼠标停在段落上，或用 Tab 键移到链接上，即朗读那一段。');
    expect(await page.getByRole('button', { name: '朗读全文' }).isVisible()).toBe(false);
    await page.hover('main h1');
    await expect.poll(() => starts(page)).toEqual(['18. 创新政策解读形式']);
    expect(await speakingText(page)).toBe('18. 创新政策解读形式');
    await page.hover('main h2 >> text=原文');
    await expect.poll(() => starts(page)).toEqual(['18. 创新政策解读形式', '原文']);
    expect((await speechLog(page)).map((c) => c.call)).toEqual(['speak', 'start', 'cancel', 'speak', 'start']);
    expect(await speakingText(page)).toBe('原文');
  });

  it('reads the block around what the keyboard focuses', async () => {
    const { page } = await toolTab({ speech: 'point' });
    await page.goto(site.url + POINT);
    await expect.poll(() => status(page)).toMatch(/^指读已开启/);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.getAttribute('href'))) === '/jiedu/2021/18/') break;
    }
    await expect.poll(async () => (await starts(page)).at(-1)).toBe('文字解读');
    expect(await speakingText(page)).toBe('文字解读');
    expect(spoken(await speechLog(page)).every((c) => c.lang === 'zh-CN')).toBe(true);
  });
});

describe('特大鼠标 and 辅助线', () => {
  it('draws a pointer twice the usual size, a hand over links, from data: SVG', async () => {
    const { page, blocked } = await toolTab({ pointer: 'large' });
    await page.goto(site.url + POINT);
    const cursors = await page.evaluate(() => [
      getComputedStyle(document.body).cursor,
      getComputedStyle(document.querySelector('main a')!).cursor,
    ]);
    expect(cursors[0]).toMatch(/^url\("data:image\/svg\+xml,.*"\) 4 3, auto$/);
    expect(cursors[1]).toMatch(/^url\("data:image\/svg\+xml,.*"\) 18 4, pointer$/);
    expect(cursors[0]).not.toBe(cursors[1]);
    const sizes = await page.evaluate(
      (urls) =>
        Promise.all(
          urls.map(
            (css) =>
              new Promise<number[]>((done) => {
                const img = new Image();
                img.onload = () => done([img.naturalWidth, img.naturalHeight]);
                img.onerror = () => done([0, 0]);
                img.src = /url\("(.*)"\)/.exec(css)![1]!;
              }),
          ),
        ),
      cursors,
    );
    expect(sizes).toEqual([
      [48, 48],
      [48, 48],
    ]);
    expect(blocked).toEqual([]);
  });

  it('draws a reading line under the pointer and under the keyboard focus, and a cross when chosen', async () => {
    const { page } = await toolTab({ guide: 'cross' });
    await page.goto(site.url + POINT);
    await page.mouse.move(400, 300);
    const row = page.locator('.reading-guide__row');
    const column = page.locator('.reading-guide__column');
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.boundingBox()).toEqual({ x: 0, y: 314, width: 1280, height: 4 });
    expect(await column.boundingBox()).toEqual({ x: 400, y: 0, width: 4, height: 900 });
    expect(await page.locator('.reading-guide').getAttribute('aria-hidden')).toBe('true');
    expect(await row.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate(() => document.activeElement!.getBoundingClientRect().bottom)) as number;
    await expect.poll(async () => (await row.boundingBox())?.y).toBe(Math.round(focused + 2));
  });
});

describe('every tool on', () => {
  const ALL = { pointer: 'large', guide: 'cross', speech: 'page' };
  for (const [name, settings] of [
    ['standard', ALL],
    ['high contrast, large text', { ...ALL, textSize: 'xlarge', contrast: 'high' }],
  ] as const)
    it(`passes axe while reading, ${name}`, async () => {
      const { page, blocked } = await toolTab(settings);
      for (const path of [POINT, '/renwu/2021/', '/wuzhangai/', '/search/?q=%E5%9B%BE%E8%A7%A3']) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        await page.mouse.move(300, 300);
        await page.getByRole('button', { name: '朗读全文' }).click();
        await expect.poll(() => speakingText(page)).not.toBeNull();
        expect(describeViolations(`${path} (${name})`, await runAxe(page))).toBe('');
      }
      expect(blocked).toEqual([]);
    });
});

describe('查阅点 kiosk mode', () => {
  it('has 60-px controls, counts reading as use, and its idle reset turns every tool off and stops reading', async () => {
    const { context, blocked } = await offlineContext(site.browser, { viewport: { width: 1080, height: 1920 }, hasTouch: true });
    open.push(context);
    await installSpeechStandIn(context, { voices: [CHINESE] });
    const tab = await context.newPage();
    await tab.clock.install();
    await tab.goto(`${site.url}/?kiosk=1&idle=30`);
    await tab.evaluate(() => localStorage.setItem('zw-reading', JSON.stringify({ pointer: 'large', guide: 'line', speech: 'page' })));
    await tab.goto(site.url + POINT);
    const attributes = () =>
      tab.evaluate(() => ['data-pointer', 'data-guide', 'data-speech'].map((a) => document.documentElement.getAttribute(a)));
    expect(await attributes()).toEqual(['large', 'line', 'page']);
    const small = await tab.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-speech-bar] button:not([hidden])')]
        .filter((b) => b.offsetParent !== null)
        .map((b) => b.getBoundingClientRect())
        .filter((r) => r.width < 60 || r.height < 60),
    );
    expect(small).toEqual([]);
    await tab.getByRole('button', { name: '阅读设置' }).click();
    const labels = await tab
      .locator('#reading-panel fieldset:has(input[name="speech"]) label')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.min(...labels)).toBeGreaterThanOrEqual(60);

    await tab.getByRole('button', { name: '朗读全文' }).click();
    await tab.clock.runFor(100);
    await expect.poll(async () => (await starts(tab)).length).toBe(1);
    await tab.clock.fastForward('00:25');
    await finishUtterance(tab);
    await tab.clock.runFor(100);
    await expect.poll(async () => (await starts(tab)).length).toBe(2);
    await tab.clock.fastForward('00:25');
    expect(tab.url()).toBe(site.url + POINT);
    await tab.clock.fastForward('00:10');
    await tab.waitForURL(`${site.url}/`);
    expect(await attributes()).toEqual([null, null, null]);
    expect(await tab.evaluate(() => localStorage.getItem('zw-reading'))).toBeNull();
    expect((await allSpeechCalls(tab)).map((c) => c.call)).toEqual(['speak', 'start', 'speak', 'start', 'cancel']);
    expect(blocked).toEqual([]);
  });
});
