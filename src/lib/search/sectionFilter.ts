/**
 * The /search/ 部分 filter. Pages record their section by its `no` (`section:2`), which every
 * section has; the option a reader picks is named as the documents print the section: `第二部分`,
 * or the heading of a group printed without a numeral. Sections of several documents that share a
 * `no` share an option, named by each distinct name (`第一部分／推进重点领域信息公开`).
 */
import { sectionName, type SectionLabelled } from '../content/labels.ts';

export interface FilterOption {
  value: string;
  label: string;
}

/** The value a page in this section records for the `section` filter. */
export function sectionFilterValue(section: { no: number }): string {
  return String(section.no);
}

/**
 * One option per section number found in the documents, in number order; a number's names list
 * `第一部分` before the headings of unnumbered groups, each name once.
 */
export function sectionFilterOptions(documents: (SectionLabelled & { no: number })[][]): FilterOption[] {
  const sections = documents.flat();
  const numberedFirst = [...sections.filter((s) => s.numeral !== undefined), ...sections.filter((s) => s.numeral === undefined)];
  const names = new Map<number, Set<string>>();
  for (const section of numberedFirst) names.set(section.no, (names.get(section.no) ?? new Set()).add(sectionName(section)));
  return [...names].sort(([a], [b]) => a - b).map(([no, set]) => ({ value: sectionFilterValue({ no }), label: [...set].join('／') }));
}
