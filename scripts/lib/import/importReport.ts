import type { ParsedDocument } from './parseDocument.ts';
import { findingsOf } from './report/findings.ts';
import { summarySection } from './report/summary.ts';
import { layoutSection } from './report/layout.ts';
import { matchesSection } from './report/matches.ts';
import { cellsSection } from './report/cells.ts';
import { otherChecksSection } from './report/otherChecks.ts';
import { departmentsSection } from './report/departments.ts';
import { inferencesSection } from './report/inferences.ts';

/**
 * The import report editors review: counts, the layout chosen and why, every task moved away from
 * its printed label, every split cell, every wording difference, every inherited value, the
 * departments and every inference; one module per section under `report/`. Deterministic (no
 * dates, table order), so re-running the import leaves the file unchanged.
 */
export function importReport(doc: ParsedDocument, id: string): string {
  const found = findingsOf(doc);
  return [
    ...summarySection(doc, id, found),
    ...(found.seedForm ? [] : layoutSection(doc.layoutScores)),
    ...matchesSection(found),
    ...cellsSection(doc, found),
    ...otherChecksSection(doc),
    ...departmentsSection(doc),
    ...inferencesSection(doc, found),
  ].join('\n');
}
