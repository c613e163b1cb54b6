/** Front matter as real documents print it: portal metadata lines, notes after the 落款, no notice. */
import { describe, expect, it } from 'vitest';
import { findEndSignature, parseFront } from '../../../scripts/lib/import/parseFront.ts';
import { splitIssuers } from '../../../scripts/lib/import/front/issuers.ts';
import { documentYear } from '../../../scripts/lib/import/front/year.ts';
import { readHtml, withoutSiteName } from '../../../scripts/lib/import/formats/readHtml.ts';
import type { SourceBlock, SourceDocument } from '../../../scripts/lib/import/formats/types.ts';

const para = (text: string, line: number): SourceBlock => ({
  kind: 'paragraph',
  text: text.replace(/\n/g, ''),
  lines: text.split('\n'),
  boldLead: '',
  bold: false,
  line,
  endLine: line,
});
const heading = (text: string, line: number): SourceBlock => ({ kind: 'heading', level: 1, text, bold: false, line });
const page = (blocks: SourceBlock[], meta: SourceDocument['meta'] = {}, format: SourceDocument['format'] = 'html'): SourceDocument => ({
  format,
  unit: 'line',
  pageBreaks: false,
  emptyCellIsMerge: false,
  meta,
  blocks,
});

describe('parseFront', () => {
  it('reads a portal metadata line beside its page tools, and says what it inferred', () => {
    const front = parseFront(
      page(
        [
          heading('福建省2022年政务公开工作要点', 5),
          para('发布时间：2022-03-15  来源：省政府办公厅  【字体：大 中 小】', 6),
          para('为做好2022年政务公开工作，制定本要点。', 7),
        ],
        { publishedAt: '2022-03-20' },
      ),
      3,
      'x.html',
    );
    expect(front).toMatchObject({
      title: '福建省2022年政务公开工作要点',
      issuer: '省政府办公厅',
      publishedAt: '2022-03-15',
      publishedAtFrom: 'text',
      year: 2022,
      disclosure: '主动公开',
      intro: ['为做好2022年政务公开工作，制定本要点。'],
    });
    expect(front.notice).toBeUndefined();
    expect(front.signedAt).toBeUndefined();
    expect(front.inferences.map((i) => i.kind)).toEqual(['issuer', 'date', 'disclosure', 'docNumber']);
  });

  it('takes the date from the page <meta> when the text has none', () => {
    const front = parseFront(
      page([heading('某县2020年政务公开工作要点', 3), para('为做好工作，制定本要点。', 4)], {
        publishedAt: '2020-04-01',
        contentSource: '某县人民政府办公室',
      }),
      2,
      'x.html',
    );
    expect(front).toMatchObject({ publishedAt: '2020-04-01', publishedAtFrom: 'meta', issuer: '某县人民政府办公室', year: 2020 });
  });

  it('keeps lines after the 落款 (联系人) with the signature, and the 要点 title after them', () => {
    const front = parseFront(
      page([
        heading('某市人民政府办公室关于印发某市2024年政务公开工作要点的通知', 1),
        para('各区人民政府：', 2),
        para('现将要点印发给你们。', 3),
        para('某市人民政府办公室\n2024年2月1日', 4),
        para('（联系人：张某，电话：12345）', 5),
        para('（此件公开发布）', 6),
        heading('某市2024年政务公开工作要点', 7),
        para('2024年，全市政务公开工作要坚持以人民为中心。', 8),
      ]),
      8,
      'x.html',
    );
    expect(front.notice).toEqual({
      header: '',
      title: '某市人民政府办公室关于印发某市2024年政务公开工作要点的通知',
      addressees: '各区人民政府：',
      body: ['现将要点印发给你们。'],
      signature: ['某市人民政府办公室', '2024年2月1日', '（联系人：张某，电话：12345）'],
    });
    expect(front).toMatchObject({
      title: '某市2024年政务公开工作要点',
      issuer: '某市人民政府办公室',
      signedAt: '2024-02-01',
      disclosure: '主动公开',
      disclosureNote: '（此件公开发布）',
      intro: ['2024年，全市政务公开工作要坚持以人民为中心。'],
    });
    expect(front.inferences.map((i) => i.kind)).toEqual(['docNumber']);
  });

  it('names the fix when a document has no date at all', () => {
    expect(() => parseFront(page([heading('某市政务公开工作要点', 1)]), 1, 'x.html')).toThrow(
      /neither a signature date nor a publication date/,
    );
  });
});

