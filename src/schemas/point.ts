import { z } from 'astro/zod';
import { textSchema } from './common.ts';

/**
 * One numbered 要点 item; `body` holds its paragraphs verbatim. `no` numbers the points of a
 * document 1..N and fixes the URL; `label` is the number as printed when it is not `no.`
 * (`（三）` in a document whose points restart in every section).
 */
export function pointSchema<DocRef extends z.ZodType>(documentRef: DocRef) {
  return z.strictObject({
    document: documentRef,
    section: z.int().positive(),
    /** Sub-section number (through the document), when the document has sub-sections. */
    subsection: z.int().positive().optional(),
    no: z.int().positive(),
    label: textSchema.optional(),
    title: textSchema,
    titleBold: z.boolean(),
    body: z.array(textSchema).min(1),
    source: z.strictObject({
      file: textSchema,
      startLine: z.int().positive(),
      endLine: z.int().positive(),
      /** `paragraph` when the numbers count paragraphs (a Word file), not lines. */
      unit: z.literal('paragraph').optional(),
    }),
  });
}
