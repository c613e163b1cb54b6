/**
 * The HTML reader on pages shaped like those saved from government portals: charset, the article
 * among the chrome, the title above it, bold runs, table grids, `<meta>` fields.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../../scripts/lib/import/formats/readHtml.ts';
import type { SourceBlock } from '../../../../scripts/lib/import/formats/types.ts';

const utf8 = (html: string) => new TextEncoder().encode(html);

/** A portal page around `article`: navigation, breadcrumbs, search, share buttons, sidebar, footer. */
function page(article: string, head = '<meta charset="utf-8">', aboveArticle = ''): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head>${head}
<title>某某市人民政府</title></head>
<body>
<div class="header"><div class="top-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hdjl/">互动交流</a><a href="/bsfw/">办事服务</a></div>
<form class="search-box"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a></div>
<div class="main">
${aboveArticle}
${article}
<div class="share">分享到：<a>微信</a><a>微博</a><a>打印本页</a></div>
</div>
<div class="sidebar"><h3>相关链接</h3><ul><li><a href="/a">关于进一步加强政务公开标准化规范化工作的通知</a></li><li><a href="/b">某某市政府信息公开指南和目录</a></li><li><a href="/c">政府信息公开年度报告</a></li></ul></div>
<div class="footer"><p>主办：某某市人民政府办公室　网站标识码：9999000001</p><p>某ICP备00000000号</p></div>
</body></html>`;
}

const texts = (blocks: SourceBlock[]) => blocks.map((b) => (b.kind === 'table' ? '[table]' : b.text));

describe('charset', () => {
  it('decodes a GBK page declared as gb2312', () => {
    const html = page(
      '<div id="zoom"><p>一、加强政策解读。推进政务公开标准化规范化。</p><p>二、深化重点领域信息公开。</p></div>',
      '<meta charset="gb2312">',
    );
    const bytes = iconv.encode(html, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const doc = readHtml(bytes, 'gbk.html');
    expect(doc.meta.charset).toBe('gb2312');
    expect(texts(doc.blocks)).toEqual(['一、加强政策解读。推进政务公开标准化规范化。', '二、深化重点领域信息公开。']);
  });

  it('reads the http-equiv form and falls back to GB18030 without a declaration', () => {
    const body = '<div id="zoom"><p>政务公开工作要点</p><p>（一）推进决策公开。</p></div>';
    const declared = readHtml(
      iconv.encode(page(body, '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'), 'gbk'),
      'a.html',
    );
    expect(declared.meta.charset).toBe('gbk');
    expect(texts(declared.blocks)).toContain('（一）推进决策公开。');
    const undeclared = readHtml(iconv.encode(page(body, ''), 'gbk'), 'b.html');
    expect(undeclared.meta.charset).toBe('gb18030');
    expect(texts(undeclared.blocks)).toContain('（一）推进决策公开。');
  });

  it('keeps UTF-8 when a re-saved page still declares gb2312', () => {
    const doc = readHtml(utf8(page('<div id="zoom"><p>（一）推进决策公开。</p></div>', '<meta charset="gb2312">')), 'c.html');
    expect(doc.meta.charset).toBe('utf-8');
    expect(texts(doc.blocks)).toEqual(['（一）推进决策公开。']);
  });
});

describe('article', () => {
  it('drops navigation, breadcrumbs, search, share buttons, sidebar and footer, and adds the title above the container', () => {
    const html = page(
      `<div id="zoom">
