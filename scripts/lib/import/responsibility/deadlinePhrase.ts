/** A deadline phrase inside a statement: `2018年底前完成`, `长期坚持`. */
import { parseDeadline } from '../parseDeadline.ts';

const NUM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const YEAR = '(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年)';
const TIME_SHAPE = new RegExp(
  `^(?:到|至|截至|自|从)?${YEAR}?(?:\\s*[—\\-－~～至到]\\s*${YEAR})?\\s*(?:${NUM}\\s*月(?:\\s*${NUM}\\s*[日号])?)?\\s*(?:上半年|下半年|年底|年末|年内|底|末|内|起|以来)?\\s*(?:前|之前|以前)?$`,
  'u',
);
const ONGOING =
  /^(?:长期坚持|长期推进|长期实施|持续推进|持续开展|持续实施|常态化推进|常态化实施|常态化|长期|持续|每年|每季度|每月|每半年|定期)$/u;
/** Verbs after a date: 2018年底前完成, 6月底前出台. */
const COMPLETION = /(?:前)?(?:全面完成|基本完成|全部完成|完成任务|落实到位|取得成效|见到成效|办结|完成|建成|出台|实现|到位)$/u;

/**
 * The deadline a segment states (`2018年底前完成` → `2018年底前`, `长期坚持`), or null when the
 * segment is not a time phrase. The date part is returned so that parseDeadline can read it.
 */
export function deadlinePhrase(segment: string): string | null {
  const s = segment
    .trim()
    .replace(/^(?:并|须|要|应|力争|确保|于|在)+/u, '')
    .trim();
  if (s === '') return null;
  if (ONGOING.test(s)) return s;
  const date = s.replace(COMPLETION, (m) => (m.startsWith('前') ? '前' : '')).trim();
  if (date === '' || !/\d|[〇零一二三四五六七八九十]|年|月/u.test(date)) return null;
  if (parseDeadline(date, 2000) !== null) return date;
  return TIME_SHAPE.test(date) && /[年月]/u.test(date) ? date : null;
}
