import type { CheckIssue } from './issue.ts';
import { loadCollection, type LoadedEntry } from './loadEntries.ts';
import { validateSchemas } from './validateSchemas.ts';
import { validateReferences } from './validateReferences.ts';

export type { CheckIssue } from './issue.ts';

export const COLLECTIONS = ['documents', 'points', 'tasks', 'departments'] as const;

export interface CheckResult {
  issues: CheckIssue[];
  counts: Record<string, number>;
}

/** Every content rule in one pass over `src/content/`. */
export function checkContent(root: string): CheckResult {
  const entries: LoadedEntry[] = [];
  const issues: CheckIssue[] = [];
  const counts: Record<string, number> = {};
  for (const collection of COLLECTIONS) {
    const loaded = loadCollection(root, collection);
    entries.push(...loaded.entries);
    issues.push(...loaded.issues);
    counts[collection] = loaded.entries.length;
  }
  issues.push(...validateSchemas(entries), ...validateReferences(entries));
  return { issues, counts };
}
