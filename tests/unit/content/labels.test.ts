import { describe, expect, it } from 'vitest';
import {
  departmentName,
  departmentNameOf,
  ledgerTitle,
  pointHeading,
  pointLabel,
  pointListLabel,
  pointPlace,
  sectionName,
} from '../../../src/lib/content/labels.ts';
import { outline, subsectionOf } from '../../../src/lib/content/outline.ts';
import { pointId, pointNoOf, progressAnchor, taskLabel, urls } from '../../../src/lib/content/ids.ts';
import { newestFirst, yearlyTopics, type DocumentInfo } from '../../../src/lib/topics/topics.ts';

const point = (no: number, section: number, extra: { label?: string; subsection?: number; unlabelled?: true } = {}) => ({
  id: `d/${no}`,
  data: { no, section, title: `要点${no}`, ...extra },
});

describe('point labels', () => {
  it('shows the printed label where there is one, else the number', () => {
    expect(pointLabel(point(18, 3))).toBe('18.');
    expect(pointLabel(point(7, 2, { label: '（三）' }))).toBe('（三）');
    expect(pointHeading(point(18, 3))).toBe('18. 要点18');
    expect(pointHeading(point(7, 2, { label: '（三）' }))).toBe('（三） 要点7');
  });
  it('places a point in words that stay true when labels restart per section', () => {
    expect(pointPlace(point(18, 3), { numeral: '三' })).toBe('第18项');
    expect(pointPlace(point(7, 2, { label: '（三）' }), { numeral: '二' })).toBe('第二部分（三）');
    expect(pointPlace(point(9, 2, { label: '1.', subsection: 4 }), { numeral: '二', subsections: [{ no: 4, numeral: '一' }] })).toBe(
      '第二部分（一）1.',
    );
  });
});

describe('points and sections printed without a number', () => {
  it('names an unlabelled point by its position, never as if `3.` were printed', () => {
    expect(pointLabel(point(3, 1, { unlabelled: true }))).toBe('第3项');
    expect(pointHeading(point(3, 1, { unlabelled: true }))).toBe('第3项 要点3');
    expect(pointPlace(point(3, 1, { unlabelled: true }), { numeral: '一' })).toBe('第3项');
    expect(pointPlace(point(3, 1, { unlabelled: true }), {})).toBe('第3项');
  });
  it('lists an unlabelled point with its position as text, a printed label as text, a plain number by the list', () => {
    expect(pointListLabel(point(3, 1, { unlabelled: true }))).toBe('第3项 ');
    expect(pointListLabel(point(7, 2, { label: '（三）' }))).toBe('（三）');
    expect(pointListLabel(point(18, 3))).toBeUndefined();
  });
  it('places a printed label by position when its section or sub-section has no printed numeral', () => {
    expect(pointPlace(point(7, 1, { label: '（三）' }), {})).toBe('第7项');
    expect(pointPlace(point(9, 2, { label: '1.', subsection: 4 }), { numeral: '二', subsections: [{ no: 4 }] })).toBe('第9项');
    expect(pointPlace(point(9, 2, { label: '1.' }), { numeral: '二', subsections: [{ no: 4, numeral: '一' }] })).toBe('第二部分1.');
  });
  it('names a numbered section 第一部分 and an unnumbered one by its printed heading', () => {
    expect(sectionName({ numeral: '一', heading: '一、甲' })).toBe('第一部分');
    expect(sectionName({ heading: '政策解读不到位' })).toBe('政策解读不到位');
  });
});

describe('ids and names', () => {
  it('builds every id and URL from the document id', () => {
    expect(pointId('2021', 3)).toBe('2021/03');
    expect(pointId('2021-sheng', 12)).toBe('2021-sheng/12');
    expect([pointNoOf('2021/08'), pointNoOf('2021-sheng/12')]).toEqual([8, 12]);
    expect([taskLabel(8, 1), progressAnchor(12, 3)]).toEqual(['8-1', 'progress-12-3']);
    expect([urls.document('2021-sheng'), urls.point('2021-sheng', 3), urls.ledger('2021-sheng'), urls.review('2021-sheng')]).toEqual([
      '/yaodian/2021-sheng/',
      '/yaodian/2021-sheng/03/',
      '/renwu/2021-sheng/',
      '/renwu/2021-sheng/huitoukan/',
    ]);
  });
  it('names two ledgers of one year apart, and another government’s department with its government', () => {
    expect(ledgerTitle({ data: { title: '沈阳市2021年政务公开工作要点' } })).toBe('《沈阳市2021年政务公开工作要点》任务分解表');
    expect(departmentName({ data: { name: '市财政局' } })).toBe('市财政局');
    expect(departmentName({ data: { name: '市财政局', government: '福州市' } })).toBe('市财政局（福州市）');
    expect(departmentNameOf(new Map(), 'unknown-id')).toBe('unknown-id');
  });
});

