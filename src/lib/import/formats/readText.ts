/**
 * PLACEHOLDER – the lead engineer owns this file and replaces it with the text reader (the seed's
 * Markdown-ish form). It exists only so that readSource.ts compiles on the `formats` branch; on
 * merge, take the lead's version.
 */
import type { SourceDocument } from './types.ts';

export function readText(text: string): SourceDocument {
  void text;
  throw new Error('readText: not yet (placeholder on the formats branch)');
}
