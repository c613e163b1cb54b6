/** The shapes a responsibility statement is read into. */
/**
 * What a list of units does: lead (牵头, 主办), responsible (负责, 落实, 责任单位), support (配合,
 * 参与, 协助), implement (实施单位), pilot (试点单位), guide (指导, 督促, 统筹); deadline is a
 * 完成时限 value, person a named official (牵头领导：…), kept as evidence but never a department.
 */
export type ResponsibilityRole = 'lead' | 'responsible' | 'support' | 'implement' | 'pilot' | 'guide' | 'deadline' | 'person';

export interface ResponsibilityPart {
  role: ResponsibilityRole;
  /** The units (or the deadline, or the person) as printed, role words and labels removed. */
  raw: string;
  /** The label or role word that gave the role (`配合单位`, `牵头落实`); '' for an unmarked list. */
  word: string;
}

/** Raw values by the two roles a task has, and its deadline. */
export interface Duty {
  /** Leading units as printed (several lists joined with `、`). */
  lead?: string;
  /** All other responsible units as printed (several lists joined with `、`). */
  units?: string;
  deadline?: string;
}

export interface Responsibility extends Duty {
  form: 'labelled' | 'unlabelled';
  /** Every list, deadline and person in printed order, with its role. */
  parts: ResponsibilityPart[];
  /** The statement as read. */
  evidence: string;
}

export interface ReadOptions {
  /** A department list without role word or label counts (a 责任单位 cell); default false. */
  bare?: boolean;
  /** Any name counts as a unit (a cell under a 责任单位 header); default: names must look like departments. */
  anyName?: boolean;
}
