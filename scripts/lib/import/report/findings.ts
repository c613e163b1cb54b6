/** What the import report counts and lists, computed once for all its sections. */
import type { ParsedDocument } from '../parseDocument.ts';
import type { Task } from '../buildTasks.ts';

export interface Findings {
  /** The seed's own form (text with a task table): the report keeps the seed's shape. */
  seedForm: boolean;
  /** Tasks assigned to a point other than the one their printed label names. */
  moved: Task[];
  /** Tasks whose point could not be told (tie or low score): the printed label is kept. */
  unresolved: Task[];
  splitTasks: Task[];
  worded: Task[];
  inherited: Task[];
  /** How many findings an editor has to check. */
  checks: number;
  /** `3. 标题` for a point number. */
  pointName: (no: number) => string;
}

export function findingsOf(doc: ParsedDocument): Findings {
  const { tasks, notes } = doc;
  const pointTitle = new Map(doc.points.map((p) => [p.no, p.title]));
  const unresolved = tasks.filter((t) => t.match.fallback !== null);
  return {
    seedForm: doc.format === 'text' && doc.layout === 'points-table',
    moved: tasks.filter((t) => t.match.fallback === null && t.printedLabel !== undefined && t.point !== t.printedLabel.no),
    unresolved,
    splitTasks: tasks.filter((t) => t.split),
    worded: tasks.filter((t) => t.wording.length > 0),
    inherited: tasks.filter((t) => t.inherited.lead || t.inherited.units || t.deadline.inherited),
    checks:
      notes.crossLabel.length +
      notes.crossPoint.length +
      notes.deadlineChecks.length +
      notes.noLead.length +
      notes.unsplit.length +
      unresolved.length,
    pointName: (no) => `${no}. ${pointTitle.get(no) ?? ''}`,
  };
}
