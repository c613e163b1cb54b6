import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaffold } from '../../../scripts/lib/editor/scaffold.ts';
import { ALWAYS_EXCLUDED, nonPublicPaths, robotsTxt, sitemapFilter } from '../../../src/lib/data/sitemap.ts';

const root = mkdtempSync(join(tmpdir(), 'sitemap-'));
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
// The seed's document and scaffolded 解读 and 图解: every file passes its schema, as in a build.
const seed = (path: string) => readFileSync(join(import.meta.dirname, '../../../src/content', path), 'utf8');
const documentWith = (disclosure: string) => seed('documents/2021.yaml').replace('disclosure: 主动公开', `disclosure: ${disclosure}`);
write('src/content/documents/2021.yaml', documentWith('主动公开'));
write('src/content/documents/2022.yaml', documentWith('依申请公开'));
// Another document of 2021: its pages live under its own id, and hiding it must not hide 2021's.
write('src/content/documents/2021-sheng.yaml', documentWith('依申请公开'));
const entry = (kind: 'jiedu' | 'tujie', target: string, disclosure = '主动公开') => {
  const { path, text } = scaffold({ kind, target, policyTitle: '测试', policyPublishedAt: '2021-04-09', today: '2021-04-09' });
  write(path, text.replace('disclosure: 主动公开\n', disclosure ? `disclosure: ${disclosure}\n` : ''));
};
entry('jiedu', '2021/01');
entry('jiedu', '2021/02', '不予公开');
entry('jiedu', '2021', '');
entry('tujie', '2021/03', '依申请公开');
// 主动公开 itself, but it explains a point of a document that is not.
entry('tujie', '2022/01');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sitemap filter', () => {
  const exclusions = nonPublicPaths(root);
  const keep = sitemapFilter(ALWAYS_EXCLUDED, exclusions);
  const at = (path: string) => keep(`https://zwgk.example.gov.cn${path}`);

  it('finds the pages of every document, 解读 and 图解 that is not 主动公开 (a missing 公开属性 included), by the exports’ gate', () => {
    expect(exclusions.prefixes.sort()).toEqual(
      ['2021-sheng', '2022'].flatMap((id) => [`/yaodian/${id}/`, `/renwu/${id}/`, `/jiedu/${id}/`, `/tujie/${id}/`, `/data/${id}/`]).sort(),
    );
    expect(exclusions.paths.sort()).toEqual(['/jiedu/2021/', '/jiedu/2021/02/', '/tujie/2021/03/', '/tujie/2022/01/']);
  });

  it('keeps public HTML pages', () => {
    for (const path of ['/', '/yaodian/2021/', '/yaodian/2021/01/', '/jiedu/2021/01/', '/data/', '/bumen/shi-cai-zheng-ju/'])
      expect(at(path), path).toBe(true);
  });

  it('drops the 404 page, search, files and non-public pages', () => {
    for (const path of [
      '/404/',
      '/404.html',
      '/search/',
      '/rss.xml',
      '/data/2021/tasks.csv',
      '/yaodian/2022/',
      '/yaodian/2022/01/',
      '/yaodian/2021-sheng/',
      '/renwu/2021-sheng/',
      '/jiedu/2021/02/',
      '/jiedu/2021/',
      '/tujie/2021/03/',
    ])
      expect(at(path), path).toBe(false);
  });
});

describe('robots.txt', () => {
  it('allows crawling and points at the sitemap index on the configured site', () => {
    expect(robotsTxt('https://zwgk.example.gov.cn')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://zwgk.example.gov.cn/sitemap-index.xml\n',
    );
  });
});
