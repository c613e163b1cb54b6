import { normalizeForComparison } from '../../../src/lib/text/normalize.ts';

export interface PointText {
  no: number;
  /** Title + 。 + body, the text a task may come from. */
  text: string;
}

export interface Assignment {
  point: number;
  /** Share of the task's 4-grams found in the assigned point, 3 decimals. */
  score: number;
  /** Best other point, for the report. */
  runnerUp: { point: number; score: number } | null;
  /** Why the printed label was kept instead of the best match. */
  fallback: 'tie' | 'low' | null;
}

/** Below this share of shared 4-grams a match is not trusted. */
export const MIN_SCORE = 0.5;
const N = 4;

function grams(text: string, n: number): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Scores a task against every point: the share of the task's distinct character 4-grams (after
 * normalisation, see normalize.ts) that occur in the point's text. Sorted best first, ties by point
 * number so that the result is deterministic.
 */
export function scorePoints(taskText: string, points: PointText[]): { point: number; score: number }[] {
  const task = normalizeForComparison(taskText);
  const n = Math.min(N, Math.max(1, [...task].length));
  const taskGrams = grams(task, n);
  return points
    .map((p) => {
      const pointGrams = grams(normalizeForComparison(p.text), n);
      let hit = 0;
      for (const g of taskGrams) if (pointGrams.has(g)) hit++;
      return { point: p.no, score: taskGrams.size === 0 ? 0 : round3(hit / taskGrams.size) };
    })
    .sort((a, b) => b.score - a.score || a.point - b.point);
}

/**
 * Assigns a task to the point whose text it comes from. The printed label is only a fallback:
 * it is kept when the best score is below MIN_SCORE or two points tie for best. A table without
 * an 事项名称 column (`printedNo` 0) has no fallback: the best match stands, reported as such.
 */
export function assignTask(taskText: string, labelNo: number, points: PointText[]): Assignment {
  const [best, second] = scorePoints(taskText, points);
  const printedNo = labelNo === 0 && best ? best.point : labelNo;
  if (!best) return { point: printedNo, score: 0, runnerUp: null, fallback: 'low' };
  const runnerUp = second ?? null;
  const printedScore = (no: number) =>
    scorePoints(
      taskText,
      points.filter((p) => p.no === no),
    )[0]?.score ?? 0;
  if (best.score < MIN_SCORE) {
    return { point: printedNo, score: printedScore(printedNo), runnerUp: best.point === printedNo ? runnerUp : best, fallback: 'low' };
  }
  if (runnerUp && runnerUp.score === best.score) {
    return { point: printedNo, score: printedScore(printedNo), runnerUp: best.point === printedNo ? runnerUp : best, fallback: 'tie' };
  }
  return { point: best.point, score: best.score, runnerUp, fallback: null };
}