<p>　　各区、县（市）人民政府，市政府各部门：</p>
<p>　　现将《某某市2022年政务公开工作要点》印发给你们，请认真贯彻执行。</p>
</div>`,
      '<meta charset="utf-8"><meta name="ArticleTitle" content="某某市人民政府办公室关于印发某某市2022年政务公开工作要点的通知">',
      '<h1 class="article-title">某某市人民政府办公室关于印发某某市2022年政务公开工作要点的通知</h1><div class="info">发布时间：2022-04-06　来源：市政府办公室</div>',
    );
    const doc = readHtml(utf8(html), 'a.html');
    expect(texts(doc.blocks)).toEqual([
      '某某市人民政府办公室关于印发某某市2022年政务公开工作要点的通知',
      '各区、县（市）人民政府，市政府各部门：',
      '现将《某某市2022年政务公开工作要点》印发给你们，请认真贯彻执行。',
    ]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    const lines = html.split('\n');
    expect(lines[doc.blocks[0]!.line - 1]).toContain('<h1');
    expect(lines[doc.blocks[1]!.line - 1]).toContain('各区、县（市）人民政府');
  });

  it('does not repeat a title the container already prints', () => {
    const html = page(
      '<div class="TRS_Editor"><p style="text-align:center"><b>某某市2022年政务公开工作要点</b></p><p>一、加强政策解读。</p><p>二、深化重点领域信息公开。</p></div>',
      '<meta charset="utf-8"><meta name="ArticleTitle" content="某某市2022年政务公开工作要点">',
      '<h1>某某市2022年政务公开工作要点</h1>',
    );
    const doc = readHtml(utf8(html), 'a.html');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 0, text: '某某市2022年政务公开工作要点' });
    expect(texts(doc.blocks).filter((t) => t === '某某市2022年政务公开工作要点')).toHaveLength(1);
  });

  it('finds an article without a known container by its text and link density', () => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, i) => `<p>（${'一二三四五六'[i]}）推进第${i + 1}项重点领域信息公开，及时发布政策文件和解读材料，回应社会关切。</p>`,
    ).join('\n');
    const html = page(
      `<table width="100%"><tr><td class="left"><a href="/x">栏目导航一</a><br><a href="/y">栏目导航二</a></td><td class="right">${paragraphs}</td></tr></table>`,
    );
    const doc = readHtml(utf8(html), 'a.html');
    expect(doc.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(texts(doc.blocks)).toHaveLength(6);
    expect(texts(doc.blocks)[0]).toMatch(/^（一）推进第1项/u);
  });
});

describe('paragraphs', () => {
  it('collapses whitespace, removes line breaks between Chinese characters, keeps <br> lines', () => {
    const doc = readHtml(utf8(page('<div id="zoom"><p>&nbsp;&nbsp;　　一、加强\n   政策解读  and  more<br/>第二行　</p></div>')), 'a.html');
    const p = doc.blocks[0];
    expect(p).toMatchObject({ kind: 'paragraph', lines: ['一、加强政策解读 and more', '第二行'], text: '一、加强政策解读 and more第二行' });
  });

  it('reads bold from <strong>, <b> and inline font-weight', () => {
    const doc = readHtml(
      utf8(
        page(`<div id="zoom"><p>正文开头。</p>
<p>　　<strong>1.推进决策公开。</strong>各级行政机关要……</p>
<p><span style="font-weight: bold">2.加强解读。</span>做好……</p>
<p><span style="font-weight:700">二、深化公开</span></p>
<p><b>3.</b> <b>回应关切。</b>及时回应。</p>
<p style="font-weight:bold">全部加粗<span style="font-weight:normal">但这里不是</span></p></div>`),
      ),
      'a.html',
    );
    const ps = doc.blocks.filter((b) => b.kind === 'paragraph');
    expect(ps.map((p) => [p.boldLead, p.bold])).toEqual([
      ['', false],
      ['1.推进决策公开。', false],
      ['2.加强解读。', false],
      ['二、深化公开', true],
      ['3. 回应关切。', false],
      ['全部加粗', false],
    ]);
  });

  it('reads centred or bold paragraphs at the top as level-0 titles, a 文号 line left as a paragraph', () => {
    const doc = readHtml(
      utf8(
        page(`<div id="zoom"><p align="center">某政办发〔2022〕8号</p>
<p style="text-align: center">某某市人民政府办公室关于印发</p><p style="text-align: center">某某市2022年政务公开工作要点的通知</p>
<p>各区人民政府：</p><p align="center">居中但不在开头</p></div>`),
      ),
      'a.html',
    );
    expect(doc.blocks.map((b) => (b.kind === 'heading' ? `h${b.level}` : b.kind))).toEqual([
      'paragraph',
      'h0',
      'h0',
      'paragraph',
      'paragraph',
    ]);
  });
});

describe('tables', () => {
  const html = page(`<div id="zoom"><p>附件</p>
