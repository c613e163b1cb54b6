import type { Deadline } from '../../schemas/task.ts';
import { deadlineSortKey, UNSPECIFIED } from '../content/deadline.ts';
import type { TujieContent } from './renderTujieSvg.ts';

interface TaskInput {
  lead: string[];
  deadline: Deadline;
}

/** Deadlines in date order (ongoing, then 未注明 last), each with the number of tasks due then. */
export function timeline(tasks: TaskInput[]): TujieContent['timeline'] {
  const groups = new Map<string, { label: string; count: number; key: string }>();
  for (const t of tasks) {
    const key = deadlineSortKey(t.deadline);
    const label =
      t.deadline.kind === 'ongoing' ? '持续推进' : t.deadline.kind === 'unspecified' ? UNSPECIFIED : t.deadline.raw || t.deadline.date!;
    const group = groups.get(key) ?? { label, count: 0, key };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key)).map(({ label, count }) => ({ label, count }));
}

/** Lead departments, those leading most tasks first, then by first appearance. */
export function leadsByWeight(tasks: TaskInput[]): string[] {
  const counts = new Map<string, number>();
  for (const t of tasks) for (const d of t.lead) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts].sort(([, a], [, b]) => b - a).map(([name]) => name);
}

/**
 * What a whole document's 图解 says under its title: `4 个部分 · 58 项任务`. The parts are counted
 * only where the document numbers them: one heading printed above all the points is no 部分.
 */
export function documentSummary(sections: { numeral?: string | undefined }[], taskCount: number): string {
  const parts = sections.every((s) => s.numeral !== undefined) ? `${sections.length} 个部分 · ` : '';
  return `${parts}${taskCount} 项任务`;
}

export function tujieContent(input: {
  kicker: string;
  section: string;
  title: string;
  measures: string[];
  tasks: TaskInput[];
  footer: string;
}): TujieContent {
  return {
    kicker: input.kicker,
    section: input.section,
    title: input.title,
    measures: input.measures,
    leads: leadsByWeight(input.tasks),
    timeline: timeline(input.tasks),
    footer: input.footer,
  };
}
