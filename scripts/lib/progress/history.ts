/**
 * Adds imported reports to the 工作台账 files (`src/content/progress/<task id>.yaml`) as new
 * history: earlier reports are never changed or removed. A report already recorded (the same
 * sheet imported twice) is not added again.
 */
import { parse, stringify } from 'yaml';
import { progressSchema } from '../../../src/schemas/progress.ts';
import { z } from 'astro/zod';
import type { ImportedReport, ProgressReport } from './validateSheet.ts';

export const progressPath = (task: string) => `src/content/progress/${task}.yaml`;

const canonical = (u: ProgressReport) => JSON.stringify(Object.fromEntries(Object.entries(u).sort(([a], [b]) => a.localeCompare(b))));
const fileSchema = progressSchema(z.string());

export interface MergeResult {
  /** Project-relative path → the file's new text. */
  files: Map<string, string>;
  added: ImportedReport[];
  /** Reports the files already hold. */
  already: ImportedReport[];
}

/**
 * `read(path)` gives a progress file's current text, or null when there is none. Throws when an
 * existing file is not a valid 工作台账 (fix it first: `npm run check` says where).
 */
export function mergeReports(reports: ImportedReport[], read: (path: string) => string | null): MergeResult {
  const files = new Map<string, string>();
  const added: ImportedReport[] = [];
  const already: ImportedReport[] = [];
  const byTask = Map.groupBy(reports, (r) => r.task);
  for (const [task, list] of byTask) {
    const path = progressPath(task);
    const text = read(path);
    const existing = text === null ? [] : parseExisting(path, text);
    const updates = [...existing];
    for (const report of list) {
      if (updates.some((u) => canonical(u) === canonical(report.update))) {
        already.push(report);
        continue;
      }
      // After every report of the same day or earlier: history stays in date order.
      const at = updates.findLastIndex((u) => u.date <= report.update.date) + 1;
      updates.splice(at, 0, report.update);
      added.push(report);
    }
    if (updates.length > existing.length) files.set(path, stringify(fileSchema.parse({ task, updates }), { lineWidth: 0 }));
  }
  return { files, added, already };
}

function parseExisting(path: string, text: string): ProgressReport[] {
  const result = fileSchema.safeParse(parse(text));
  if (!result.success) {
    throw new Error(
      `${path} 不是有效的工作台账文件，先改正它（npm run check 会指出位置）/ ${path} is not a valid progress file; fix it first (npm run check shows where)`,
    );
  }
  return result.data.updates;
}
