import type { Deadline } from '../../schemas/task.ts';
import { formatChineseDate } from './dates.ts';

/** What the page says for a task whose document names no deadline. */
export const UNSPECIFIED = '未注明';

/** Beside a deadline found inside the task's own wording rather than in a 完成时限 column. */
export const IN_TEXT_NOTE = '（时限见任务原文）';

/**
 * An undated deadline's words: what the document printed (`按省统一部署`, a sentence the importer
 * could not turn into a date), or 未注明 only where it printed nothing.
 */
export function undatedWording(deadline: Pick<Deadline, 'kind' | 'raw'>): string {
  if (deadline.kind === 'ongoing') return deadline.raw || '持续推进';
  return deadline.raw.trim() || UNSPECIFIED;
}

/** How a deadline reads on the page: the normalised date first, the printed wording kept beside it. */
export function describeDeadline(deadline: Deadline): string {
  if (deadline.kind !== 'date') return undatedWording(deadline);
  const date = deadline.date ? formatChineseDate(deadline.date) : '';
  return deadline.raw && deadline.raw !== date ? `${date}前（${deadline.raw}）` : `${date}前`;
}

/** Sort key: dated tasks by date, ongoing ones after them, 未注明 last. */
export function deadlineSortKey(deadline: Deadline): string {
  return deadline.date ?? (deadline.kind === 'unspecified' ? '9999-12-32' : '9999-12-31');
}
