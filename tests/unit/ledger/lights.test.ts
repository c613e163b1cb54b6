import { describe, expect, it } from 'vitest';
import { computeLight, countLights, describeCounts, resolveAsOf, type ProgressUpdate } from '../../../src/lib/ledger/lights.ts';

const due = { date: '2021-09-30', kind: 'date' as const };
const ongoing = { date: null, kind: 'ongoing' as const };
const update = (date: string, status: ProgressUpdate['status']): ProgressUpdate => ({ date, status, note: '说明' });
const working = [update('2021-06-30', '推进中')];

describe('红黄绿亮灯', () => {
  it('lights nothing and claims nothing for a task with no report, whatever its deadline', () => {
    for (const asOf of ['2021-07-01', '2021-09-15', '2021-10-01', '2026-11-30']) {
      expect(computeLight(due, [], asOf)).toEqual({
        light: 'unreported',
        label: '无进展数据',
        status: null,
        overdue: false,
        unreportedPastDeadline: asOf > due.date,
      });
    }
    expect(computeLight(ongoing, [], '2021-10-01')).toMatchObject({ light: 'unreported', unreportedPastDeadline: false });
  });
  it('counts a report made after the as-of date as no report', () => {
    expect(computeLight(due, [update('2021-08-01', '推进中')], '2021-07-31')).toMatchObject({ light: 'unreported', status: null });
  });
  it('with a report: green well before the deadline, yellow within 30 days, red after it', () => {
    expect(computeLight(due, working, '2021-07-01')).toMatchObject({ light: 'green', label: '未到期', status: '推进中' });
    expect(computeLight(due, working, '2021-08-31')).toMatchObject({ light: 'yellow', label: '即将到期（剩 30 天）' });
    expect(computeLight(due, working, '2021-09-30')).toMatchObject({ light: 'yellow', label: '即将到期（剩 0 天）' });
    expect(computeLight(due, working, '2021-10-01')).toMatchObject({
      light: 'red',
      label: '逾期未完成',
      overdue: true,
      unreportedPastDeadline: false,
    });
  });
  it('is green when done on time and red when done late, whatever the as-of date', () => {
    expect(computeLight(due, [update('2021-08-01', '推进中'), update('2021-09-20', '已完成')], '2021-12-31')).toMatchObject({
      light: 'green',
      label: '按期完成',
    });
    expect(computeLight(due, [update('2021-10-15', '已完成')], '2021-12-31')).toMatchObject({
      light: 'red',
      label: '逾期完成',
      overdue: false,
    });
  });
  it('ignores reports after the as-of date, so past ledgers can be reproduced', () => {
    const updates = [update('2021-09-01', '推进中'), update('2021-09-25', '已完成')];
    expect(computeLight(due, updates, '2021-09-10')).toMatchObject({ light: 'yellow', status: '推进中', latest: updates[0] });
    expect(computeLight(due, updates, '2021-09-26')).toMatchObject({ light: 'green', status: '已完成' });
  });
  it('gives no light to reported work with no date: ongoing, or a deadline not stated', () => {
    expect(computeLight(ongoing, working, '2021-10-01')).toMatchObject({ light: 'grey', label: '长期任务' });
    expect(computeLight(ongoing, [update('2021-09-01', '已完成')], '2021-10-01')).toMatchObject({
      light: 'grey',
      label: '已完成（长期任务）',
    });
    expect(computeLight({ date: null, kind: 'unstated' }, working, '2021-10-01')).toMatchObject({ light: 'grey', label: '未注明完成时限' });
    expect(computeLight({ date: null, kind: 'unspecified', raw: '按省统一部署' }, working, '2021-10-01')).toMatchObject({
      light: 'grey',
      label: '完成时限未写明日期',
    });
  });
  it('lights no red, yellow or green for a deadline the document does not state (未注明), and never calls it overdue', () => {
    const unspecified = { date: null, kind: 'unspecified' as const };
    expect(computeLight(unspecified, [], '2030-01-01')).toMatchObject({
      light: 'unreported',
      overdue: false,
      unreportedPastDeadline: false,
    });
    expect(computeLight(unspecified, [update('2021-05-01', '已完成')], '2021-06-01')).toMatchObject({
      light: 'grey',
      label: '已完成（未注明完成时限）',
    });
  });
  it('counts every state, 未报送 included', () => {
    const counts = countLights(['red', 'grey', 'red', 'green', 'unreported']);
    expect(counts).toEqual({ red: 2, yellow: 0, green: 1, grey: 1, unreported: 1 });
    expect(describeCounts(counts)).toBe('红灯 2 项，黄灯 0 项，绿灯 1 项，不亮灯 1 项，未报送 1 项');
  });
  it('takes an explicit as-of date or today in China', () => {
    expect(resolveAsOf('2021-10-01')).toBe('2021-10-01');
    expect(resolveAsOf(undefined, new Date('2021-09-30T17:00:00Z'))).toBe('2021-10-01');
    expect(() => resolveAsOf('2021/10/01')).toThrow(/YYYY-MM-DD/);
  });
});

