/**
 * Word's automatic numbering computed as Word prints it: number formats, level patterns, counters
 * that restart under a higher level, start overrides, style-linked numbering, and the rewrite of
 * document.xml that puts each label in front of its paragraph's text.
 */
import { describe, expect, it } from 'vitest';
import { ListCounter, readNumbering, restoreNumbering } from '../../../../scripts/lib/import/formats/docxNumbering.ts';
import { formatNumber } from '../../../../scripts/lib/import/formats/numberFormat.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const lvl = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

/** A 公文 outline: 一、 / （一） / 1. / （1）. */
const OUTLINE = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum>`;

const numbering = (abstracts: string, nums: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>${abstracts}${nums}</w:numbering>`;

function labels(
  defsXml: string,
  paragraphs: { numId?: string; level?: number; styleId?: string }[],
  stylesXml?: string,
): (string | undefined)[] {
  const counter = new ListCounter(readNumbering(defsXml, stylesXml));
  return paragraphs.map((p) => counter.next(p)?.text);
}

describe('formatNumber', () => {
  it('prints Chinese counting as 公文 number their parts', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1010].map((n) => formatNumber(n, 'chineseCounting'))).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零一',
      '一百一十',
      '一千零一十',
    ]);
    expect(formatNumber(12, 'chineseCountingThousand')).toBe('十二');
    expect(formatNumber(10, 'ideographDigital')).toBe('一〇');
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
  });

  it('prints enclosed, letter and roman formats', () => {
    expect([1, 3, 20, 21].map((n) => formatNumber(n, 'decimalEnclosedCircle'))).toEqual(['①', '③', '⑳', '21']);
    expect(formatNumber(2, 'decimalEnclosedParen')).toBe('⑵');
    expect([1, 26, 27].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa']);
    expect(formatNumber(3, 'upperLetter')).toBe('C');
    expect([4, 9, 14, 1994].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['IV', 'IX', 'XIV', 'MCMXCIV']);
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
  });

  it('knows no unknown format', () => {
    expect(formatNumber(1, 'hebrew1')).toBeUndefined();
    expect(formatNumber(11, 'ideographTraditional')).toBeUndefined();
  });
});

