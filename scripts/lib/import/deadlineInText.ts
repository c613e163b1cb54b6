import { parseDeadline, type ParsedDeadline } from './parseDeadline.ts';

const NUM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const YEAR = '(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年)';
/** `2018年10月底前`, `6月30日前`, `年底前`, `2023年上半年前`: a date phrase that ends in 前. */
const PHRASE = new RegExp(`${YEAR}?\\s*(?:${NUM}\\s*月\\s*(?:${NUM}\\s*[日号])?\\s*(?:底|末)?|年底|年末|上半年|底)\\s*(?:前|之前)`, 'gu');

/**
 * A deadline written inside a task's text, for documents without a deadline column: the last
 * phrase that reads as a due date (`……2018年10月底前完成` → 2018-10-31). Only phrases ending in
 * 前 count, so a date the text merely mentions (`6月22日发布的`) is never taken for a deadline.
 */
export function deadlineInText(text: string, year: number): ParsedDeadline | null {
  let found: ParsedDeadline | null = null;
  for (const m of text.matchAll(PHRASE)) {
    const raw = m[0].trim();
    const parsed = parseDeadline(raw, year);
    if (parsed) found = parsed;
  }
  return found;
}
