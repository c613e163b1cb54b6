import { countLights, type Light } from './lights.ts';
import { sectionName, type SectionLabelled } from '../content/labels.ts';

export interface Counted {
  light: Light;
  /** Section number the task's point belongs to. */
  section: number;
  /** Lead departments, first one first. */
  leads: string[];
}

export const NO_LEAD = '未列牵头部门';

/**
 * Light counts per section, in section order; `label` (the heading) labels the table, `short` the
 * chart: `第一部分`, or the heading itself for a section printed without a numeral (the chart
 * shortens a long one where it draws it and says it in full in its description).
 */
export function countsBySection<T extends Counted>(rows: T[], sections: (SectionLabelled & { no: number })[]) {
  return sections.map((s) => ({
    label: s.heading,
    short: sectionName(s),
    counts: countLights(rows.filter((r) => r.section === s.no).map((r) => r.light)),
  }));
}

/**
 * Light counts per department, each task counted once under its first lead department (the
 * table lists the main lead first), so the rows add up to the number of tasks.
 */
export function countsByLeadDepartment<T extends Counted>(rows: T[]) {
  const groups = new Map<string, Light[]>();
  for (const r of rows) {
    const key = r.leads[0] ?? NO_LEAD;
    groups.set(key, [...(groups.get(key) ?? []), r.light]);
  }
  return [...groups]
    .map(([label, lights]) => ({ label, counts: countLights(lights), total: lights.length }))
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'zh-CN'));
}

/**
 * Tasks grouped by every lead department they name, largest group first (回头看 lists the overdue
 * tasks this way, and apart from them those past their deadline with no report).
 */
export function groupByLeadDepartment<T extends Pick<Counted, 'leads'>>(rows: T[]): { department: string; rows: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) for (const d of r.leads.length ? r.leads : [NO_LEAD]) groups.set(d, [...(groups.get(d) ?? []), r]);
  return [...groups]
    .map(([department, list]) => ({ department, rows: list }))
    .sort((a, b) => b.rows.length - a.rows.length || a.department.localeCompare(b.department, 'zh-CN'));
}