import { countsByLeadDepartment, countsBySection, groupByLeadDepartment, NO_LEAD } from '../../../src/lib/ledger/summaries.ts';
import { fitLabel, lightsChartSvg } from '../../../src/lib/ledger/chart.ts';

describe('ledger summaries', () => {
  const rows = [
    { light: 'red' as const, section: 1, leads: ['市政府办公室', '市营商局'], overdue: true },
    { light: 'green' as const, section: 1, leads: ['市营商局'], overdue: false },
    { light: 'grey' as const, section: 2, leads: [], overdue: false },
    { light: 'red' as const, section: 2, leads: ['市营商局'], overdue: true },
    { light: 'unreported' as const, section: 2, leads: ['市营商局'], overdue: false },
  ];
  it('counts per section', () => {
    expect(
      countsBySection(rows, [
        { no: 1, numeral: '一', heading: '一、甲' },
        { no: 2, numeral: '二', heading: '二、乙' },
      ]),
    ).toEqual([
      { label: '一、甲', short: '第一部分', counts: { red: 1, yellow: 0, green: 1, grey: 0, unreported: 0 } },
      { label: '二、乙', short: '第二部分', counts: { red: 1, yellow: 0, green: 0, grey: 1, unreported: 1 } },
    ]);
  });
  it('labels a section printed without a numeral by its heading, in the table and the chart', () => {
    expect(
      countsBySection(rows, [
        { no: 1, heading: '政策解读不到位' },
        { no: 2, numeral: '二', heading: '二、乙' },
      ]).map(({ label, short }) => [label, short]),
    ).toEqual([
      ['政策解读不到位', '政策解读不到位'],
      ['二、乙', '第二部分'],
    ]);
  });
  it('counts per department add up to the number of tasks', () => {
    const byDept = countsByLeadDepartment(rows);
    expect(byDept.reduce((n, d) => n + d.total, 0)).toBe(rows.length);
    expect(byDept.map((d) => d.label)).toEqual(['市营商局', '市政府办公室', NO_LEAD]);
  });
  it('groups tasks under every lead department they name (回头看)', () => {
    expect(groupByLeadDepartment(rows.filter((r) => r.overdue)).map((g) => [g.department, g.rows.length])).toEqual([
      ['市营商局', 2],
      ['市政府办公室', 1],
    ]);
    expect(groupByLeadDepartment(rows.filter((r) => !r.leads.length)).map((g) => g.department)).toEqual([NO_LEAD]);
  });
});

describe('light chart labels', () => {
  const counts = { red: 0, yellow: 0, green: 0, grey: 0, unreported: 2 };
  it('keeps a label that fits and cuts a long one with …, counting CJK characters as a full square', () => {
    expect(fitLabel('第一部分', 182, 16)).toBe('第一部分');
    expect(fitLabel('政务公开标准化规范化建设推进不够深入', 182, 16)).toBe('政务公开标准化规范化…');
    expect(fitLabel('Section 12 of plan', 182, 16)).toBe('Section 12 of plan');
  });
  it('draws the shortened heading but says the full one in the description', () => {
    const svg = lightsChartSvg([{ label: '政务公开标准化规范化建设推进不够深入', counts }], '各部分', 'c');
    expect(svg).toContain('<text x="0" y="61" font-size="16">政务公开标准化规范化…</text>');
    expect(svg).toContain('<desc id="c-desc">政务公开标准化规范化建设推进不够深入：');
  });
});
