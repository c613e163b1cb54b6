import { describe, expect, it } from 'vitest';
import { blockAt, blockText, readingBlocks, type SpeechNode } from '../../../src/lib/speech/blocks.ts';
import { byId, parse } from './dom.ts';

/** Point 18's page as built, shortened: what 语音阅读 reads of it and in which order. */
const POINT = `
<div hidden data-pagefind-meta><span>2021</span></div>
<article>
  <p><a href="/yaodian/2021/">沈阳市 2021 年政务公开工作要点</a></p>
  <h1 id="title">18. 创新政策解读形式</h1>
  <dl><div id="field"><dt>发文字号</dt><dd>沈政公领发〔2021〕1号</dd></div><div><dt>成文日期</dt><dd><time>2021年6月22日</time></dd></div></dl>
  <nav aria-label="原文、文字解读和图解"><ul><li><span>原文</span></li><li id="nav-item"><a id="nav-link" href="/jiedu/2021/18/">文字解读</a></li></ul></nav>
  <h2>原文</h2>
  <div><p id="text"><span>18. </span><strong id="strong">创新政策解读形式。</strong>市政府各部门制发的重要文件，均要制作文字解读。</p></div>
</article>
<section>
  <form><label>部门<select><option>全部</option></select></label><button>筛选</button></form>
  <table><caption>任务分解（共 1 项）</caption>
    <tbody><tr id="row"><th>1</th><td id="cell">制作图解解读。</td><td><ul><li>区县（市）政府</li><li>市政府各部门</li></ul></td><td><span><span aria-hidden="true">●</span>未报送 · 无进展数据</span></td></tr></tbody>
  </table>
  <figure><svg><text>图中文字</text></svg><figcaption>图解：解读形式</figcaption></figure>
  <p>上文<br>下文</p>
  <p id="empty"> </p>
</section>`;

const texts = (nodes: SpeechNode[]) => nodes.map((n) => blockText(n));

describe('readingBlocks (whole-page reading)', () => {
  it('reads a page block by block in document order, without hidden parts, forms, pictures or navigation', () => {
    expect(texts(readingBlocks(parse(POINT)))).toEqual([
      '沈阳市 2021 年政务公开工作要点',
      '18. 创新政策解读形式',
      '发文字号：沈政公领发〔2021〕1号',
      '成文日期：2021年6月22日',
      '原文',
      '18. 创新政策解读形式。市政府各部门制发的重要文件，均要制作文字解读。',
      '任务分解（共 1 项）',
      '1，制作图解解读。，区县（市）政府，市政府各部门，未报送，无进展数据',
      '图解：解读形式',
      '上文，下文',
    ]);
  });

  it('leaves out what the browser does not render', () => {
    const root = parse('<p id="a">看得见</p><p id="b">看不见</p>');
    expect(texts(readingBlocks(root, { isShown: (n) => n !== byId(root, 'b') }))).toEqual(['看得见']);
  });

  it('leaves out what is marked data-speech-skip (the 语音阅读 bar) and aria-hidden', () => {
    expect(texts(readingBlocks(parse('<div data-speech-skip><p>暂停</p></div><p aria-hidden="true">●</p><p>正文</p>')))).toEqual(['正文']);
  });

  it('reads an image by its alt text and a nested list item by item', () => {
    expect(texts(readingBlocks(parse('<p><img alt="二维码">扫码查看</p><ul><li>甲<ul><li>乙</li></ul></li></ul>')))).toEqual([
      '二维码扫码查看',
      '乙',
    ]);
  });
});

describe('blockAt (指读)', () => {
  const root = parse(POINT);
  const at = (id: string) => {
    const block = blockAt(byId(root, id), root, { includeNav: true });
    return block && blockText(block, { includeNav: true });
  };

  it('reads the paragraph around an inline element', () => {
    expect(at('strong')).toBe('18. 创新政策解读形式。市政府各部门制发的重要文件，均要制作文字解读。');
  });
  it('reads the whole row around a cell, and a <dl> field as 术语：内容', () => {
    expect(at('cell')).toBe('1，制作图解解读。，区县（市）政府，市政府各部门，未报送，无进展数据');
    expect(at('field')).toBe('发文字号：沈政公领发〔2021〕1号');
  });
  it('reads a navigation link it points at', () => {
    expect(at('nav-link')).toBe('文字解读');
  });
  it('reads nothing between blocks, outside the root or inside what is never read', () => {
    const other = parse('<p id="x">别处</p>');
    expect(blockAt(byId(root, 'title'), root)).toBe(byId(root, 'title'));
    expect(blockAt(root, root)).toBeNull();
    expect(blockAt(byId(other, 'x'), root)).toBeNull();
    expect(at('empty')).toBeNull();
    const skipped = parse('<div data-speech-skip><p id="in">暂停</p></div>');
    expect(blockAt(byId(skipped, 'in'), skipped)).toBeNull();
  });
  it('does not read navigation in whole-page mode', () => {
    expect(blockAt(byId(root, 'nav-link'), root)).toBeNull();
  });
});
