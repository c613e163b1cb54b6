/**
 * Shaping the 任务分解表 for pages: by section, by department, by deadline.
 * Works on the plain shape of collection entries so it can be unit-tested without Astro.
 */
import type { Deadline } from '../../schemas/task.ts';
import { deadlineSortKey, UNSPECIFIED } from './deadline.ts';

export interface Ref {
  id: string;
}
export interface TaskLike {
  id: string;
  data: { point: Ref; seq: number; lead: Ref[]; units: Ref[]; deadline: Deadline };
}
export interface PointLike {
  id: string;
  data: { no: number; section: number };
}

/** Tasks in table order: by point number, then by their place among the point's tasks. */
export function sortTasks<T extends TaskLike>(tasks: T[], points: PointLike[]): T[] {
  const pointNo = new Map(points.map((p) => [p.id, p.data.no]));
  return [...tasks].sort((a, b) => (pointNo.get(a.data.point.id) ?? 0) - (pointNo.get(b.data.point.id) ?? 0) || a.data.seq - b.data.seq);
}

/** Tasks ordered by deadline (ongoing last), table order within the same deadline. */
export function sortByDeadline<T extends TaskLike>(tasks: T[], points: PointLike[]): T[] {
  return sortTasks(tasks, points).sort((a, b) => deadlineSortKey(a.data.deadline).localeCompare(deadlineSortKey(b.data.deadline)));
}

/** One department's part in the tasks: those it leads (牵头) and those it shares (责任单位). */
export function departmentRole<T extends TaskLike>(departmentId: string, tasks: T[], points: PointLike[]): { leads: T[]; shares: T[] } {
  const ordered = sortByDeadline(tasks, points);
  return {
    leads: ordered.filter((t) => t.data.lead.some((d) => d.id === departmentId)),
    shares: ordered.filter((t) => t.data.units.some((d) => d.id === departmentId) && !t.data.lead.some((d) => d.id === departmentId)),
  };
}

/**
 * The filter value of a deadline: its date, else its kind (`ongoing`, `unspecified`), or `unread`
 * for a deadline the document printed in words that name no date.
 */
export function deadlineValue(deadline: Deadline): string {
  if (deadline.date) return deadline.date;
  return deadline.kind === 'unspecified' && deadline.raw.trim() !== '' ? 'unread' : deadline.kind;
}

const UNDATED_ORDER: Record<string, number> = { ongoing: 1, unread: 2, unspecified: 3 };
const UNDATED_LABEL: Record<string, string> = { ongoing: '持续推进', unread: '其他时限（见任务原文）', unspecified: UNSPECIFIED };

/** Distinct deadlines for a filter, in date order, ongoing then 未注明 last: `[value, label]`. */
export function deadlineOptions(tasks: TaskLike[]): { value: string; raw: string }[] {
  const seen = new Map<string, string>();
  for (const t of tasks) {
    const value = deadlineValue(t.data.deadline);
    if (!seen.has(value)) seen.set(value, t.data.deadline.date ? t.data.deadline.raw : (UNDATED_LABEL[value] ?? UNSPECIFIED));
  }
  const rank = (v: string) => UNDATED_ORDER[v] ?? 0;
  return [...seen].map(([value, raw]) => ({ value, raw })).sort((a, b) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value));
}

/** The points before and after `no`, for prev/next links. */
export function neighbours<P extends PointLike>(points: P[], no: number): { prev?: P; next?: P } {
  const ordered = [...points].sort((a, b) => a.data.no - b.data.no);
  const i = ordered.findIndex((p) => p.data.no === no);
  return { prev: i > 0 ? ordered[i - 1] : undefined, next: i >= 0 ? ordered[i + 1] : undefined };
}

/**
 * The years (of the documents) in which a department has tasks, newest first, with how many.
 * Department pages show one year each, so no page grows with the whole archive; two documents of
 * one year (a 要点 and a 主要任务) share that year's page.
 */
export function departmentYears<T extends TaskLike & { data: { document: Ref } }>(
  departmentId: string,
  tasks: T[],
  yearOf: (documentId: string) => number,
): { year: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of tasks) {
    if (![...t.data.lead, ...t.data.units].some((d) => d.id === departmentId)) continue;
    const year = String(yearOf(t.data.document.id));
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.year.localeCompare(a.year));
}
