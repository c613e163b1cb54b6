/** Where a document's body stands, and the table helpers every layout shares. */
import type { SourceBlock, SourceDocument } from '../formats/types.ts';
import { findPointsStart } from '../parsePoints.ts';
import { isTaskTable } from '../readTaskTable.ts';
import type { BodyLocation, Recognition } from './types.ts';

export type TableBlock = Extract<SourceBlock, { kind: 'table' }>;

/**
 * The first task table (a table whose header names a task column) and, before it, where the
 * numbered text starts (findPointsStart: a `一、` section, or the first point when the points
 * stand directly under the title, whose printed heading then names their one section).
 */
export function locateBody(doc: SourceDocument): BodyLocation {
  const blocks = doc.blocks;
  const tableAt = blocks.findIndex(isTaskTable);
  const found = findPointsStart(blocks, tableAt === -1 ? blocks.length : tableAt);
  return { pointsAt: found?.start ?? -1, tableAt, ...(found?.heading ? { heading: found.heading } : {}) };
}

/** A table block and the table blocks right after it (a table split at page ends) as one table. */
export function mergedTable(blocks: SourceBlock[], at: number): { table: TableBlock; next: number } {
  const first = blocks[at] as TableBlock;
  const rows = [...first.rows];
  let k = at + 1;
  for (; blocks[k]?.kind === 'table' && (blocks[k] as TableBlock).rows[0]?.cells.length === first.rows[0]?.cells.length; k++)
    rows.push(...(blocks[k] as TableBlock).rows);
  return { table: { ...first, rows, endLine: (blocks[k - 1] as TableBlock).endLine }, next: k };
}

/** A block's text; a table's rows one per line, its cells (not the positions spans cover) joined by spaces. */
export const blockText = (b: SourceBlock): string =>
  b.kind === 'table'
    ? b.rows
        .map((r) =>
          r.cells
            .filter((c) => !c.spanOf)
            .map((c) => c.text)
            .join(' '),
        )
        .join('\n')
    : b.text;

/** The verdict of a table layout on a document without a task table; `fix` shows the header it needs. */
export function noTaskTable(fix: string): Recognition {
  return {
    score: 0,
    reasons: ['没有带表头的任务表 no task table with a header row'],
    missing: { zh: '没有带表头的任务表', en: 'no task table with a header row', fix },
  };
}
