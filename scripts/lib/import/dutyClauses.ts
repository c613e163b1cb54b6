/**
 * Responsibility statements inside the text of a point, in the two forms documents use:
 * - a clause in brackets at the end of a point or sub-item:
 *   `……加强内容审核。（牵头单位：市政府办公室；责任单位：各区县（市）政府；完成时限：长期坚持）`
 * - a paragraph of its own after the point: `责任单位：省发展改革委、司法厅，各设区市人民政府。`
 * Brackets may be full- or half-width and nest (`各区县（市）政府`).
 */

export type DutyRole = 'lead' | 'units' | 'deadline';

/** Field names as documents print them, by role. */
const KEYS: [RegExp, DutyRole][] = [
  [/^(?:牵头单位|牵头部门|牵头)$/u, 'lead'],
  [/^(?:责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|责任主体|落实单位|实施单位)$/u, 'units'],
  [/^(?:完成时限|完成时间|时间要求|时限要求|时限|完成期限)$/u, 'deadline'],
];
const KEY_WORDS =
  '牵头单位|牵头部门|牵头|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|责任主体|落实单位|实施单位|完成时限|完成时间|时间要求|时限要求|时限|完成期限';
const KEY_AT = new RegExp(`^\\s*(${KEY_WORDS})\\s*[:：]`, 'u');

export interface Duty {
  /** Raw values by role, as printed (several fields of one role are joined with `、`). */
  lead?: string;
  units?: string;
  deadline?: string;
  /** Which key names the units field (配合单位 vs 责任单位), for the report. */
}

export interface DutyClause {
  /** Index of the opening bracket in the text, and the index just after the closing one. */
  start: number;
  end: number;
  duty: Duty;
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
 * Reads `key：value；key：value` (fields separated by ；;，, or spaces before the next key) into
 * roles; null when the text does not start with a known key.
 */
export function parseDuty(text: string): Duty | null {
  if (!KEY_AT.test(text)) return null;
  const keyed = new RegExp(`(?:^|[；;，,。\\s])\\s*(${KEY_WORDS})\\s*[:：]`, 'gu');
  const marks = [...text.matchAll(keyed)].map((m) => ({ key: m[1]!, at: m.index!, valueAt: m.index! + m[0].length }));
  const duty: Duty = {};
  marks.forEach((m, k) => {
    const value = text
      .slice(m.valueAt, marks[k + 1]?.at ?? text.length)
      .trim()
      .replace(/[；;，,。.]+$/u, '')
      .trim();
    const role = KEYS.find(([re]) => re.test(m.key))?.[1];
    if (!role || value === '') return;
    duty[role] = duty[role] ? `${duty[role]}、${value}` : value;
  });
  return duty;
}

/** Every bracketed responsibility clause in `text`, in order. */
export function findDutyClauses(text: string): DutyClause[] {
  const out: DutyClause[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!OPEN.includes(text[i]!)) continue;
    const end = closingOf(text, i);
    if (end === -1) continue;
    const duty = parseDuty(text.slice(i + 1, end - 1));
    if (duty) {
      out.push({ start: i, end, duty });
      i = end - 1;
    }
  }
  return out;
}

/** A paragraph that is a responsibility statement of its own (`责任单位：…。`), or null. */
export function dutyParagraph(text: string): Duty | null {
  const t = text.trim();
  const inner = /^[（(]/u.test(t) && closingOf(t, 0) === t.length ? t.slice(1, -1) : t;
  return parseDuty(inner);
}

/** 列第一位的为牵头单位 and its variants: the document says the first-listed unit leads. */
export const FIRST_LISTED_LEADS = /(?:列|排)(?:在)?(?:第一位|首位|第一)的?(?:单位|部门)?(?:为|是)牵头|第一个?(?:单位|部门)?为牵头/u;
