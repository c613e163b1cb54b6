/**
 * A tiny content set as the importer writes it for a document whose groups and rows carry no
 * printed number (a 存在问题 table: merged cells group unnumbered rows), parsed with the content
 * schemas, then named by everything pages print: nothing shows a number the document did not print.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { documentSchema } from '../../../src/schemas/document.ts';
import { pointSchema } from '../../../src/schemas/point.ts';
import { pointHeading, pointListLabel, pointPlace, sectionName } from '../../../src/lib/content/labels.ts';
import { outline } from '../../../src/lib/content/outline.ts';
import { sectionFilterOptions, sectionFilterValue } from '../../../src/lib/search/sectionFilter.ts';
import { countsBySection } from '../../../src/lib/ledger/summaries.ts';
import { documentSummary } from '../../../src/lib/tujie/tujieContent.ts';

const document = documentSchema.parse({
  year: 2022,
  title: '某区2022年政务公开工作存在问题整改清单',
  issuer: '某区政务公开办',
  publishedAt: '2022-04-01',
  format: 'html',
  layout: 'table-only',
  disclosure: '主动公开',
  disclosureNote: '',
  source: 'corpus/wenti.html',
  intro: [],
  sections: [
    { no: 1, title: '政策解读不到位', heading: '政策解读不到位' },
    { no: 2, title: '政务公开平台建设滞后', heading: '政务公开平台建设滞后' },
  ],
  closing: [],
});
const pointsSchema = z.array(pointSchema(z.string()));
const source = (line: number) => ({ file: 'corpus/wenti.html', startLine: line, endLine: line });
const points = pointsSchema
  .parse([
    {
      document: 'wenti',
      section: 1,
      no: 1,
      unlabelled: true,
      title: '解读与文件不同步',
      titleBold: false,
      body: ['正文。'],
      source: source(10),
    },
    {
      document: 'wenti',
      section: 1,
      no: 2,
      unlabelled: true,
      title: '解读形式单一',
      titleBold: false,
      body: ['正文。'],
      source: source(11),
    },
    {
      document: 'wenti',
      section: 2,
      no: 3,
      unlabelled: true,
      title: '栏目更新不及时',
      titleBold: false,
      body: ['正文。'],
      source: source(12),
    },
  ])
  .map((data) => ({ id: `wenti/0${data.no}`, data }));

describe('a document printed without section numerals or point numbers', () => {
  it('parses: numeral is optional, unlabelled is a flag that excludes a label', () => {
    expect(document.sections.map((s) => s.numeral)).toEqual([undefined, undefined]);
    expect(points.map((p) => [p.data.unlabelled, p.data.label])).toEqual([
      [true, undefined],
      [true, undefined],
      [true, undefined],
    ]);
    const both = pointsSchema.safeParse([{ ...points[0]!.data, label: '1.' }]);
    expect(both.success).toBe(false);
    expect(both.error?.issues.map((i) => i.path)).toEqual([[0, 'unlabelled']]);
  });

  it('names every point by its position and every group by its heading', () => {
    const parts = outline(document.sections, points);
    expect(
      parts.map(({ section, points: own }) => [
        sectionName(section),
        own.map((p) => [pointHeading(p), pointListLabel(p), pointPlace(p, section)]),
      ]),
    ).toEqual([
      [
        '政策解读不到位',
        [
          ['第1项 解读与文件不同步', '第1项 ', '第1项'],
          ['第2项 解读形式单一', '第2项 ', '第2项'],
        ],
      ],
      ['政务公开平台建设滞后', [['第3项 栏目更新不及时', '第3项 ', '第3项']]],
    ]);
  });

  it('filters search by section number, naming each option as the documents print the section', () => {
    expect(sectionFilterValue(document.sections[1]!)).toBe('2');
    const numbered = [
      { no: 1, numeral: '一', heading: '一、甲' },
      { no: 2, numeral: '二', heading: '二、乙' },
      { no: 3, numeral: '三', heading: '三、丙' },
    ];
    expect(sectionFilterOptions([document.sections, numbered, numbered])).toEqual([
      { value: '1', label: '第一部分／政策解读不到位' },
      { value: '2', label: '第二部分／政务公开平台建设滞后' },
      { value: '3', label: '第三部分' },
    ]);
    expect(sectionFilterOptions([numbered.slice(0, 2)])).toEqual([
      { value: '1', label: '第一部分' },
      { value: '2', label: '第二部分' },
    ]);
  });

  it('counts the ledger per group under its heading, and counts no 部分 in a 图解 summary', () => {
    const rows = [
      { light: 'unreported' as const, section: 1, leads: ['区政府办'] },
      { light: 'unreported' as const, section: 2, leads: ['区政府办'] },
    ];
    expect(countsBySection(rows, document.sections).map((r) => [r.label, r.short, r.counts.unreported])).toEqual([
      ['政策解读不到位', '政策解读不到位', 1],
      ['政务公开平台建设滞后', '政务公开平台建设滞后', 1],
    ]);
    expect(documentSummary(document.sections, 2)).toBe('2 项任务');
    expect(documentSummary([{ numeral: '一' }, { numeral: '二' }], 58)).toBe('2 个部分 · 58 项任务');
  });
});
