import { docNumberYear } from './docNumber.ts';

/** A year range in a title (`2015-2020年`, `2021—2025年`, `2021至2025年`): a plan's span, not its year. */
const RANGE = /(\d{4})\s*(?:年\s*)?[-－—–~～至到]\s*(\d{4})\s*年?/gu;

/**
 * The document's year: a single year its title names (`2016年政务公开工作实施方案`), else the
 * year in its 文号's brackets, else the year of its date. A range such as `（2015-2020年）` is the
 * span of a plan, not the document's year, and is skipped.
 */
export function documentYear(title: string, docNumber: string | undefined, date: string): number {
  const single = /(\d{4})\s*年/u.exec(title.normalize('NFKC').replace(RANGE, ''));
  if (single) return Number(single[1]);
  return (docNumber ? docNumberYear(docNumber) : undefined) ?? Number(date.slice(0, 4));
}
