import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { offlineContext } from './support/browser.ts';
import { useSite } from './support/session.ts';
import { DIST, distPath, htmlPages } from './support/site.ts';
import { attr, hrefsOf, readPage, select, selectAll, textOf } from './support/html.ts';

const points = Array.from({ length: 28 }, (_, i) => String(i + 1).padStart(2, '0'));

describe('文字解读 and 图解 pages (built output)', () => {
  it('has a 解读 page and a 图解 page for the document and each of its 28 points', () => {
    for (const kind of ['jiedu', 'tujie']) {
      const pages = htmlPages().filter((p) => p.startsWith(`/${kind}/2021/`));
      expect(pages.sort()).toEqual(['/' + kind + '/2021/', ...points.map((nn) => `/${kind}/2021/${nn}/`)].sort());
    }
  });

  it('labels every 解读 as explanatory and links it to its 原文 and 图解', () => {
    for (const nn of points) {
      const page = readPage(distPath('jiedu', '2021', nn, 'index.html'));
      expect(textOf(page)).toContain('不是发文机关发布的官方解读');
      expect(hrefsOf(page)).toContain(`/yaodian/2021/${nn}/`);
      expect(hrefsOf(page)).toContain(`/tujie/2021/${nn}/`);
    }
  });

  it('renders the task table inside each point 解读 from the data', () => {
    const table = select('main table.task-table', readPage(distPath('jiedu', '2021', '18', 'index.html')));
    expect(textOf(table)).toContain('市政府办公室');
  });

  it('writes no image files for 图解: their PNG is drawn in the reader’s browser, by a button hidden without JavaScript', () => {
    expect(existsSync(distPath('tujie', 'images'))).toBe(false);
    for (const nn of [...points, '']) {
      const page = readPage(distPath('tujie', '2021', nn, 'index.html'));
      const download = select('p.tujie-download.no-print[data-needs-js][hidden] > button[type="button"]', page);
      expect(attr(download, 'data-tujie-download'), nn).toBe('tujie-figure');
      expect(attr(download, 'data-filename'), nn).toBe(nn ? `2021-${nn}.png` : '2021.png');
      expect(textOf(download), nn).toBe('下载图片（PNG，1080 像素宽）');
      select('div.tujie-figure#tujie-figure[data-pagefind-ignore] > svg', page);
    }
  });

  it('gives every 图解 an accessible SVG and its full text alternative on the page', () => {
    for (const nn of [...points, '']) {
      const page = readPage(join(DIST, 'tujie', '2021', nn, 'index.html'));
      const svg = select('svg[aria-labelledby="tujie-title tujie-desc"]', page);
      expect(attr(svg, 'role'), nn).toBe('img');
      expect(textOf(select('title#tujie-title', svg)), nn).toMatch(/^图解：/);
      expect(select('desc#tujie-desc', svg), nn).toBeDefined();
      expect(textOf(page), nn).toContain('图解文字版');
    }
  });

  it('gives every image in the site alt text and real dimensions', () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      for (const img of selectAll('img', readPage(distPath(page, page.endsWith('/') ? 'index.html' : '')))) {
        const [alt, width, height] = ['alt', 'width', 'height'].map((name) => attr(img, name));
        if (!alt || !/^\d+$/.test(width ?? '') || !/^\d+$/.test(height ?? '')) problems.push(`${page}: <img src="${attr(img, 'src')}">`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows on the home page and the document page which points have a 解读 and a 图解', () => {
    for (const file of [distPath('index.html'), distPath('yaodian', '2021', 'index.html')]) {
      const links = hrefsOf(readPage(file));
      for (const nn of points) {
        expect(links, `${file} ${nn}`).toContain(`/jiedu/2021/${nn}/`);
        expect(links, `${file} ${nn}`).toContain(`/tujie/2021/${nn}/`);
      }
    }
    expect(existsSync(distPath('jiedu', 'index.html'))).toBe(true);
  });
});

describe('pairing by links, in the browser', () => {
  const site = useSite();

  it('goes from point 18’s 原文 to its 文字解读, on to its 图解, and back to the 原文', async () => {
    const { context, blocked } = await offlineContext(site.browser);
    const page = await context.newPage();
    await page.goto(`${site.url}/yaodian/2021/18/`);
    const pairing = () => page.getByRole('navigation', { name: '原文、文字解读和图解' });
    await pairing().getByRole('link', { name: '文字解读' }).click();
    await page.waitForURL(`${site.url}/jiedu/2021/18/`);
    expect(await page.locator('h1').textContent()).toContain('创新政策解读形式');
    await pairing().getByRole('link', { name: '图解' }).click();
    await page.waitForURL(`${site.url}/tujie/2021/18/`);
    expect(await page.getByRole('img', { name: '图解：创新政策解读形式' }).count()).toBe(1);
    await pairing().getByRole('link', { name: '原文' }).click();
    await page.waitForURL(`${site.url}/yaodian/2021/18/`);
    expect(blocked).toEqual([]);
    await context.close();
  });
});

describe('the 图解 PNG, drawn in the browser', () => {
  const site = useSite();

  /** Greyscale pixels of a PNG. */
  const grey = async (png: Buffer) => (await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })).data;

  it('downloads point 18’s 图解 offline as a PNG 1080 px wide, its Chinese text drawn in the site font', async () => {
    const { context, blocked } = await offlineContext(site.browser, { acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/tujie/2021/18/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载图片（PNG，1080 像素宽）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2021-18.png');
    const png = readFileSync((await download.path())!);
    const meta = await sharp(png).metadata();
    const viewBox = attr(select('#tujie-figure > svg', readPage(distPath('tujie', '2021', '18', 'index.html'))), 'viewBox');
    const svgHeight = Number(/^0 0 1080 (\d+)$/.exec(viewBox ?? '')?.[1]);
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1080, svgHeight]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '图片已生成。' }).count()).toBe(1);

    // The same SVG drawn the same way without the embedded faces: Chromium here has no Chinese
    // font, so that is what a reader would get if the embedding failed (boxes or nothing).
    const bare = await page.evaluate(async () => {
      const svg = document.querySelector<SVGSVGElement>('#tujie-figure svg')!;
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = svg.viewBox.baseVal.width;
      canvas.height = svg.viewBox.baseVal.height;
      canvas.getContext('2d')!.drawImage(image, 0, 0);
      return canvas.toDataURL('image/png').split(',')[1]!;
    });
    const [ours, without] = await Promise.all([grey(png), grey(Buffer.from(bare, 'base64'))]);
    expect(without.length).toBe(ours.length);
    let differing = 0;
    for (let i = 0; i < ours.length; i++) if (Math.abs(ours[i]! - without[i]!) > 64) differing++;
    expect(differing / ours.length).toBeGreaterThan(0.01);
    expect(blocked).toEqual([]);
    await context.close();
  });
});
