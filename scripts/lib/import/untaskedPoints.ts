/**
 * Never a silent "no tasks": a point from which no task was read, but whose text looks like an
 * assignment of responsibility (a department name beside a role word, a 责任单位 label), is a
 * point the importer failed to read. The import stops there, or, where the editor allows it
 * (`--allow-untasked`), the point is listed in the report and its page says that the text
 * assigns work the site does not list as tasks.
 */
import { assignmentCue } from './assignmentCue.ts';
import { importError } from './errors.ts';
import type { Point } from './parsePoints.ts';
import type { Task } from './buildTasks.ts';

export interface UntaskedPoint {
  point: number;
  line: number;
  /** The text that looks like an assignment, as printed. */
  fragment: string;
}

/** Points without any task whose text looks like an assignment, in document order. */
export function untaskedPoints(points: Point[], tasks: Task[]): UntaskedPoint[] {
  const tasked = new Set(tasks.map((t) => t.point));
  return points.flatMap((p) => {
    if (tasked.has(p.no)) return [];
    for (const piece of p.pieces.length > 0 ? p.pieces : [{ text: `${p.title}。${p.body.join('')}`, line: p.startLine }]) {
      const fragment = assignmentCue(piece.text);
      if (fragment !== null) return [{ point: p.no, line: piece.line, fragment }];
    }
    return [];
  });
}

/** Stops the import at the first such point, unless the editor allowed them. */
export function refuseUntasked(untasked: UntaskedPoint[], source: string, allow: boolean): void {
  const first = untasked[0];
  if (!first || allow) return;
  const others = untasked.length > 1 ? `（另有 ${untasked.length - 1} 条要点同样如此 and ${untasked.length - 1} more）` : '';
  throw importError(
    source,
    first.line,
    `points.${first.point}`,
    `第 ${first.point} 条要点写有责任分工“${first.fragment}”，但没有读出任何任务${others}`,
    `point ${first.point} states an assignment ("${first.fragment}") but no task was read from it`,
    '请把文件和这条信息报告给维护者；若确认该要点不分配任务，可加 --allow-untasked 导入，并在导入报告中核对这些要点。 Report the file; if the point really assigns no task, import with --allow-untasked and review the points listed in the report.',
  );
}
