/**
 * The readers on the committed format fixtures (tests/fixtures/documents/html-*, docx-*): the same
 * document read from a saved portal page and from a Word file gives the same text and the same
 * table grid, and what README.md says each fixture exercises is there in the blocks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../../scripts/lib/import/formats/readSource.ts';
import type { SourceBlock, SourceDocument } from '../../../../scripts/lib/import/formats/types.ts';

const DIR = 'tests/fixtures/documents';
const read = (file: string) => readSource(`${DIR}/${file}`, readFileSync(`${DIR}/${file}`));
const texts = (doc: SourceDocument) => doc.blocks.map((b) => (b.kind === 'table' ? '[table]' : b.text));
const grid = (b: SourceBlock | undefined) => (b?.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => c.text)) : []);
const table = (doc: SourceDocument) => doc.blocks.find((b) => b.kind === 'table');
const spans = (doc: SourceDocument) => {
  const t = table(doc);
  return t?.kind === 'table' ? t.rows.flatMap((r) => r.cells).filter((c) => c.spanOf).length : 0;
};

describe('layout A: points + task table (澄川市 2022)', async () => {
  const html = await read('html-a-points-table-chengchuan-2022.html');
  const docx = await read('docx-a-points-table-chengchuan-2022.docx');

  it('reads the same blocks from the page and from the Word file', () => {
    expect(texts(html)).toEqual(texts(docx));
    expect(grid(table(html))).toEqual(grid(table(docx)));
    expect(spans(html)).toBe(spans(docx));
  });

  it('finds the article in the portal page: no chrome, the title not repeated, the index table left out', () => {
    const all = texts(html).join('\n');
    for (const chrome of ['首页', '当前位置', '分享到', '网站标识码', '相关链接', '上一篇', '索 引 号', '请勿抓取'])
      expect(all).not.toContain(chrome);
    expect(texts(html).filter((t) => t === html.meta.title)).toHaveLength(1);
    expect(html.meta).toEqual({
      title: '澄川市人民政府办公室关于印发澄川市2022年政务公开工作要点的通知',
      publishedAt: '2022-04-20',
      contentSource: '澄川市人民政府办公室',
      column: '市政府办文件',
      charset: 'utf-8',
      // The index table left out of the article is read as the portal's info box.
      infoBox: {
        category: '综合政务\\政务公开',
        indexNo: '11210000MB0000000X/2022-00123',
        issuer: '澄川市人民政府办公室',
        publishedAt: '2022-04-20',
        title: '澄川市人民政府办公室关于印发澄川市2022年政务公开工作要点的通知',
      },
    });
  });

  it('has the table README.md describes: 5 columns, 3 section rows, a repeated header, merged item and department cells', () => {
    const rows = grid(table(docx));
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    expect(rows.filter((r) => r[0] === '事项名称')).toHaveLength(2);
    expect(rows.filter((r) => new Set(r).size === 1 && /^[一二三]、/u.test(r[0]!))).toHaveLength(3);
    expect(rows[6]).toEqual(['2. 深化财政信息公开', '持续做好地方政府债务信息公开。', '市财政局', '各区、县（市）政府', '12月底前']);
    expect(rows[5]![3]).toBe('各区、县（市）政府\n市政府各部门');
  });

  it('marks bold point titles and section lines', () => {
    const points = docx.blocks.filter((b) => b.kind === 'paragraph' && /^\d\. /u.test(b.text));
    expect(points.map((p) => (p.kind === 'paragraph' ? p.boldLead : ''))).toEqual([
      '1. 加强规划信息公开。',
      '2. 深化财政信息公开。',
      '3. 做好助企纾困政策公开。',
      '4. 推进行政执法信息公开。',
      '5. 加强重大决策公开。',
      '6. 加强政府信息管理。',
      '7. 提升政府网站和政务新媒体建设水平。',
    ]);
    expect(html.blocks.filter((b) => b.kind === 'paragraph' && b.bold && /^[一二三]、/u.test(b.text))).toHaveLength(3);
  });
});

describe('layout B: inline clauses (柳溪市 2023)', async () => {
  const html = await read('html-b-inline-clauses-liuxi-2023.html');
  const docx = await read('docx-b-inline-clauses-liuxi-2023.docx');

  it('decodes the GBK page and takes the title printed above the article', () => {
    expect(html.meta.charset).toBe('gb2312');
    expect(html.blocks[0]).toMatchObject({
      kind: 'heading',
      level: 1,
      text: '柳溪市人民政府办公室关于印发柳溪市2023年政务公开工作要点的通知',
    });
    const lines = readFileSync(`${DIR}/html-b-inline-clauses-liuxi-2023.html`, 'latin1').split('\r\n');
    expect(lines[html.blocks[0]!.line - 1]).toContain('<h1');
  });

  it('reads the same text as the Word file, whose red head and title stand inside the body', () => {
    expect(texts(html).slice(2)).toEqual(texts(docx).slice(3));
    expect(texts(docx)[2]).toBe(texts(html)[0]);
  });

  it('reads bold leads given by font-weight styles, clauses kept verbatim in both bracket widths', () => {
    const leads = html.blocks.filter((b) => b.kind === 'paragraph' && b.boldLead && !b.bold);
    expect(leads).toHaveLength(8);
    expect(texts(html).filter((t) => /（(牵头|责任)单位：/u.test(t))).toHaveLength(8);
    expect(texts(html).filter((t) => t.includes('(牵头单位:市人力资源社会保障局;配合单位:'))).toHaveLength(1);
  });
});

describe('layout C: 责任单位 paragraphs', async () => {
  const html = await read('html-c-duty-paragraphs-nanping-2022.html');
  const docx = await read('docx-c-duty-paragraphs-nanping-2023.docx');

  it('finds an article whose container no rule knows, by its text', () => {
    expect(texts(html)[0]).toBe('南屏省2022年政务公开工作要点');
    expect(html.blocks[0]).toMatchObject({ kind: 'heading', level: 0 });
    expect(texts(html).filter((t) => t.startsWith('责任单位：'))).toHaveLength(8);
    expect(texts(html).at(-1)).toBe('各地各部门要加强组织领导，确保各项任务落到实处。');
    expect(html.meta.publishedAt).toBe('2022-03-15');
  });

  it('reads Word heading styles and the Title style', () => {
    expect(docx.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => b.kind !== 'table' && b.text)).toEqual([
      '一、持续深化重点领域信息公开',
      '二、持续提升政策解读回应质效',
      '三、持续加强公开平台建设',
    ]);
    expect(docx.blocks.find((b) => b.kind === 'heading' && b.text === '南屏省2023年政务公开工作要点')).toMatchObject({ level: 0 });
    expect(texts(docx).filter((t) => t.startsWith('责任单位：'))).toHaveLength(9);
  });

  it('gives the same blocks when 一、, （一） and 1. come from Word’s automatic numbering', async () => {
    const numbered = await read('docx-c-duty-paragraphs-nanping-2023-autonumbered.docx');
    expect(numbered.blocks).toEqual(docx.blocks);
    expect(
      numbered.blocks
        .filter((b) => b.kind === 'paragraph' && /^(（[一二]）|\d\. )/u.test(b.text))
        .map((b) => b.kind === 'paragraph' && b.boldLead),
    ).toEqual([
      '（一）围绕稳增长加强公开',
      '1. 加强规划信息公开。',
      '2. 做好减税降费信息公开。',
      '（二）围绕惠民生加强公开',
      '3. 推进社会救助信息公开。',
      '4. 做好生态环境信息公开。',
      '（一）提高解读质量',
      '5. 规范解读程序。',
      '6. 丰富解读形式。',
      '（二）加强回应关切',
      '7. 健全舆情回应机制。',
      '8. 加强政府网站集约化。',
      '9. 规范政务新媒体。',
    ]);
  });
});

describe('layout D: table only', async () => {
  const html = await read('html-d-table-only-qinghe-2019.html');
  const docx = await read('docx-d-table-only-shiling-2018.docx');

  it('takes the data table out of a page laid out in tables', () => {
    expect(html.blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
    const rows = grid(table(html));
    expect(rows).toHaveLength(19);
    expect(rows[0]).toEqual(['序号', '工 作 任 务', '具 体 要 求', '责任单位', '完成时间']);
    expect(rows[14]).toEqual(['4', '4.深化预决算公开', '推进乡镇财政预决算公开。', '各乡镇人民政府', '2019年10月底前']);
    expect(texts(html).join('\n')).not.toMatch(/相关链接|网站标识码/u);
    expect(texts(html)[3]).toBe('各乡镇人民政府，县直各部门：');
  });

  it('keeps the section merged down the first column of the Word table, printed again after the page break', () => {
    const rows = grid(table(docx));
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r[0])).toEqual([
      '类别',
      '一、推进政务公开助力经济发展',
      '一、推进政务公开助力经济发展',
      '一、推进政务公开助力经济发展',
      '类别',
      '一、推进政务公开助力经济发展',
      '一、推进政务公开助力经济发展',
      '二、加强政策解读回应关切',
      '二、加强政策解读回应关切',
      '二、加强政策解读回应关切',
    ]);
    const t = table(docx);
    if (t?.kind !== 'table') throw new Error('no table');
    expect(t.rows[5]!.cells[0]!.spanOf).toBeUndefined();
    expect(t.rows[6]!.cells[0]!.spanOf).toEqual({ row: 5, col: 0 });
  });
});
