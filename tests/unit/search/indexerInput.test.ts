import { describe, expect, it } from 'vitest';
import { indexerInput } from '../../../src/lib/search/indexerInput.ts';

const page = (head: string, before: string, main: string, after: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}</head><body>${before}${main}${after}</body></html>`;
const MAIN = '<main id="main" data-pagefind-body=""><h1>通知</h1><main-like>x</main-like><p>正文</p></main>';

describe('indexerInput', () => {
  it('keeps the indexed region whole and, around it, only the tags Pagefind reads', () => {
    const html = page(
      '<script>var a = "<img src=x>";</script><style>p{}</style><title>通知 - 沈阳市政务公开</title><meta name="description" content="a <b> c">',
      '<header><p class="site-name"><a href="/">沈阳市政务公开</a></p><nav><a href="/yaodian/">工作要点</a></nav></header><!-- <img src=y> -->',
      MAIN,
      '<footer><p>主办单位</p><img src="/qr/a.svg" alt="二维码"></footer>',
    );
    expect(indexerInput(html)).toBe(
      `<html lang="zh-CN"><head><title>通知 - 沈阳市政务公开</title></head><body>${MAIN}<img src="/qr/a.svg" alt="二维码"></body></html>`,
    );
  });

  it('finds the end of a region that holds elements of its own name', () => {
    const region = '<div data-pagefind-body><div>甲</div><div class="x>y">乙</div></div>';
    expect(indexerInput(page('<title>t</title>', '<div>页头</div>', region, '<div>页脚</div>'))).toBe(
      `<html lang="zh-CN"><head><title>t</title></head><body>${region}</body></html>`,
    );
  });

  it('gives the page whole when Pagefind would read more of it than the region', () => {
    for (const html of [
      page('<meta data-pagefind-meta="author[content]" content="市政府办公室">', '', MAIN, ''),
      page('', '<h1>沈阳市政务公开</h1>', MAIN, ''),
      page('', '', MAIN, '<div data-pagefind-body>第二个</div>'),
      page('', '', '<main><p>没有索引区域</p></main>', ''),
      page('', '', '<main data-pagefind-body><p>没有结束标签</p>', ''),
    ])
      expect(indexerInput(html)).toBe(html);
  });
});
