import { z } from 'astro/zod';
import { textSchema } from './common.ts';

/** One numbered 要点 item; `body` holds its paragraphs verbatim. */
export function pointSchema<DocRef extends z.ZodType>(documentRef: DocRef) {
  return z.strictObject({
    document: documentRef,
    section: z.int().positive(),
    no: z.int().positive(),
    title: textSchema,
    titleBold: z.boolean(),
    body: z.array(textSchema).min(1),
    source: z.strictObject({ file: textSchema, startLine: z.int().positive(), endLine: z.int().positive() }),
  });
}