describe('outline', () => {
  it('puts each point under its section and sub-section, in number order', () => {
    const sections = [
      { no: 1, numeral: '一', heading: '一、甲' },
      {
        no: 2,
        numeral: '二',
        heading: '二、乙',
        subsections: [
          { no: 1, numeral: '一', heading: '（一）丙' },
          { no: 2, numeral: '二', heading: '（二）丁' },
        ],
      },
    ];
    const points = [point(4, 2, { subsection: 2 }), point(1, 1), point(3, 2, { subsection: 1 }), point(2, 2)];
    const parts = outline(sections, points);
    expect(
      parts.map((p) => [
        p.section.no,
        p.points.map((x) => x.data.no),
        p.subsections.map((s) => [s.subsection.heading, s.points.map((x) => x.data.no)]),
      ]),
    ).toEqual([
      [1, [1], []],
      [
        2,
        [2],
        [
          ['（一）丙', [3]],
          ['（二）丁', [4]],
        ],
      ],
    ]);
    expect(subsectionOf(sections[1], point(4, 2, { subsection: 2 }))?.heading).toBe('（二）丁');
    expect(subsectionOf(sections[0], point(1, 1))).toBeUndefined();
  });
});

describe('document topics', () => {
  const doc = (id: string, year: number, issuer: string, publishedAt: string, archive = false): DocumentInfo => ({
    id,
    year,
    title: `${issuer}${year}要点`,
    issuer,
    publishedAt,
    archive,
  });
  const city = '沈阳市政务公开领导小组';
  const province = '福建省人民政府办公厅';

  it('archives a document when a newer one of the same issuer is published, never for another issuer', () => {
    const topics = yearlyTopics([
      doc('2021', 2021, city, '2021-06-22'),
      doc('2021-sheng', 2021, province, '2021-04-01'),
      doc('2022', 2022, city, '2022-05-10'),
      doc('2023-sheng', 2023, province, '2023-03-01'),
    ]);
    const byId = new Map(topics.map((t) => [t.slug, t]));
    expect(byId.get('yaodian-2021')).toMatchObject({ status: 'archived', archivedAt: '2022-05-10', title: `${city}2021要点` });
    expect(byId.get('yaodian-2022')).toMatchObject({ status: 'active' });
    expect(byId.get('yaodian-2021-sheng')).toMatchObject({ status: 'archived', archivedAt: '2023-03-01' });
    expect(byId.get('yaodian-2023-sheng')).toMatchObject({ status: 'active' });
  });

  it('archives an archive document from the start: by its successor, else by its own 发布日期', () => {
    const topics = yearlyTopics([
      doc('2019', 2019, city, '2019-03-01', true),
      doc('2018-sheng', 2018, province, '2018-05-01', true),
      doc('2021', 2021, city, '2021-06-22'),
    ]);
    const byId = new Map(topics.map((t) => [t.slug, t]));
    expect(byId.get('yaodian-2019')).toMatchObject({ status: 'archived', archivedAt: '2021-06-22' });
    expect(byId.get('yaodian-2018-sheng')).toMatchObject({ status: 'archived', archivedAt: '2018-05-01' });
    expect(byId.get('yaodian-2018-sheng')!.archiveReason).toContain('本站建立之前发布');
    expect(byId.get('yaodian-2021')).toMatchObject({ status: 'active' });
  });

  it('orders documents by year, then 发布日期, newest first', () => {
    const sorted = [doc('a', 2021, city, '2021-01-01'), doc('b', 2022, city, '2022-01-01'), doc('c', 2021, province, '2021-06-01')].sort(
      newestFirst,
    );
    expect(sorted.map((d) => d.id)).toEqual(['b', 'c', 'a']);
  });
});
