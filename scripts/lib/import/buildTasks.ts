import type { PrintedLabel, TableRow } from './parseTaskTable.ts';
import { departmentNames, splitDepartments, splitGroups, splitSentences } from './splitDepartments.ts';
import { assignTask, type PointText } from './assignTasks.ts';
import { wordingDiff, type WordingFragment } from './wordingDiff.ts';
import { resolveDeadline, type TaskDeadline } from './taskDeadline.ts';
import { restorePrefixes } from './departmentList.ts';
import type { Inference } from './inferences.ts';

export interface Task {
  /** Assigned point number and 1-based position among its tasks: file `NN-k`. */
  point: number;
  seq: number;
  text: string;
  /** Department names (not yet slugs). */
  lead: string[];
  units: string[];
  leadRaw: string;
  unitsRaw: string;
  deadline: TaskDeadline;
  inherited: { lead: boolean; units: boolean };
  /** Line each inherited value was printed on. */
  inheritedFrom: { lead: number | null; units: number | null; deadline: number | null };
  /** The 事项名称 printed beside the task in a task table; absent for tasks read from the text. */
  printedLabel?: PrintedLabel;
  labelLine?: number;
  sourceLine: number;
  split?: { part: number; of: number };
  match: { score: number; runnerUp: { point: number; score: number } | null; fallback: 'tie' | 'low' | null };
  wording: WordingFragment[];
}

export interface TaskNotes {
  /** Rows whose department cells have groups but could not be split (sentence count differs). */
  unsplit: { line: number; groups: number; sentences: number }[];
  /** Empty cells on the first row of a printed item, filled from the row above (same point). */
  crossLabel: { line: number; field: 'lead' | 'units' | 'deadline'; from: number }[];
  /** Inherited deadlines where the row directly above shows a different deadline. */
  deadlineChecks: { line: number; inherited: string; from: number; above: string; aboveLine: number }[];
  /** Values inherited from a row that belongs to a DIFFERENT point: plausible but worth a look. */
  crossPoint: { line: number; field: 'lead' | 'units' | 'deadline'; from: number; point: number; fromPoint: number }[];
  /** Rows left without any 牵头部门 after inheritance. */
  noLead: number[];
  /** Restored prefixes, deadlines found in the text or not stated: listed in the report. */
  inferences: Inference[];
}

type Field = 'lead' | 'units' | 'deadline';

/** A cell's printed text and, when it was empty, the line it was taken from. */
interface Inherited {
  raw: string;
  from: number | null;
}

interface Cell {
  names: string[];
  /** Line of the row the value was printed on; null when printed on this row. */
  from: number | null;
}

/**
 * Turns table rows into tasks: splits double-space cells, assigns each task to the point its
 * text comes from, and fills empty cells.
 *
 * Inheritance: in a table converted from print an empty cell is a merged cell of the original,
 * whose text was printed on one row of its span (not always the first). A web page or Word table
 * states its merges (`row.spanned`), so there a covered cell takes its merged cell's value and an
 * empty cell stays empty. An empty 牵头部门, 责任单位 or 完成时限 takes, in order:
 * (a) the nearest row of the same printed item that belongs to the same point, above first, then
 *     below (so item 3's rows all get 市财政局, printed on its third row);
 * (b) the row just above when it belongs to the same point but was printed under the previous
 *     label (反不正当竞争, printed as item 3's first row, keeps item 2's 市市场监管局);
 * (c) any row of the same printed item, above first (reported as crossing points).
 * A deadline found nowhere in the item is read from the task's text, else it is 未注明; it is never
 * taken from another item. Every inherited or inferred value is reported.
 */
