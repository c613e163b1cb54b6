import { parseDeadline } from './parseDeadline.ts';
import { deadlineInText } from './deadlineInText.ts';
import type { Inference } from './inferences.ts';

export interface TaskDeadline {
  /** As printed: the cell or clause, the phrase found in the text, or '' when none is stated. */
  raw: string;
  date: string | null;
  kind: 'date' | 'ongoing' | 'unspecified';
  inherited: boolean;
  /** The deadline was read from the task's own text. */
  inText?: true;
}

/**
 * A task's deadline from what the document states, in order: the printed value (cell or clause,
 * `inherited` when it came from a merged cell of the same item); else a due-date phrase inside the
 * task's text (`……10月底前完成`); else 未注明 (`unspecified`). A printed value that is no known
 * form (`尽快`, `按省统一部署`) is kept as printed, 未注明 as to its date. Never guessed, never taken
 * from another item; every inference is returned for the report.
 */
export function resolveDeadline(input: { raw: string; inherited: boolean; text: string; year: number; line: number }): {
  deadline: TaskDeadline;
  inferences: Inference[];
} {
  const { raw, inherited, text, year, line } = input;
  if (raw.trim() !== '') {
    const parsed = parseDeadline(raw, year);
    if (parsed) return { deadline: { raw, date: parsed.date, kind: parsed.kind, inherited }, inferences: [] };
    return {
      deadline: { raw, date: null, kind: 'unspecified', inherited },
      inferences: [{ kind: 'deadlineUnreadable', line, text: `完成时限“${raw}”不是可识别的日期，按未注明日期处理` }],
    };
  }
  const found = deadlineInText(text, year);
  if (found) {
    return {
      deadline: { raw: found.raw, date: found.date, kind: found.kind, inherited: false, inText: true },
      inferences: [{ kind: 'deadlineInText', line, text: `完成时限取自任务原文：“${found.raw}” → ${found.date ?? '长期'}` }],
    };
  }
  return {
    deadline: { raw: '', date: null, kind: 'unspecified', inherited: false },
    inferences: [{ kind: 'deadlineUnspecified', line, text: '文件未注明完成时限' }],
  };
}
