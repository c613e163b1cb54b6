import type { Deadline } from '../../schemas/task.ts';
import { formatChineseDate } from './dates.ts';

/** How a deadline reads on the page: the normalised date first, the printed wording kept beside it. */
export function describeDeadline(deadline: Deadline): string {
  if (deadline.kind === 'ongoing') return deadline.raw || '持续推进';
  const date = deadline.date ? formatChineseDate(deadline.date) : '';
  return deadline.raw && deadline.raw !== date ? `${date}前（${deadline.raw}）` : `${date}前`;
}

/** Sort key: dated tasks by date, ongoing ones last. */
export function deadlineSortKey(deadline: Deadline): string {
  return deadline.date ?? '9999-12-31';
}
