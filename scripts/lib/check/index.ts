import type { CheckIssue } from './issue.ts';
import { contentLinkIssues, loadCollection, type LoadedEntry } from './loadEntries.ts';
import { COLLECTIONS, type CollectionName } from '../../../src/schemas/collections.ts';
import { validateSchemas } from './validateSchemas.ts';
import { validateReferences } from './validateReferences.ts';
import { validateInterpretations, type InterpretationStats } from './validateInterpretations.ts';
import { validateMdxSafety } from './validateMdxSafety.ts';
import { validateText } from './validateText.ts';
import { validateTopics } from './validateTopics.ts';
import { validateTujieImages } from './validateTujieImages.ts';
import { validatePublicFiles } from './validatePublicFiles.ts';

export type { CheckIssue } from './issue.ts';

export interface CheckResult {
  issues: CheckIssue[];
  counts: Record<string, number>;
  interpretations: InterpretationStats;
}

/** Every content rule in one pass over `src/content/`, and the rules for what `public/` may hold. */
export function checkContent(root: string): CheckResult {
  const entries: LoadedEntry[] = [];
  const issues: CheckIssue[] = [...contentLinkIssues(root), ...validatePublicFiles(root)];
  const counts: Record<string, number> = {};
  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    const loaded = loadCollection(root, collection);
    entries.push(...loaded.entries);
    issues.push(...loaded.issues);
    counts[collection] = loaded.entries.length;
  }
  const interpretations = validateInterpretations(entries);
  issues.push(
    ...validateSchemas(entries),
    ...validateReferences(entries),
    ...interpretations.issues,
    ...validateMdxSafety(entries, root),
    ...validateTopics(entries),
    ...validateTujieImages(entries, root),
    ...validateText(entries),
  );
  return { issues, counts, interpretations: interpretations.stats };
}
