/**
 * Layout recognisers: one module per way documents state their points and tasks. `chooseLayout`
 * runs them all and takes the best score (the earlier in this list on a tie); when none fits, the
 * import stops with the missing piece of the nearest one.
 */
import { importError } from '../errors.ts';
import { dutyLines } from './dutyLines.ts';
import { inlineClauses } from './inlineClauses.ts';
import { pointsOnly } from './pointsOnly.ts';
import { pointsTable } from './pointsTable.ts';
import { wholeTable } from './wholeTable.ts';
import { LAYOUTS, type LayoutInput, type LayoutScore, type Recogniser } from './types.ts';

/** A score from which a layout wins over another layout's broken content. */
const CONFIDENT = 0.5;

export const RECOGNISERS: readonly Recogniser[] = [pointsTable, inlineClauses, dutyLines, wholeTable, pointsOnly];

/** Every recogniser's verdict, best first, and the recogniser that won. Throws when none fits. */
export function chooseLayout(input: LayoutInput): { winner: Recogniser; scores: LayoutScore[] } {
  const scored = RECOGNISERS.map((r, order) => ({ r, order, ...r.recognise(input) }));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const best = scored[0]!;
  // Points that are there but break a rule stop the import at their line, unless a layout fits well.
  const broken = scored.find((s) => s.error);
  if (broken?.error && best.score < CONFIDENT) throw broken.error;
  if (best.score === 0) {
    const lines = scored.map((s) => `${LAYOUTS[s.r.layout]}: ${s.missing?.zh ?? s.reasons.join('；')}`);
    const fix = scored.find((s) => s.missing)?.missing;
    throw importError(
      input.source,
      input.doc.blocks[0]?.line ?? 1,
      'points',
      `没有找到要点：${lines.map((l) => `\n    - ${l}`).join('')}`,
      `no 要点 found: no layout fits (${scored.map((s) => `${s.r.layout}: ${s.missing?.en ?? '—'}`).join('; ')})`,
      fix?.fix ?? '确认文件是政务公开工作要点。',
    );
  }
  return {
    winner: best.r,
    scores: scored.map((s) => ({ layout: s.r.layout, score: s.score, reasons: s.reasons, ...(s.missing ? { missing: s.missing } : {}) })),
  };
}
