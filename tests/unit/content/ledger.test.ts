import { describe, expect, it } from 'vitest';
import {
  deadlineOptions,
  deadlineValue,
  departmentRole,
  neighbours,
  sortByDeadline,
  sortTasks,
  type TaskLike,
} from '../../../src/lib/content/ledger.ts';
import { deadlineSortKey, describeDeadline } from '../../../src/lib/content/deadline.ts';
import { formatChineseDate } from '../../../src/lib/content/dates.ts';

const points = [1, 2, 10].map((no) => ({ id: `2021/${String(no).padStart(2, '0')}`, data: { no, section: 1 } }));
const task = (id: string, point: number, seq: number, date: string | null, lead: string[], units: string[] = []): TaskLike => ({
  id,
  data: {
    point: { id: `2021/${String(point).padStart(2, '0')}` },
    seq,
    lead: lead.map((d) => ({ id: d })),
    units: units.map((d) => ({ id: d })),
    deadline: date
      ? { raw: `${Number(date.slice(5, 7))}月底`, date, kind: 'date', inherited: false }
      : { raw: '长期坚持', date: null, kind: 'ongoing', inherited: false },
  },
});
const tasks = [
  task('10-1', 10, 1, '2021-09-30', ['ban-gong-shi']),
  task('2-2', 2, 2, null, ['cai-zheng'], ['ban-gong-shi']),
  task('2-1', 2, 1, '2021-12-31', ['ban-gong-shi', 'cai-zheng']),
  task('1-1', 1, 1, '2021-12-31', ['fa-gai'], ['ban-gong-shi']),
];

describe('ledger', () => {
  it('orders tasks as the table does, by point number (not id text) then seq', () => {
    expect(sortTasks(tasks, points).map((t) => t.id)).toEqual(['1-1', '2-1', '2-2', '10-1']);
  });
  it('orders by deadline with ongoing tasks last', () => {
    expect(sortByDeadline(tasks, points).map((t) => t.id)).toEqual(['10-1', '1-1', '2-1', '2-2']);
  });
  it('separates the tasks a department leads from those it only shares', () => {
    const role = departmentRole('ban-gong-shi', tasks, points);
    expect(role.leads.map((t) => t.id)).toEqual(['10-1', '2-1']);
    expect(role.shares.map((t) => t.id)).toEqual(['1-1', '2-2']);
  });
  it('lists each deadline once for the filter', () => {
    expect(deadlineOptions(tasks)).toEqual([
      { value: '2021-09-30', raw: '9月底' },
      { value: '2021-12-31', raw: '12月底' },
      { value: 'ongoing', raw: '持续推进' },
    ]);
  });
  it('finds the previous and next point', () => {
    expect(neighbours(points, 2)).toMatchObject({ prev: { id: '2021/01' }, next: { id: '2021/10' } });
    expect(neighbours(points, 1).prev).toBeUndefined();
    expect(neighbours(points, 10).next).toBeUndefined();
  });
});

describe('dates and deadlines', () => {
  it('prints dates the way documents do', () => {
    expect(formatChineseDate('2021-06-22')).toBe('2021年6月22日');
  });
  it('shows the normalised date and keeps the printed wording', () => {
    expect(describeDeadline({ raw: '9月底', date: '2021-09-30', kind: 'date', inherited: false })).toBe('2021年9月30日前（9月底）');
    expect(describeDeadline({ raw: '长期坚持', date: null, kind: 'ongoing', inherited: false })).toBe('长期坚持');
  });
  it('says 未注明 for a task whose document names no deadline, and sorts it last', () => {
    const unspecified = { raw: '', date: null, kind: 'unspecified', inherited: false } as const;
    expect(describeDeadline(unspecified)).toBe('未注明');
    expect(deadlineSortKey(unspecified) > deadlineSortKey({ raw: '长期坚持', date: null, kind: 'ongoing', inherited: false })).toBe(true);
  });
  it('prints a deadline written in words that name no date as printed, never as 未注明 (corpus 04)', () => {
    const unread = {
      raw: '立法工作于2019年底前完成，其他工作于2020年4月前完成',
      date: null,
      kind: 'unspecified',
      inherited: false,
    } as const;
    expect(describeDeadline(unread)).toBe('立法工作于2019年底前完成，其他工作于2020年4月前完成');
    expect(deadlineValue(unread)).toBe('unread');
    expect(deadlineValue({ raw: '', date: null, kind: 'unspecified', inherited: false })).toBe('unspecified');
    const withUnread = [...tasks, { ...tasks[0]!, id: '3-1', data: { ...tasks[0]!.data, deadline: unread } }];
    expect(deadlineOptions(withUnread).at(-1)).toEqual({ value: 'unread', raw: '其他时限（见任务原文）' });
  });
});

import { departmentYears } from '../../../src/lib/content/ledger.ts';

describe('departmentYears', () => {
  const t = (documentId: string, lead: string[], units: string[] = []) => ({
    ...task('x', 1, 1, null, lead, units),
    data: { ...task('x', 1, 1, null, lead, units).data, document: { id: documentId } },
  });
  const yearOf = (id: string) => Number(id.slice(0, 4));
  it('lists the years a department has tasks in, newest first, with counts', () => {
    const tasks = [t('2021', ['a']), t('2023', ['b'], ['a']), t('2021', ['a', 'b']), t('2022', ['b'])];
    expect(departmentYears('a', tasks, yearOf)).toEqual([
      { year: '2023', count: 1 },
      { year: '2021', count: 2 },
    ]);
    expect(departmentYears('c', tasks, yearOf)).toEqual([]);
  });
  it('counts two documents of one year under that year, by the documents’ year, not their ids', () => {
    const tasks = [t('2021', ['a']), t('2021-sheng', ['a']), t('d7', [], ['a'])];
    expect(departmentYears('a', tasks, (id) => (id === 'd7' ? 2019 : yearOf(id)))).toEqual([
      { year: '2021', count: 2 },
      { year: '2019', count: 1 },
    ]);
  });
});
