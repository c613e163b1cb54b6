import { splitDepartmentList } from './departmentList.ts';

/**
 * Department cells list names separated by one space (`市发展改革委 市自然资源局`) or by 、，；.
 * In a table converted from print, two or more spaces separate GROUPS that belong to different
 * tasks printed in the same row (item 10 of the 2021 table: `市政府办公室 市信息中心  市营商局`).
 */
const GROUP_SEPARATOR = /[ \u3000]{2,}/u;

/** The raw text of each group, in order; [] for an empty cell. */
export function splitGroups(cell: string): string[] {
  const t = cell.trim();
  return t === '' ? [] : t.split(GROUP_SEPARATOR).map((g) => g.trim());
}

/** Department names per group. */
export function splitDepartments(cell: string): string[][] {
  return splitGroups(cell).map(splitDepartmentList);
}

/** All names of a cell in order, without duplicates. */
export function departmentNames(cell: string): string[] {
  return [...new Set(splitDepartments(cell).flat())];
}

/** Splits a task text into sentences where a sentence end is followed by spaces (`。 `). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；])[ \u3000]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
