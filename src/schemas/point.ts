import { z } from 'astro/zod';
import { textSchema } from './common.ts';

/**
 * One 要点 item; `body` holds its paragraphs verbatim. `no` numbers the points of a document 1..N
 * and fixes the URL; `label` is the number as printed when it is not `no.` (`（三）` in a
 * document whose points restart in every section). `unlabelled: true` says the document printed
 * no number at all (a row of a table without a 序号 column): the site then shows the point's
 * position (`第3项`), never `3.`, and a point cannot have both.
 */
export function pointSchema<DocRef extends z.ZodType>(documentRef: DocRef) {
  return z
    .strictObject({
      document: documentRef,
      section: z.int().positive(),
      /** Sub-section number (through the document), when the document has sub-sections. */
      subsection: z.int().positive().optional(),
      no: z.int().positive(),
      label: textSchema.optional(),
      unlabelled: z.literal(true).optional(),
      title: textSchema,
      titleBold: z.boolean(),
      body: z.array(textSchema).min(1),
      /**
       * The text that assigns work in this point although the importer read no task from it
       * (imported with `--allow-untasked`): the page says the 原文 assigns work, never "no tasks".
       */
      assignmentUnread: textSchema.optional(),
      source: z.strictObject({
        file: textSchema,
        startLine: z.int().positive(),
        endLine: z.int().positive(),
        /** `paragraph` when the numbers count paragraphs (a Word file), not lines. */
        unit: z.literal('paragraph').optional(),
      }),
    })
    .refine((p) => !(p.unlabelled && p.label !== undefined), {
      error:
        'unlabelled: true 表示文件没有印编号，不能同时有 label；删除其中之一 / unlabelled: true means the document printed no number, so the point cannot also have a label; remove one of them',
      path: ['unlabelled'],
    });
}
