/** Calendar helpers shared by the notice date and the deadline parser. */

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * Reads a number written in ASCII/full-width digits or Chinese numerals as used in dates:
 * `6`, `２２`, `六`, `十二`, `二十二`, `三十一`, and digit-by-digit years such as `二〇二一`.
 */
export function readNumber(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[〇零一二三四五六七八九十]+$/u.test(t)) return null;
  if (!t.includes('十')) {
    let n = 0;
    for (const ch of t) n = n * 10 + (DIGITS[ch] ?? 0);
    return n;
  }
  const [tens, ones] = t.split('十');
  const tensValue = tens === '' || tens === undefined ? 1 : DIGITS[tens];
  const onesValue = ones === '' || ones === undefined ? 0 : DIGITS[ones];
  if (tensValue === undefined || onesValue === undefined) return null;
  return tensValue * 10 + onesValue;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD`, or null when the parts do not form a real date. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const NUM = '[0-9０-９〇零一二三四五六七八九十]+';
const FULL_DATE = new RegExp(`^(${NUM})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*日$`, 'u');

/** Parses a 成文日期 such as `2021年6月22日` or `二〇二一年六月二十二日`; null if it is not one. */
export function parseChineseDate(text: string): string | null {
  const m = FULL_DATE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [readNumber(m[1] ?? ''), readNumber(m[2] ?? ''), readNumber(m[3] ?? '')];
  if (y === null || mo === null || d === null) return null;
  return isoDate(y, mo, d);
}