export function buildTasks(rows: TableRow[], points: PointText[], year: number): { tasks: Task[]; notes: TaskNotes } {
  const notes: TaskNotes = { unsplit: [], crossLabel: [], deadlineChecks: [], crossPoint: [], noLead: [], inferences: [] };
  const pointText = new Map(points.map((p) => [p.no, p.text]));

  // 1. Split rows whose department cells hold groups for several tasks.
  const planned = rows.map((row) => {
    const leadGroups = splitGroups(row.leadRaw);
    const unitsGroups = splitGroups(row.unitsRaw);
    const groups = Math.max(leadGroups.length, unitsGroups.length);
    const sentences = splitSentences(row.text);
    const fits = (n: number) => n <= 1 || n === groups;
    const split = groups > 1 && sentences.length === groups && fits(leadGroups.length) && fits(unitsGroups.length);
    if (groups > 1 && !split) notes.unsplit.push({ line: row.line, groups, sentences: sentences.length });
    const parts = split
      ? sentences.map((text, i) => ({
          text,
          part: i + 1,
          of: groups,
          leadRaw: leadGroups.length === groups ? (leadGroups[i] ?? '') : row.leadRaw,
          unitsRaw: unitsGroups.length === groups ? (unitsGroups[i] ?? '') : row.unitsRaw,
        }))
      : [{ text: row.text, part: 1, of: 1, leadRaw: row.leadRaw, unitsRaw: row.unitsRaw }];
    return { row, parts: parts.map((p) => ({ ...p, match: assignTask(p.text, row.label.no, points) })) };
  });

  // 2. Inheritance (see the function comment), field by field in table order.
  const pointOf = (r: number) => planned[r]?.parts[0]?.match.point ?? 0;
  const rawOf = (r: number, field: Field) => {
    const row = rows[r];
    return !row ? '' : field === 'lead' ? row.leadRaw : field === 'units' ? row.unitsRaw : row.deadlineRaw;
  };
  const resolved: Record<Field, (Inherited | null)[]> = { lead: [], units: [], deadline: [] };
  const resolve = (r: number, field: Field): Inherited | null => {
    const row = rows[r]!;
    if (rawOf(r, field) !== '') return { raw: rawOf(r, field), from: null };
    // A cell that a merged cell covers (a web page's rowspan, a Word vMerge) carries its value.
    const spanned = row.spanned?.[field];
    if (spanned) return spanned;
    // Where merges are explicit, an empty cell is empty: nothing is inherited into it.
    if (row.spanned) return null;
    const sameItem = (i: number) => rows[i]?.labelLine === row.labelLine;
    const fromAbove = (i: number): Inherited | null => {
      const value = resolved[field][i];
      return value ? { raw: value.raw, from: value.from ?? rows[i]!.line } : null;
    };
    // (a) the merged cell of this point's rows in this printed item: above, else below
    for (let i = r - 1; i >= 0 && sameItem(i); i--) if (pointOf(i) === pointOf(r) && fromAbove(i)) return fromAbove(i);
    for (let i = r + 1; i < rows.length && sameItem(i); i++)
      if (pointOf(i) === pointOf(r) && rawOf(i, field) !== '') return { raw: rawOf(i, field), from: rows[i]!.line };
    // (b) the label was printed a row too early: the row above belongs to the same point
    if (r > 0 && !sameItem(r - 1) && pointOf(r - 1) === pointOf(r) && fromAbove(r - 1)) {
      const value = fromAbove(r - 1)!;
      notes.crossLabel.push({ line: row.line, field, from: value.from! });
      return value;
    }
    // (c) any row of the same printed item, above first
    for (let i = r - 1; i >= 0 && sameItem(i); i--) if (fromAbove(i)) return fromAbove(i);
    for (let i = r + 1; i < rows.length && sameItem(i); i++)
      if (rawOf(i, field) !== '') return { raw: rawOf(i, field), from: rows[i]!.line };
    return null;
  };
  for (const field of ['lead', 'units', 'deadline'] as const) {
    rows.forEach((_, r) => resolved[field].push(resolve(r, field)));
  }
  const cell = (field: 'lead' | 'units', r: number): Cell => {
    const value = resolved[field][r];
    return { names: value ? departmentNames(value.raw) : [], from: value?.from ?? null };
  };
  const lead = rows.map((_, r) => cell('lead', r));
  const units = rows.map((_, r) => cell('units', r));
  const deadline = resolved.deadline;
  rows.forEach((row, r) => {
    if (lead[r]!.names.length === 0) notes.noLead.push(row.line);
    const above = deadline[r - 1];
    const own = deadline[r];
    if (own && own.from !== null && r > 0 && rows[r - 1]!.labelLine === row.labelLine && above && above.raw !== own.raw) {
      notes.deadlineChecks.push({
        line: row.line,
        inherited: own.raw,
        from: own.from,
        above: above.raw,
        aboveLine: above.from ?? rows[r - 1]!.line,
      });
    }
  });

  const pointOfLine = new Map(planned.map(({ row, parts }) => [row.line, parts[0]?.match.point ?? row.label.no]));
  planned.forEach(({ row }, r) => {
    const point = pointOfLine.get(row.line) ?? 0;
    const check = (field: 'lead' | 'units' | 'deadline', from: number | null) => {
      const fromPoint = from === null ? point : (pointOfLine.get(from) ?? point);
      if (from !== null && fromPoint !== point) notes.crossPoint.push({ line: row.line, field, from, point, fromPoint });
    };
    check('lead', lead[r]?.from ?? null);
    check('units', units[r]?.from ?? null);
    check('deadline', deadline[r]?.from ?? null);
  });

  // 3. Tasks, numbered within their assigned point in table order.
  const tasks: Task[] = [];
  planned.forEach(({ row, parts }, r) => {
    const dl = deadline[r] ?? null;
    for (const part of parts) {
      const leadCell = lead[r]!;
      const unitsCell = units[r]!;
      const own = (raw: string, cell: Cell) => {
        const names = raw !== '' ? splitDepartments(raw).flat() : cell.names;
        const restored = restorePrefixes(names, row.line);
        if (raw !== '') notes.inferences.push(...restored.inferences);
        return restored.names;
      };
      const resolvedDeadline = resolveDeadline({
        raw: dl?.raw ?? '',
        inherited: dl !== null && dl.from !== null,
        text: part.text,
        year,
        line: dl?.from ?? row.line,
      });
      notes.inferences.push(...resolvedDeadline.inferences);
      tasks.push({
        point: part.match.point,
        seq: 0,
        text: part.text,
        lead: [...new Set(own(part.leadRaw, leadCell))],
        units: [...new Set(own(part.unitsRaw, unitsCell))],
        leadRaw: part.leadRaw,
        unitsRaw: part.unitsRaw,
        deadline: resolvedDeadline.deadline,
        inherited: { lead: leadCell.from !== null, units: unitsCell.from !== null },
        inheritedFrom: { lead: leadCell.from, units: unitsCell.from, deadline: dl?.from ?? null },
        printedLabel: row.label,
        labelLine: row.labelLine,
        sourceLine: row.line,
        ...(part.of > 1 ? { split: { part: part.part, of: part.of } } : {}),
        match: { score: part.match.score, runnerUp: part.match.runnerUp, fallback: part.match.fallback },
        wording: wordingDiff(part.text, pointText.get(part.match.point) ?? ''),
      });
    }
  });
  const seqs = new Map<number, number>();
  for (const t of tasks) {
    const k = (seqs.get(t.point) ?? 0) + 1;
    seqs.set(t.point, k);
    t.seq = k;
  }
  return { tasks, notes };
}
