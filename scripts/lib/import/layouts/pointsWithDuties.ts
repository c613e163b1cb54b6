/**
 * What the three layouts of points without a task table share: the points read from the text to
 * its end (or its 落款), and which of them state responsibility in a clause or in lines of their own.
 */
import { buildDutyTasks } from '../buildDutyTasks.ts';
import { dutyParagraph, findDutyClauses } from '../dutyClauses.ts';
import type { Point } from '../parsePoints.ts';
import { noPoints, pointsOrThrow, textPoints } from './textPoints.ts';
import type { BuildInput, Layout, LayoutBuild, LayoutInput, Missing, Recognition, Recogniser } from './types.ts';

const hasClause = (p: Point) => p.pieces.some((piece) => findDutyClauses(piece.text).length > 0);
const hasLine = (p: Point) => p.pieces.some((piece, k) => k > 0 && dutyParagraph(piece.text) !== null);

/** How many points state responsibility in a clause, and how many in lines of their own. */
function dutyCounts(points: Point[]): { points: number; clauses: number; lines: number } {
  return { points: points.length, clauses: points.filter(hasClause).length, lines: points.filter(hasLine).length };
}

/**
 * Recognises a layout of points without a task table: 0 where the document has a task table or no
 * points; otherwise `score(counts)` with the counts as reasons.
 */
export function recogniseDuties(input: LayoutInput, score: (counts: ReturnType<typeof dutyCounts>) => Recognition): Recognition {
  if (input.body.tableAt !== -1) {
    return {
      score: 0,
      reasons: ['文件有任务分解表 the document has a task table'],
      missing: { zh: '文件有任务分解表', en: 'the document has a task table', fix: '—' },
    };
  }
  if (input.body.pointsAt === -1) return noPoints(input);
  const read = textPoints(input, input.doc.blocks.length);
  if (read instanceof Error) return noPoints(input, read);
  return score(dutyCounts(read.points));
}

/** Builds the points and the tasks their clauses and lines state. */
export function buildWithDuties(input: BuildInput, layout: Layout): LayoutBuild {
  const { doc, front, signature } = input;
  const blocks = doc.blocks;
  const end = signature && signature.end <= blocks.length ? signature.start : blocks.length;
  const body = pointsOrThrow(textPoints(input, end));
  const signed = signature && signature.end <= blocks.length ? signature.paragraphs : [];
  const built = buildDutyTasks(body.points, front.year, input.firstListedLeads);
  return {
    layout,
    sections: body.sections,
    points: body.points,
    tasks: built.tasks,
    rows: [],
    closing: [...body.closing, ...signed.map((p) => p.text)],
    closingLines: [...body.closingLines, ...signed.map((p) => p.line)],
    ...(front.attachment ? { attachment: front.attachment } : {}),
    notes: { unsplit: [], crossLabel: [], deadlineChecks: [], crossPoint: [], noLead: [], inferences: [] },
    withoutDuty: built.withoutDuty,
    inferences: [...(body.unnumberedSection ? [body.unnumberedSection] : []), ...built.inferences],
    after: blocks.length,
  };
}

/** `n / total` as a share, with the reason that states it. */
function share(n: number, total: number, zh: string, en: string): { value: number; reason: string } {
  return { value: total === 0 ? 0 : n / total, reason: `${n}/${total} 条要点${zh} ${n} of ${total} points ${en}` };
}

/**
 * A layout of points that state responsibility in one way (a clause, or lines of their own): it
 * scores the share of points that do, and says what is missing when none does.
 */
export function dutyRecogniser(
  layout: Layout,
  stated: (counts: ReturnType<typeof dutyCounts>) => number,
  reason: { zh: string; en: string },
  missing: Missing,
): Recogniser {
  return {
    layout,
    recognise: (input) =>
      recogniseDuties(input, (counts) => {
        const s = share(stated(counts), counts.points, reason.zh, reason.en);
        return { score: 0.9 * s.value, reasons: [s.reason], ...(s.value === 0 ? { missing } : {}) };
      }),
    build: (input) => buildWithDuties(input, layout),
  };
}
