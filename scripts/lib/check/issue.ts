import type { CheckCode } from './codes.ts';

/** One finding of the content check, written for the editor who has to fix it. */
export interface CheckIssue {
  severity: 'error' | 'warning';
  /** The rule it breaks, from the catalogue in codes.ts (e.g. `ZW-MDX-004`). */
  code: CheckCode;
  /** Repo-relative path of the file to change. */
  file: string;
  /** 1-based line in that file, when it is known. */
  line?: number;
  /** Dotted path of the field, e.g. `deadline.date`. */
  field?: string;
  /** What is wrong, in Chinese. */
  zh: string;
  /** The same in English. */
  en: string;
  /** How to fix it (Chinese / English). */
  fix: string;
}

export function error(fields: Omit<CheckIssue, 'severity'>): CheckIssue {
  return { severity: 'error', ...fields };
}
