import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('writes a 1080-px PNG for every generated 图解', async () => {
    const { default: sharp } = await import('sharp');
    const images = readdirSync(distPath('tujie', 'images')).sort();
    expect(images).toEqual([...points.map((nn) => `2021-${nn}.png`), '2021.png'].sort());
    for (const name of images) {
      const meta = await sharp(readFileSync(distPath('tujie', 'images', name))).metadata();
      expect(meta.format, name).toBe('png');
      expect(meta.width, name).toBe(1080);
      expect(meta.height, name).toBeGreaterThan(800);
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
