import { importError } from './errors.ts';
import type { PrintedLabel, TableRow } from './parseTaskTable.ts';
import { departmentNames, splitDepartments, splitGroups, splitSentences } from './splitDepartments.ts';
import { assignTask, type PointText } from './assignTasks.ts';
import { parseDeadline } from './parseDeadline.ts';
import { wordingDiff, type WordingFragment } from './wordingDiff.ts';

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
  deadline: { raw: string; date: string | null; kind: 'date' | 'ongoing'; inherited: boolean };
  inherited: { lead: boolean; units: boolean };
  /** Line each inherited value was printed on. */
  inheritedFrom: { lead: number | null; units: number | null; deadline: number | null };
  printedLabel: PrintedLabel;
  labelLine: number;
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
 * Inheritance: an empty cell is a merged cell of the original table, whose text was printed on
 * one row of its span (not always the first). An empty 牵头部门, 责任单位 or 完成时限 takes, in order:
 * (a) the nearest row of the same printed item that belongs to the same point, above first, then
 *     below (so item 3's rows all get 市财政局, printed on its third row);
 * (b) the row just above when it belongs to the same point but was printed under the previous
 *     label (反不正当竞争, printed as item 3's first row, keeps item 2's 市市场监管局);
 * (c) any row of the same printed item, above first (reported as crossing points).
 * A deadline found nowhere is an error. Every inherited value is reported.
 */
export function buildTasks(rows: TableRow[], points: PointText[], year: number, file: string): { tasks: Task[]; notes: TaskNotes } {
  const notes: TaskNotes = { unsplit: [], crossLabel: [], deadlineChecks: [], crossPoint: [], noLead: [] };
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
    const sameItem = (i: number) => rows[i]?.labelLine === row.labelLine;
    const fromAbove = (i: number): Inherited | null => {
      const value = resolved[field][i];
      return value ? { raw: value.raw, from: value.from ?? rows[i]!.line } : null;
    };
    // (a) the merged cell of this point's rows in this printed item: above, else below
    for (let i = r - 1; i >= 0 && sameItem(i); i--) if (pointOf(i) === pointOf(r) && fromAbove(i)) return fromAbove(i);
    for (let i = r + 1; i < rows.length && sameItem(i); i++) if (pointOf(i) === pointOf(r) && rawOf(i, field) !== '') return { raw: rawOf(i, field), from: rows[i]!.line };
    // (b) the label was printed a row too early: the row above belongs to the same point
    if (r > 0 && !sameItem(r - 1) && pointOf(r - 1) === pointOf(r) && fromAbove(r - 1)) {
      const value = fromAbove(r - 1)!;
      notes.crossLabel.push({ line: row.line, field, from: value.from! });
      return value;
    }
    // (c) any row of the same printed item, above first
    for (let i = r - 1; i >= 0 && sameItem(i); i--) if (fromAbove(i)) return fromAbove(i);
    for (let i = r + 1; i < rows.length && sameItem(i); i++) if (rawOf(i, field) !== '') return { raw: rawOf(i, field), from: rows[i]!.line };
    return null;
  };
  for (const field of ['lead', 'units', 'deadline'] as const) {
    rows.forEach((row, r) => {
      const value = resolve(r, field);
      resolved[field].push(value);
      if (value === null && field === 'deadline') {
        throw importError(file, row.line, 'taskTable.deadline', '完成时限为空，且本事项中没有可继承的完成时限', 'the 完成时限 cell is empty and no row of the item has one to inherit', '在该行写出完成时限，如“12月底”或“长期坚持”。');
      }
    });
  }
  const cell = (field: 'lead' | 'units', r: number): Cell => {
    const value = resolved[field][r];
    return { names: value ? departmentNames(value.raw) : [], from: value?.from ?? null };
  };
  const lead = rows.map((_, r) => cell('lead', r));
  const units = rows.map((_, r) => cell('units', r));
  const deadline = resolved.deadline.map((v) => v!);
  rows.forEach((row, r) => {
    if (lead[r]!.names.length === 0) notes.noLead.push(row.line);
    const above = deadline[r - 1];
    const own = deadline[r]!;
    if (own.from !== null && r > 0 && rows[r - 1]!.labelLine === row.labelLine && above && above.raw !== own.raw) {
      notes.deadlineChecks.push({ line: row.line, inherited: own.raw, from: own.from, above: above.raw, aboveLine: above.from ?? rows[r - 1]!.line });
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
    const dl = deadline[r]!;
    const parsed = parseDeadline(dl.raw, year);
    if (!parsed) {
      throw importError(file, dl.from ?? row.line, 'taskTable.deadline', `无法识别的完成时限“${dl.raw}”`, `unknown deadline "${dl.raw}"`, '写成“9月底”“10月15日前”“年底前”“长期坚持”或“持续推进”等形式。');
    }
    for (const part of parts) {
      const leadCell = lead[r]!;
      const unitsCell = units[r]!;
      const own = (raw: string, cell: Cell) => (raw !== '' ? (splitDepartments(raw).flat()) : cell.names);
      tasks.push({
        point: part.match.point,
        seq: 0,
        text: part.text,
        lead: [...new Set(own(part.leadRaw, leadCell))],
        units: [...new Set(own(part.unitsRaw, unitsCell))],
        leadRaw: part.leadRaw,
        unitsRaw: part.unitsRaw,
        deadline: { raw: dl.raw, date: parsed.date, kind: parsed.kind, inherited: dl.from !== null },
        inherited: { lead: leadCell.from !== null, units: unitsCell.from !== null },
        inheritedFrom: { lead: leadCell.from, units: unitsCell.from, deadline: dl.from },
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
