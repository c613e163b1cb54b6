import { dutyParagraph, findDutyClauses, type Duty } from './dutyClauses.ts';
import { combineResponsibilities, sharesRole, type Responsibility } from './responsibility.ts';
import { restorePrefixes, splitDepartmentList } from './departmentList.ts';
import { resolveDeadline } from './taskDeadline.ts';
import type { Inference } from './inferences.ts';
import type { Point } from './parsePoints.ts';
import type { Task } from './buildTasks.ts';

/** How the tasks of a document without a task table were stated. */
export type DutyLayout = 'inline-clauses' | 'duty-paragraphs' | 'points-only';

/** Department names of a printed list, with a left-out shared prefix restored. */
export function departmentsOf(raw: string | undefined, line: number, inferences: Inference[]): string[] {
  if (!raw) return [];
  const restored = restorePrefixes(splitDepartmentList(raw), line);
  inferences.push(...restored.inferences);
  return [...new Set(restored.names)];
}

/**
 * Tasks of a document that has no task table: every responsibility clause at the end of a point
 * or sub-item (`（牵头单位：…；完成时限：…）`, `（X牵头，Y配合）`) ends one task, and so does every
 * group of consecutive statement lines after a point (`牵头单位：X` / `配合单位：Y` / `完成时限：Z`
 * are one task; a line naming a role the group already has starts the next task). A task's text
 * is the point's text since the previous task (the whole point when the statement stands alone).
 * When the document says the first-listed unit leads (`列第一位的为牵头单位`), a list without a
 * 牵头单位 field gets its first name as lead. A point with no statement has no task.
 */
export function buildDutyTasks(
  points: Point[],
  year: number,
  firstListedLeads: boolean,
): { tasks: Task[]; layout: DutyLayout; inferences: Inference[]; withoutDuty: number[] } {
  const tasks: Task[] = [];
  const inferences: Inference[] = [];
  const withoutDuty: number[] = [];
  let clauses = 0;
  let paragraphs = 0;
  for (const point of points) {
    const whole = point.pieces
      .map((p) => findDutyClauses(p.text).reduceRight((t, c) => t.slice(0, c.start) + t.slice(c.end), p.text))
      .filter((_, k) => k === 0 || dutyParagraph(point.pieces[k]!.text) === null)
      .join('');
    let segment = '';
    let seq = 0;
    const emit = (text: string, duty: Duty, line: number) => {
      const own = text.trim();
      const taskText = own === '' ? whole.trim() : own;
      let lead = departmentsOf(duty.lead, line, inferences);
      let units = departmentsOf(duty.units, line, inferences);
      if (lead.length === 0 && firstListedLeads && units.length > 0) {
        inferences.push({ kind: 'leadFirstListed', line, text: `按“列第一位的为牵头单位”，${units[0]} 为牵头单位` });
        [lead, units] = [units.slice(0, 1), units.slice(1)];
      }
      const resolved = resolveDeadline({ raw: duty.deadline ?? '', inherited: false, text: taskText, year, line });
      inferences.push(...resolved.inferences);
      tasks.push({
        point: point.no,
        seq: ++seq,
        text: taskText,
        lead,
        units,
        leadRaw: duty.lead ?? '',
        unitsRaw: duty.units ?? '',
        deadline: resolved.deadline,
        inherited: { lead: false, units: false },
        inheritedFrom: { lead: null, units: null, deadline: null },
        sourceLine: line,
        match: { score: 1, runnerUp: null, fallback: null },
        wording: [],
      });
    };
    // Consecutive statement lines, and the line of the first of them.
    let lines: Responsibility[] = [];
    let linesAt = 0;
    const endLines = () => {
      if (lines.length === 0) return;
      paragraphs++;
      emit(segment, combineResponsibilities(lines), linesAt);
      segment = '';
      lines = [];
    };
    point.pieces.forEach((piece, k) => {
      const paragraph = k > 0 ? dutyParagraph(piece.text) : null;
      if (paragraph) {
        if (lines.some((l) => sharesRole(l, paragraph))) endLines();
        if (lines.length === 0) linesAt = piece.line;
        lines.push(paragraph);
        return;
      }
      endLines();
      let at = 0;
      for (const clause of findDutyClauses(piece.text)) {
        clauses++;
        emit(segment + piece.text.slice(at, clause.start), clause.duty, piece.line);
        segment = '';
        at = clause.end;
      }
      segment += piece.text.slice(at);
    });
    endLines();
    if (seq === 0) withoutDuty.push(point.no);
  }
  const layout: DutyLayout =
    clauses === 0 && paragraphs === 0 ? 'points-only' : clauses >= paragraphs ? 'inline-clauses' : 'duty-paragraphs';
  return { tasks, layout, inferences, withoutDuty };
}
