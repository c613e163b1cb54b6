import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, toCsv } from '../../../src/lib/data/csv.ts';

describe('CSV (RFC 4180, for Excel)', () => {
  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    const csv = toCsv([
      ['编号', '任务'],
      ['2021/01-1', '公开规划'],
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv).toBe('\uFEFF编号,任务\r\n2021/01-1,公开规划\r\n');
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('leaves plain fields bare, Chinese punctuation included', () => {
    expect(csvField('市发展改革委、市自然资源局')).toBe('市发展改革委、市自然资源局');
    expect(csvField('做好规划，公开信息。')).toBe('做好规划，公开信息。');
    expect(csvField('')).toBe('');
  });

  it('quotes fields with a comma, a double quote, CR or LF and doubles the quotes inside', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"公开"')).toBe('"他说""公开"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('第一行\r\n第二行')).toBe('"第一行\r\n第二行"');
    expect(csvField('"')).toBe('""""');
  });

  it('keeps leading and trailing spaces and formula-like text as they are', () => {
    expect(csvField(' 9月底 ')).toBe(' 9月底 ');
    expect(csvField('=1+1')).toBe('=1+1');
  });

  it('refuses rows whose width differs from the header', () => {
    expect(() => toCsv([['a', 'b'], ['1']])).toThrow(/row 2/);
  });
});