/** A Word-made notice: no portal heading, every title printed over several paragraphs. */
const wordNotice = (docNumber: SourceBlock[], signature: SourceBlock[]): SourceBlock[] => [
  ...docNumber,
  para('某市人民政府办公室关于', 10),
  para('印发某市2023年政务公开工作要点的通知', 11),
  para('各区人民政府，市政府各部门：', 12),
  para('现将《某市2023年政务公开工作要点》印发给你们，请认真贯彻落实。', 13),
  ...signature,
  para('某市2023年政务公开', 20),
  para('工作要点', 21),
  para('2023年，全市政务公开工作要坚持以人民为中心。', 22),
];
const signedOnce = [para('某市人民政府办公室', 14), para('2023年3月1日', 15)];

describe('front matter: 文号, titles over several lines, joint issuers', () => {
  it('joins a notice title and a 要点 title printed over several paragraphs', () => {
    const blocks = wordNotice([para('某政办〔2023〕5号', 1)], signedOnce);
    const front = parseFront(page(blocks, {}, 'docx'), blocks.length, 'x.docx');
    expect(front.notice?.title).toBe('某市人民政府办公室关于印发某市2023年政务公开工作要点的通知');
    expect(front).toMatchObject({
      title: '某市2023年政务公开工作要点',
      docNumber: '某政办〔2023〕5号',
      signedAt: '2023-03-01',
      issuers: ['某市人民政府办公室'],
    });
    expect(front.intro).toEqual(['2023年，全市政务公开工作要坚持以人民为中心。']);
  });

  it.each([
    ['闽政办 [2021] 5 号', '闽政办[2021]5号'],
    ['闽政办［2021］5号', '闽政办［2021］5号'],
    ['闽政办（2021）5号', '闽政办（2021）5号'],
    ['闽政办〔2021〕第5号', '闽政办〔2021〕第5号'],
    ['闽政办〔2021〕5号          签发人：张三', '闽政办〔2021〕5号'],
  ])('reads the 文号 %s', (printed, docNumber) => {
    const blocks = wordNotice([para(printed, 1)], signedOnce);
    expect(parseFront(page(blocks, {}, 'docx'), blocks.length, 'x.docx').docNumber).toBe(docNumber);
  });

  it('joins a 文号 split around an embedded text box and keeps the box in the header', () => {
    const blocks = wordNotice([para('岚综委〔2020〕', 1), heading('中共某某工作委员会', 2), para('52号', 3)], signedOnce);
    const front = parseFront(page(blocks, {}, 'docx'), blocks.length, 'x.docx');
    expect(front.docNumber).toBe('岚综委〔2020〕52号');
    expect(front.notice?.header).toBe('中共某某工作委员会');
  });

  it('reads a 文号 printed under the notice title', () => {
    const blocks = wordNotice([], signedOnce);
    blocks.splice(2, 0, para('某政办发〔2023〕12号', 11));
    expect(parseFront(page(blocks, {}, 'docx'), blocks.length, 'x.docx').docNumber).toBe('某政办发〔2023〕12号');
  });

  it('never takes a 文号 cited in body text', () => {
    const blocks = wordNotice([], signedOnce);
    blocks.splice(3, 1, para('根据《国务院办公厅关于印发2023年政务公开工作要点的通知》（国办发〔2023〕9号），现将要点印发给你们。', 13));
    const front = parseFront(page(blocks, {}, 'docx'), blocks.length, 'x.docx');
    expect(front.docNumber).toBeUndefined();
    expect(front.inferences.map((i) => i.kind)).toContain('docNumber');
  });

  it('reads joint issuers on one line (spaces) or on one line each above the date', () => {
    const oneLine = wordNotice([], [para('中共某县委员会    某县人民政府', 14), para('二〇二一年三月五日', 15)]);
    expect(parseFront(page(oneLine, {}, 'docx'), oneLine.length, 'x.docx')).toMatchObject({
      issuers: ['中共某县委员会', '某县人民政府'],
      issuer: '中共某县委员会、某县人民政府',
      signedAt: '2021-03-05',
    });
    const lines = wordNotice([], [para('中共某县委员会', 14), para('某县人民政府', 15), para('2021年3月5日', 16)]);
    const front = parseFront(page(lines, {}, 'docx'), lines.length, 'x.docx');
    expect(front.issuers).toEqual(['中共某县委员会', '某县人民政府']);
    expect(front.notice?.signature).toEqual(['中共某县委员会', '某县人民政府', '2021年3月5日']);
    expect(front.notice?.body).toEqual(['现将《某市2023年政务公开工作要点》印发给你们，请认真贯彻落实。']);
  });

  it('keeps a justified single issuer whole', () => {
    expect(splitIssuers('福 建 省 人 民 政 府')).toEqual(['福建省人民政府']);
    expect(splitIssuers('某县人民政府 办公室')).toEqual(['某县人民政府办公室']);
    expect(splitIssuers('国务院　教育部')).toEqual(['国务院', '教育部']);
  });

  it('reads joint issuers of a 落款 at the end of a document', () => {
    const blocks = [para('一、总体要求', 1), para('中共某县委员会', 9), para('某县人民政府', 10), para('2021年3月5日', 11)];
    expect(findEndSignature(blocks, 0)).toMatchObject({
      start: 1,
      end: 4,
      issuer: '中共某县委员会、某县人民政府',
      issuers: ['中共某县委员会', '某县人民政府'],
    });
  });

  it('takes the issuers from the 版头 when the notice has no 落款, leaving other header lines out', () => {
    const blocks = [
      para('中共某县委员会文件', 1),
      para('签发人：张三', 2),
      heading('中共某县委员会关于印发某县2021年政务公开工作要点的通知', 3),
      para('各乡镇：', 4),
      heading('某县2021年政务公开工作要点', 5),
    ];
    const front = parseFront(page(blocks, { publishedAt: '2021-03-05' }), blocks.length, 'x.html');
    expect(front.issuers).toEqual(['中共某县委员会']);
    expect(front.inferences.find((i) => i.kind === 'issuer')?.text).toBe('文件未写落款，发文机关取自版头：中共某县委员会');
  });

  it('reads the 落款 date of a repost without a 通知 title, and says so', () => {
    const blocks = [
      heading('某县2016年政务公开工作实施方案', 1),
      para('某县人民政府办公室', 2),
      para('二〇一六年七月九日', 3),
      para('为做好2016年政务公开工作，制定本方案。', 4),
    ];
    const front = parseFront(page(blocks, {}, 'docx'), blocks.length, 'x.docx');
    expect(front).toMatchObject({
      title: '某县2016年政务公开工作实施方案',
      issuer: '某县人民政府办公室',
      signedAt: '2016-07-09',
      year: 2016,
    });
    expect(front.notice).toBeUndefined();
    expect(front.inferences.find((i) => i.kind === 'date')?.text).toBe(
      '没有找到通知标题，发文机关和成文日期取自落款：某县人民政府办公室 二〇一六年七月九日',
    );
    // The 落款 lines stay in the document (before the intro), nothing is lost.
    expect(front.intro).toEqual(['某县人民政府办公室', '二〇一六年七月九日', '为做好2016年政务公开工作，制定本方案。']);
  });

  it('drops the portal heading that repeats the title the article prints over two lines', () => {
    const blocks = [
      heading('某市2023年政务公开工作要点', 1),
      para('某市2023年政务公开', 5),
      para('工作要点', 6),
      para('为做好工作，制定本要点。', 7),
    ];
    const front = parseFront(page(blocks, { publishedAt: '2023-03-01', contentSource: '某市人民政府办公室' }), blocks.length, 'x.html');
    expect(front.title).toBe('某市2023年政务公开工作要点');
    expect(front.intro).toEqual(['为做好工作，制定本要点。']);
  });

  it('takes the title from the page when the article prints none', () => {
    const blocks = [para('为做好2023年政务公开工作，结合我市实际，制定本要点。', 5)];
    const front = parseFront(
      page(blocks, { title: '某市2023年政务公开工作要点', publishedAt: '2023-03-01', contentSource: '某市人民政府办公室' }),
      1,
      'x.html',
    );
    expect(front.title).toBe('某市2023年政务公开工作要点');
    expect(front.inferences.find((i) => i.kind === 'title')?.text).toBe('要点标题取自网页标题：某市2023年政务公开工作要点');
  });

  it("takes a year range for the plan's span, not the document's year", () => {
    expect(documentYear('某区社会信用体系建设规划（2015-2020年）任务分工实施方案', '岚综管办〔2015〕165号', '2015-08-31')).toBe(2015);
    expect(documentYear('某省“十四五”规划（2021—2025年）实施方案', undefined, '2021-06-01')).toBe(2021);
    expect(documentYear('某市2022年政务公开工作要点', '某政办〔2021〕9号', '2021-12-30')).toBe(2022);
  });
});

