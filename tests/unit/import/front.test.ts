/** Front matter as real documents print it: portal metadata lines, notes after the 落款, no notice. */
import { describe, expect, it } from 'vitest';
import { parseFront } from '../../../scripts/lib/import/parseFront.ts';
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
const page = (blocks: SourceBlock[], meta: SourceDocument['meta'] = {}): SourceDocument => ({
  format: 'html',
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
