import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALWAYS_EXCLUDED, nonPublicPaths, robotsTxt, sitemapFilter } from '../../../src/lib/data/sitemap.ts';

const root = mkdtempSync(join(tmpdir(), 'sitemap-'));
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
write('src/content/documents/2021.yaml', 'year: 2021\ndisclosure: 主动公开\n');
write('src/content/documents/2022.yaml', 'year: 2022\ndisclosure: 依申请公开\n');
// Another document of 2021: its pages live under its own id, and hiding it must not hide 2021's.
write('src/content/documents/2021-sheng.yaml', 'year: 2021\ndisclosure: 依申请公开\n');
write('src/content/jiedu/2021/01.mdx', '---\ntitle: 一\ndisclosure: 主动公开\n---\n正文\n');
write('src/content/jiedu/2021/02.mdx', '---\ntitle: 二\ndisclosure: 不予公开\n---\n正文\n');
write('src/content/jiedu/2021/quanwen.mdx', '---\ntitle: 全文\n---\n没有公开属性\n');
write('src/content/tujie/2021/03.yaml', 'title: 三\ndisclosure: 依申请公开\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sitemap filter', () => {
  const exclusions = nonPublicPaths(root);
  const keep = sitemapFilter(ALWAYS_EXCLUDED, exclusions);
  const at = (path: string) => keep(`https://zwgk.example.gov.cn${path}`);

  it('finds the pages of every document, 解读 and 图解 that is not 主动公开 (a missing 公开属性 included)', () => {
    expect(exclusions.prefixes.sort()).toEqual(
      ['2021-sheng', '2022'].flatMap((id) => [`/yaodian/${id}/`, `/renwu/${id}/`, `/jiedu/${id}/`, `/tujie/${id}/`, `/data/${id}/`]).sort(),
    );
    expect(exclusions.paths.sort()).toEqual(['/jiedu/2021/', '/jiedu/2021/02/', '/tujie/2021/03/']);
  });

  it('keeps public HTML pages', () => {
    for (const path of ['/', '/yaodian/2021/', '/yaodian/2021/01/', '/jiedu/2021/01/', '/data/', '/bumen/shi-cai-zheng-ju/']) expect(at(path), path).toBe(true);
  });

  it('drops the 404 page, search, files and non-public pages', () => {
    for (const path of ['/404/', '/404.html', '/search/', '/rss.xml', '/data/2021/tasks.csv', '/yaodian/2022/', '/yaodian/2022/01/', '/yaodian/2021-sheng/', '/renwu/2021-sheng/', '/jiedu/2021/02/', '/jiedu/2021/', '/tujie/2021/03/'])
      expect(at(path), path).toBe(false);
  });
});

describe('robots.txt', () => {
  it('allows crawling and points at the sitemap index on the configured site', () => {
    expect(robotsTxt('https://zwgk.example.gov.cn')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://zwgk.example.gov.cn/sitemap-index.xml\n');
  });
});
