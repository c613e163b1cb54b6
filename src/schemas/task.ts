import { z } from 'astro/zod';
import { isoDateSchema, textSchema } from './common.ts';

export const deadlineSchema = z
  .object({
    raw: z.string(),
    date: isoDateSchema.nullable(),
    kind: z.enum(['date', 'ongoing']),
    inherited: z.boolean(),
  })
  .refine((d) => (d.kind === 'date') === (d.date !== null), {
    error: 'kind: date 需要 date，kind: ongoing 的 date 必须为 null / kind "date" needs a date; kind "ongoing" needs date: null',
    path: ['date'],
  });
export type Deadline = z.infer<typeof deadlineSchema>;

/** One row (or one part of a split row) of the 任务分解表, assigned to the point its text comes from. */
export function taskSchema<DocRef extends z.ZodType, PointRef extends z.ZodType, DeptRef extends z.ZodType>(refs: {
  document: DocRef;
  point: PointRef;
  department: DeptRef;
}) {
  return z.strictObject({
    document: refs.document,
    point: refs.point,
    seq: z.int().positive(),
    text: textSchema,
    lead: z.array(refs.department),
    units: z.array(refs.department),
    leadRaw: z.string(),
    unitsRaw: z.string(),
    deadline: deadlineSchema,
    inherited: z.strictObject({ lead: z.boolean(), units: z.boolean() }),
    printedLabel: z.strictObject({ no: z.int().positive(), title: textSchema }),
    sourceLine: z.int().positive(),
    split: z.strictObject({ part: z.int().positive(), of: z.int().positive() }).optional(),
    match: z.strictObject({ score: z.number().min(0).max(1) }),
  });
}