describe('ListCounter', () => {
  const defs = numbering(OUTLINE, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>');

  it('counts each level and restarts the lower levels when a higher one advances', () => {
    const at = (level: number) => ({ numId: '1', level });
    expect(labels(defs, [at(0), at(1), at(2), at(2), at(3), at(2), at(1), at(2), at(0), at(1), at(2)])).toEqual([
      '一、',
      '（一）',
      '1.',
      '2.',
      '（1）',
      '3.',
      '（二）',
      '1.',
      '二、',
      '（一）',
      '1.',
    ]);
  });

  it('keeps a level counting across a higher level when w:lvlRestart says so', () => {
    const straight = numbering(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>`,
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    );
    const at = (level: number) => ({ numId: '1', level });
    expect(labels(straight, [at(0), at(1), at(1), at(0), at(1)])).toEqual(['一、', '1.', '2.', '二、', '3.']);
  });

  it('continues a list across instances of one definition, restarts one with a start override', () => {
    const nums =
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
    const p = (numId: string, level: number) => ({ numId, level });
    expect(labels(numbering(OUTLINE, nums), [p('1', 2), p('1', 2), p('2', 2), p('3', 2), p('3', 2), p('0', 2)])).toEqual([
      '1.',
      '2.',
      '3.',
      '1.',
      '2.',
      undefined,
    ]);
  });

  it('prints multi-level patterns, legal numbering, the suffix and no label for bullets', () => {
    const defsXml = numbering(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '第%1章')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/>')}${lvl(2, 'bullet', '●')}</w:abstractNum>`,
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    );
    const at = (level: number) => ({ numId: '1', level });
    expect(labels(defsXml, [at(0), at(1), at(1), at(2)])).toEqual(['第一章 ', '1.1 ', '1.2 ', '']);
  });

  it('finds numbering in the paragraph style, through w:basedOn and the level linked to the style', () => {
    const defsXml = numbering(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="Heading1"/>')}${lvl(1, 'decimal', '%2.', '<w:pStyle w:val="Point"/>')}</w:abstractNum>`,
      '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>',
    );
    const styles =
      `<w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>` +
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Point"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="PointBold"><w:basedOn w:val="Point"/></w:style></w:styles>';
    expect(
      labels(
        defsXml,
        [
          { styleId: 'Heading1' },
          { styleId: 'Point' },
          { styleId: 'PointBold' },
          {},
          { styleId: 'Point', numId: '0' },
          { styleId: 'Heading1' },
        ],
        styles,
      ),
    ).toEqual(['一、', '1.', '2.', undefined, undefined, '二、']);
  });

  it('reads a format Word writes as a custom format with a fallback', () => {
    const defsXml = numbering(
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>',
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    );
    expect(labels(defsXml, [{ numId: '1', level: 0 }])).toEqual(['1.']);
  });

  it('reports a format it cannot print', () => {
    const defsXml = numbering(
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'hebrew1', '%1.')}</w:abstractNum>`,
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    );
    expect(new ListCounter(readNumbering(defsXml, undefined)).next({ numId: '1', level: 0 })).toEqual({
      text: '.',
      unknownFormat: 'hebrew1',
    });
  });
});

describe('restoreNumbering', () => {
  const defs = readNumbering(numbering(OUTLINE, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'), undefined);
  const para = (numPr: string, text: string, rPr = '') =>
    `<w:p><w:pPr><w:jc w:val="both"/>${numPr}</w:pPr><w:r>${rPr}<w:t>${text}</w:t></w:r></w:p>`;
  const numPr = (level: number) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr>`;

  it('writes each label as the first run, with the first run’s look, and switches the list off', () => {
    const xml = `<w:document ${W}><w:body>${para(numPr(0), '加强政策解读')}${para('', '正文。')}${para(numPr(2), '推进决策公开。', '<w:rPr><w:b/></w:rPr>')}</w:body></w:document>`;
    const { xml: out, unknown } = restoreNumbering(xml, defs);
    expect(unknown).toEqual([]);
    expect(out).toBe(
      `<w:document ${W}><w:body>` +
        '<w:p><w:pPr><w:jc w:val="both"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">一、</w:t></w:r><w:r><w:t>加强政策解读</w:t></w:r></w:p>' +
        '<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t>正文。</w:t></w:r></w:p>' +
        '<w:p><w:pPr><w:jc w:val="both"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">1.</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>推进决策公开。</w:t></w:r></w:p>' +
        '</w:body></w:document>',
    );
  });

  it('numbers table-cell paragraphs and ignores the numbering of a tracked change', () => {
    const cell = (text: string) => `<w:tc><w:p><w:pPr>${numPr(2)}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const changed = `<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr>${numPr(0)}</w:pPr></w:pPrChange></w:pPr><w:r><w:t>不再编号</w:t></w:r></w:p>`;
    const xml = `<w:body><w:tbl><w:tr>${cell('甲')}${cell('乙')}</w:tr></w:tbl>${changed}</w:body>`;
    const text = restoreNumbering(xml, defs).xml.replace(/<[^>]+>/gu, '');
    expect(text).toBe('1.甲2.乙不再编号');
  });

  it('reports the paragraph of a numbering format it cannot print and leaves it as it was', () => {
    const hebrew = readNumbering(
      numbering(
        `<w:abstractNum w:abstractNumId="0">${lvl(0, 'hebrew1', '%1.')}</w:abstractNum>`,
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      ),
      undefined,
    );
    const xml = `<w:body><w:p/>${para(numPr(0), '甲')}</w:body>`;
    expect(restoreNumbering(xml, hebrew)).toEqual({ xml, unknown: [{ paragraph: 2, format: 'hebrew1' }] });
  });
});
