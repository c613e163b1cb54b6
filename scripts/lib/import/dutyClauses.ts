/**
 * Responsibility statements inside the text of a point, in the two forms documents use:
 * - a clause in brackets at the end of a point, sentence or sub-item, labelled or not:
 *   `……加强内容审核。（牵头单位：市政府办公室；责任单位：各区县（市）政府；完成时限：长期坚持）`,
 *   `……（区环境监测站牵头落实）`, `……（国家发展改革委牵头，各有关部门按职责分工负责）`;
 * - a paragraph of its own after the point: `责任单位：省发展改革委、司法厅，各设区市人民政府。`,
 *   one of several lines (`牵头单位：…` / `配合单位：…` / `完成时限：…`) that together make one task.
 * Brackets may be full- or half-width and nest (`各区县（市）政府`). What counts as a statement is
 * the grammar in responsibility.ts.
 */
import { readResponsibility, type Responsibility } from './responsibility.ts';

export type { Duty, Responsibility } from './responsibility.ts';

export interface DutyClause {
  /** Index of the opening bracket in the text, and the index just after the closing one. */
  start: number;
  end: number;
  duty: Responsibility;
}

const OPEN = '（(';
const CLOSE = '）)';

/** Index just after the bracket that closes the one at `start`, or -1. */
function closingOf(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Every bracketed responsibility clause in `text`, in order: labelled (`（责任单位：A、B）`) or
 * unlabelled (`（A牵头，B配合）`, `（A负责，2018年底前完成）`). A bracket that is not a statement
 * (`（试行）`, `（以下简称“三减二化”）`, `（负责同志要亲自抓）`) is skipped and searched inside.
 */
export function findDutyClauses(text: string): DutyClause[] {
  const out: DutyClause[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!OPEN.includes(text[i]!)) continue;
    const end = closingOf(text, i);
    if (end === -1) continue;
    const duty = readResponsibility(text.slice(i + 1, end - 1));
    if (duty) {
      out.push({ start: i, end, duty });
      i = end - 1;
    }
  }
  return out;
}

/**
 * A paragraph that is a responsibility statement of its own (`责任单位：…。`, `（X牵头，Y配合）`,
 * `X牵头，Y配合。`), or null.
 */
export function dutyParagraph(text: string): Responsibility | null {
  const t = text.trim().replace(/[。；;]+$/u, '');
  const inner = /^[（(]/u.test(t) && closingOf(t, 0) === t.length ? t.slice(1, -1) : t;
  return readResponsibility(inner);
}

/** 列第一位的为牵头单位 and its variants: the document says the first-listed unit leads. */
export const FIRST_LISTED_LEADS = /(?:列|排)(?:在)?(?:第一位|首位|第一)的?(?:单位|部门)?(?:为|是)牵头|第一个?(?:单位|部门)?为牵头/u;
