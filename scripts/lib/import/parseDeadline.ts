import { isoDate, lastDayOfMonth, readNumber } from './chineseDate.ts';

export interface ParsedDeadline {
  /** The cell as printed. */
  raw: string;
  /** Last day on which the task is due, or null for ongoing work. */
  date: string | null;
  kind: 'date' | 'ongoing';
}

const NUM = '[0-9〇零一二三四五六七八九十]+';
const YEAR = `(?:(${NUM})年)?`;
const MONTH_END = new RegExp(`^${YEAR}(${NUM})月(?:底|末|份)(?:前|之前)?$`, 'u');
/** `2019年10月` as a deadline: within that month. Only with its year, so that a bare `10月` stays unread. */
const MONTH = new RegExp(`^(${NUM})年(${NUM})月(?:内|完成)?$`, 'u');
const DAY = new RegExp(`^${YEAR}(${NUM})月(${NUM})[日号](?:前|之前)?$`, 'u');
const BEFORE_MONTH = new RegExp(`^${YEAR}(${NUM})月(?:前|之前)$`, 'u');
const YEAR_END = new RegExp(`^${YEAR}(?:年底|年末|年内|底|年底前|底前|年末前)(?:前|之前)?$`, 'u');
const FIRST_HALF = new RegExp(`^${YEAR}上半年(?:前|底前)?$`, 'u');
const ONGOING = /^(?:长期坚持|持续推进|长期推进|持续开展|长期|持续|常态化(?:推进|实施|开展)?)$/u;

/**
 * Reads a 完成时限 cell. `year` is the document's year, used when the cell names no year.
 * Forms: `9月底` and `2019年10月` (last day of that month), `N月N日前`, `N月前` (read literally: before the first
 * day of month N, i.e. the last day of month N−1), `年底前` / `年内` (12-31), `上半年` (06-30),
 * `长期坚持` / `持续推进` / `常态化实施` (ongoing, no date). An optional `YYYY年` prefix overrides the year.
 * Returns null for text it does not know, so that the caller can report the line; it never guesses.
 */
export function parseDeadline(raw: string, year: number): ParsedDeadline | null {
  const t = raw.normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return null;
  if (ONGOING.test(t)) return { raw, date: null, kind: 'ongoing' };
  const yearOf = (text: string | undefined): number | null => (text === undefined ? year : readNumber(text));
  const dated = (date: string | null): ParsedDeadline | null => (date === null ? null : { raw, date, kind: 'date' });

  let m = MONTH_END.exec(t) ?? MONTH.exec(t);
  if (m) {
    const y = yearOf(m[1]);
    const mo = readNumber(m[2] ?? '');
    if (y === null || mo === null || mo < 1 || mo > 12) return null;
    return dated(isoDate(y, mo, lastDayOfMonth(y, mo)));
  }
  m = DAY.exec(t);
  if (m) {
    const y = yearOf(m[1]);
    const mo = readNumber(m[2] ?? '');
    const d = readNumber(m[3] ?? '');
    if (y === null || mo === null || d === null) return null;
    return dated(isoDate(y, mo, d));
  }
  m = BEFORE_MONTH.exec(t);
  if (m) {
    const y = yearOf(m[1]);
    const mo = readNumber(m[2] ?? '');
    if (y === null || mo === null || mo < 1 || mo > 12) return null;
    return mo === 1 ? dated(isoDate(y - 1, 12, 31)) : dated(isoDate(y, mo - 1, lastDayOfMonth(y, mo - 1)));
  }
  m = YEAR_END.exec(t);
  if (m) {
    const y = yearOf(m[1]);
    return y === null ? null : dated(isoDate(y, 12, 31));
  }
  m = FIRST_HALF.exec(t);
  if (m) {
    const y = yearOf(m[1]);
    return y === null ? null : dated(isoDate(y, 6, 30));
  }
  return null;
}