describe('front matter: 公开属性', () => {
  /** A text transcription signed at its end; its front ends at `一、`. */
  const textDoc = (marker?: string) =>
    page(
      [
        heading('某市2023年政务公开工作要点', 1),
        para('为做好工作，制定本要点。', 2),
        para('一、总体要求', 3),
        para('某市人民政府办公室', 9),
        para('2023年3月1日', 10),
        ...(marker ? [para(marker, 11)] : []),
      ],
      {},
      'text',
    );
  const front = (marker: string | undefined, options: Parameters<typeof parseFront>[4] = {}) => {
    const doc = textDoc(marker);
    return parseFront(doc, 2, 'x.md', findEndSignature(doc.blocks, 2) ?? undefined, options);
  };

  it('refuses a text file without a marker and names --disclosure in the fix', () => {
    expect(() => front(undefined)).toThrow(/no default 公开属性/);
    try {
      front(undefined);
    } catch (e) {
      expect((e as { fix: string }).fix).toContain('--disclosure 主动公开|依申请公开|不予公开');
    }
  });

  it("takes the editor's --disclosure for a file without a marker, and records it", () => {
    const stated = front(undefined, { statedDisclosure: '依申请公开' });
    expect(stated).toMatchObject({ disclosure: '依申请公开', disclosureFrom: 'editor', disclosureNote: '', signedAt: '2023-03-01' });
    expect(stated.inferences.find((i) => i.kind === 'disclosure')?.text).toBe(
      '文件没有公开属性标注，公开属性由编辑声明（--disclosure 依申请公开）',
    );
  });

  it('refuses an editor statement that contradicts the printed marker', () => {
    expect(front('（此件公开发布）', { statedDisclosure: '主动公开' }).disclosureFrom).toBe('document');
    expect(() => front('（此件公开发布）', { statedDisclosure: '不予公开' })).toThrow(/contradicts --disclosure 不予公开/);
  });

  it("keeps a portal page's stated 公开方式", () => {
    const blocks = [heading('某市2023年政务公开工作要点', 1), para('为做好工作，制定本要点。', 2)];
    const meta = {
      publishedAt: '2023-03-01',
      contentSource: '某市人民政府办公室',
      infoBox: { disclosure: '依申请公开', indexNo: 'X-2023-1' },
    };
    const front = parseFront(page(blocks, meta), 2, 'x.html');
    expect(front).toMatchObject({ disclosure: '依申请公开', disclosureFrom: 'portal', indexNo: 'X-2023-1' });
    expect(() => parseFront(page(blocks, meta), 2, 'x.html', undefined, { statedDisclosure: '主动公开' })).toThrow(/info box/);
  });
});