<table border="1">
<tr><th>事项名称</th><th>主要任务</th><th>牵头部门</th><th>完成时限</th></tr>
<tr><td colspan="4"><strong>一、加强政策解读</strong></td></tr>
<tr><td rowspan="3"><p>1.推进解读</p><p>（续）</p></td><td>任务甲</td><td rowspan="2">市政府办公室</td><td>6月底前</td></tr>
<tr><td>任务乙</td><td>长期坚持</td></tr>
<tr><td>任务丙</td><td>市财政局</td></tr>
</table></div>`);
  const doc = readHtml(utf8(html), 't.html');
  const table = doc.blocks.find((b) => b.kind === 'table');

  it('resolves rowspan and colspan into a full grid whose covered positions repeat the text', () => {
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['事项名称', '主要任务', '牵头部门', '完成时限'],
      ['一、加强政策解读', '一、加强政策解读', '一、加强政策解读', '一、加强政策解读'],
      ['1.推进解读\n（续）', '任务甲', '市政府办公室', '6月底前'],
      ['1.推进解读\n（续）', '任务乙', '市政府办公室', '长期坚持'],
      ['1.推进解读\n（续）', '任务丙', '市财政局', ''],
    ]);
    expect(table.rows[3]!.cells[0]!.spanOf).toEqual({ row: 2, col: 0 });
    expect(table.rows[3]!.cells[2]!.spanOf).toEqual({ row: 2, col: 2 });
    expect(table.rows[1]!.cells[3]!.spanOf).toEqual({ row: 1, col: 0 });
    expect(table.rows[2]!.cells[0]!.spanOf).toBeUndefined();
    expect(table.rows[0]!.cells.every((c) => c.bold)).toBe(true);
    expect(table.rows[1]!.cells[0]!.bold).toBe(true);
    expect(table.rows[2]!.cells[1]!.bold).toBe(false);
    expect(html.split('\n')[table.rows[4]!.line - 1]).toContain('任务丙');
  });

  it('ends spans over a row whose own cells fill the table (Word: rowspan=2 with no continuation row)', () => {
    const overlapping = readHtml(
      utf8(
        page(`<div id="zoom"><table border="1">
<tr><td>存在问题</td><td>整改措施</td><td>责任单位</td></tr>
<tr><td rowspan="2">甲问题</td><td rowspan="2">措施一。</td><td rowspan="2">区财政局</td></tr>
<tr><td rowspan="2">乙问题</td><td>措施二。</td><td>区教育局</td></tr>
<tr><td>措施三。</td><td>区民政局</td></tr>
</table></div>`),
      ),
      'o.html',
    );
    const grid = overlapping.blocks.find((b) => b.kind === 'table');
    expect(grid?.kind === 'table' && grid.rows.map((r) => r.cells.map((c) => (c.spanOf ? `^${c.text}` : c.text)))).toEqual([
      ['存在问题', '整改措施', '责任单位'],
      ['甲问题', '措施一。', '区财政局'],
      ['乙问题', '措施二。', '区教育局'],
      ['^乙问题', '措施三。', '区民政局'],
    ]);
  });

  it('walks layout tables as page structure, not data', () => {
    const wrapped = readHtml(
      utf8(page(`<table><tr><td><div id="zoom"><p>正文一。</p><table><tr><td>甲</td><td>乙</td></tr></table></div></td></tr></table>`)),
      'w.html',
    );
    expect(wrapped.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table']);
  });
});

describe('meta', () => {
  it('reads ArticleTitle, PubDate, ContentSource and ColumnName', () => {
    const head = `<meta charset="utf-8"><meta name="ArticleTitle" content="某某市2022年政务公开工作要点">
<meta name="PubDate" content="2022-04-06 10:12"><meta name="ContentSource" content="某某市人民政府办公室"><meta name="ColumnName" content="政策文件">`;
    expect(readHtml(utf8(page('<div id="zoom"><p>正文。</p></div>', head)), 'm.html').meta).toEqual({
      title: '某某市2022年政务公开工作要点',
      publishedAt: '2022-04-06',
      contentSource: '某某市人民政府办公室',
      column: '政策文件',
      charset: 'utf-8',
    });
  });

  it('falls back to og:title, then <title>; reads other date names and forms', () => {
    const og = readHtml(
      utf8(page('<p>正文。</p>', '<meta property="og:title" content="标题甲"><meta name="publishdate" content="2022年4月6日">')),
      'a.html',
    );
    expect(og.meta).toMatchObject({ title: '标题甲', publishedAt: '2022-04-06' });
    const plain = readHtml(
      utf8(page('<p>正文。</p>', '<meta property="article:published_time" content="2021/12/31T08:00:00+08:00">')),
      'b.html',
    );
    expect(plain.meta).toMatchObject({ title: '某某市人民政府', publishedAt: '2021-12-31' });
    const bad = readHtml(utf8(page('<p>正文。</p>', '<meta name="PubDate" content="2021-02-30">')), 'c.html');
    expect(bad.meta.publishedAt).toBeUndefined();
  });

  it('says lines and no page breaks', () => {
    const doc = readHtml(utf8(page('<p>正文。</p>')), 'a.html');
    expect([doc.format, doc.unit, doc.pageBreaks]).toEqual(['html', 'line', false]);
  });
});
