import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../scripts/lib/import/parseDeadline.ts';

describe('parseDeadline', () => {
  const date = (raw: string, year = 2021) => parseDeadline(raw, year)?.date;

  it('N月底 is the last day of that month in the document year', () => {
    expect(date('9月底')).toBe('2021-09-30');
    expect(date('11月底')).toBe('2021-11-30');
    expect(date('12月底')).toBe('2021-12-31');
    expect(date('2月底', 2024)).toBe('2024-02-29');
    expect(date('2月底', 2023)).toBe('2023-02-28');
    expect(date('6月底前')).toBe('2021-06-30');
    expect(date('九月底')).toBe('2021-09-30');
    expect(date('１２月底')).toBe('2021-12-31');
    expect(parseDeadline('9月底', 2021)).toEqual({ raw: '9月底', date: '2021-09-30', kind: 'date' });
  });

  it('YYYY年M月 with its year is the last day of that month (corpus 04: 2019年10月, 2020年4月); a bare 10月 is not read', () => {
    expect(date('2019年10月', 2019)).toBe('2019-10-31');
    expect(date('2020年4月', 2019)).toBe('2020-04-30');
    expect(date('2020年2月内', 2019)).toBe('2020-02-29');
    expect(date('10月')).toBeUndefined();
    expect(date('2020年13月')).toBeUndefined();
  });

  it('N月N日前 is that date', () => {
    expect(date('10月15日前')).toBe('2021-10-15');
    expect(date('6月30日')).toBe('2021-06-30');
    expect(date('3月1日之前')).toBe('2021-03-01');
    expect(date('2月30日前')).toBeUndefined();
  });

  it('N月前 means before the first day of month N', () => {
    expect(date('6月前')).toBe('2021-05-31');
    expect(date('3月前', 2024)).toBe('2024-02-29');
    expect(date('1月前')).toBe('2020-12-31');
  });

  it('年底前 and similar are 12-31; 上半年 is 06-30', () => {
    expect(date('年底前')).toBe('2021-12-31');
    expect(date('年底')).toBe('2021-12-31');
    expect(date('年内')).toBe('2021-12-31');
    expect(date('2022年底前')).toBe('2022-12-31');
    expect(date('上半年')).toBe('2021-06-30');
  });

  it('an explicit year overrides the document year', () => {
    expect(date('2022年3月底')).toBe('2022-03-31');
    expect(date('2022年3月15日前')).toBe('2022-03-15');
  });

  it('长期坚持 and 持续推进 are ongoing, without a date', () => {
    expect(parseDeadline('常态化实施', 2019)).toEqual({ raw: '常态化实施', date: null, kind: 'ongoing' });
    expect(parseDeadline('长期坚持', 2021)).toEqual({ raw: '长期坚持', date: null, kind: 'ongoing' });
    expect(parseDeadline('持续推进', 2021)).toEqual({ raw: '持续推进', date: null, kind: 'ongoing' });
  });

  it('returns null for empty or unknown text (the caller reports the line)', () => {
    expect(parseDeadline('', 2021)).toBeNull();
    expect(parseDeadline('尽快', 2021)).toBeNull();
    expect(parseDeadline('13月底', 2021)).toBeNull();
    expect(parseDeadline('9月中旬', 2021)).toBeNull();
  });
});