describe('page metadata', () => {
  const html = (body: string, head = '') =>
    readHtml(new TextEncoder().encode(`<html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`), 'x.html');

  it('reads an info box written as table cells, as list items and as dt/dd', () => {
    const cells = html(
      '<table><tr><td>索 引 号：</td><td>X-2021-5</td><td>发文机关：</td><td>某市人民政府办公室</td></tr><tr><td>成文日期：</td><td>2021年06月22日</td><td>公开方式：</td><td>主动公开</td></tr></table><div class="content"><p>正文。</p></div>',
    );
    expect(cells.meta.infoBox).toEqual({
      indexNo: 'X-2021-5',
      issuer: '某市人民政府办公室',
      signedAt: '2021-06-22',
      disclosure: '主动公开',
    });
    const items = html(
      '<ul><li>发文字号：<span>某政办〔2021〕5号</span></li><li>主题分类：<span>无</span></li><li>发布日期：2021-06-23</li></ul>',
    );
    expect(items.meta.infoBox).toEqual({ docNumber: '某政办〔2021〕5号', publishedAt: '2021-06-23' });
    const dl = html('<dl><dt>标　　题：</dt><dd>某市关于印发要点的通知</dd><dt>文号：</dt><dd>某政〔2021〕1号</dd></dl>');
    expect(dl.meta.infoBox).toEqual({ title: '某市关于印发要点的通知', docNumber: '某政〔2021〕1号' });
  });

  it('strips the column and site names from <title>', () => {
    expect(withoutSiteName('某市关于印发要点的通知_其他文件_某市人民政府')).toBe('某市关于印发要点的通知');
    expect(withoutSiteName('某市关于印发要点的通知 - 某市人民政府门户网站')).toBe('某市关于印发要点的通知');
    expect(withoutSiteName('某市关于印发（2021-2025年）规划的通知|某市政府')).toBe('某市关于印发（2021-2025年）规划的通知');
    expect(html('<p>正文。</p>', '<title>某市2023年政务公开工作要点_通知公告_某市人民政府</title>').meta.title).toBe(
      '某市2023年政务公开工作要点',
    );
  });
});
