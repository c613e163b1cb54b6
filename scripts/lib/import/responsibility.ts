/**
 * The grammar of one responsibility statement: the inside of a bracket clause at the end of a
 * point, a 责任单位 table cell, or a group of labelled lines. Documents write it in two ways:
 * - labelled: `牵头单位：X；配合单位：Y；完成时限：Z` (labels in responsibility/labelled.ts);
 * - unlabelled: department names followed by role words, and deadline phrases, separated by ，；:
 *   `X牵头，Y配合`, `X牵头落实`, `X、Y分别负责落实`, `X会同Y负责`, `X牵头，Y、Z`, `X，Y配合`,
 *   `各设区市政府负责，2018年底前完成`, `X指导，Y负责`, `由X负责`, `X（牵头）、Y`.
 * An unlabelled text is a statement only when it is made of department names, role words and
 * deadline phrases and nothing else, so prose in brackets (`（负责同志要亲自抓）`) is not one.
 */
import { readLabelled } from './responsibility/labelled.ts';
import { readUnlabelled } from './responsibility/unlabelled.ts';
import { summarise } from './responsibility/parts.ts';
import type { ReadOptions, Responsibility } from './responsibility/types.ts';
import { DEPARTMENT_END } from './responsibility/names.ts';

export type { Duty, ReadOptions, Responsibility, ResponsibilityPart, ResponsibilityRole } from './responsibility/types.ts';
export { isDepartmentName } from './responsibility/names.ts';
export { deadlinePhrase } from './responsibility/deadlinePhrase.ts';
export { splitTop } from './responsibility/parts.ts';

/**
 * Reads one responsibility statement, labelled or not; null when the text is not one. Without
 * options an unlabelled text needs a role word (牵头, 负责, 配合…) and names that look like
 * departments; a table cell passes `{ bare: true, anyName: true }` (see readResponsibilityCell).
 */
export function readResponsibility(text: string, options: ReadOptions = {}): Responsibility | null {
  const t = text.trim().replace(/[。；;，,]+$/u, '');
  if (t === '') return null;
  return readLabelled(t) ?? readUnlabelled(t, options);
}

/**
 * Lines of a cell: a break after a separator (`区财金局、纪工委、环土局、\n交建局`) or inside a name is
 * a wrap and is joined; a break between two complete names separates them.
 */
function joinCellLines(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.reduce((acc, line) => {
    if (acc === '') return line;
    const complete = DEPARTMENT_END.test(acc) || /(?:牵头|负责|配合|落实)$/u.test(acc);
    return /[、，,；;：:]$/u.test(acc) || !complete ? acc + line : `${acc}、${line}`;
  }, '');
}

/**
 * A 责任单位 cell of a task table, labelled or not: `区经发局牵头，区财金局、纪工委`,
 * `区农发局牵头，区环土局配合，相关乡镇落实`, `区农发局，区规划局配合`, a bare `区环土局` (responsible,
 * no lead). The header says the cell holds units, so names are not checked against department
 * endings. Null only for an empty cell, or for a cell whose role words do not parse (the caller
 * reports it rather than guessing).
 */
export function readResponsibilityCell(text: string): Responsibility | null {
  const joined = joinCellLines(text);
  if (joined === '') return null;
  return readResponsibility(joined, { bare: true, anyName: true });
}

/** Several statements (consecutive labelled lines) as one: their parts in order. */
export function combineResponsibilities(statements: Responsibility[]): Responsibility {
  const form = statements.every((s) => s.form === 'labelled') ? 'labelled' : 'unlabelled';
  return summarise(
    form,
    statements.flatMap((s) => s.parts),
    statements.map((s) => s.evidence).join('\n'),
  );
}

/** True when two statements name a role in common, so that they cannot be one task's lines. */
export function sharesRole(a: Responsibility, b: Responsibility): boolean {
  const roles = new Set(a.parts.map((p) => p.role));
  return b.parts.some((p) => roles.has(p.role));
}
