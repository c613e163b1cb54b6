import { z } from 'astro/zod';
import { isoDateSchema, textSchema } from './common.ts';

export const deadlineSchema = z
  .object({
    raw: z.string(),
    date: isoDateSchema.nullable(),
    /** `unspecified`: the document names no deadline for the task (未注明); it has no light. */
    kind: z.enum(['date', 'ongoing', 'unspecified']),
    inherited: z.boolean(),
    /** The deadline was found inside the task's text (`raw` is the phrase), not in a column. */
    inText: z.literal(true).optional(),
  })
  .refine((d) => (d.kind === 'date') === (d.date !== null), {
    error:
      'kind: date 需要 date，kind: ongoing 或 unspecified 的 date 必须为 null / kind "date" needs a date; kinds "ongoing" and "unspecified" need date: null',
    path: ['date'],
  });
export type Deadline = z.infer<typeof deadlineSchema>;

/**
 * One row (or one part of a split row) of the 任务分解表, assigned to the point its text comes from;
 * or, in documents without a table, the task a point's responsibility clause (`（牵头单位：…）`) or
 * 责任单位 paragraph assigns. `sourceLine` is where the row or clause stands.
 */
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
    /** The 事项名称 printed beside the task in a task table; absent when the task has no table row. */
    printedLabel: z.strictObject({ no: z.int().positive(), title: textSchema }).optional(),
    sourceLine: z.int().positive(),
    split: z.strictObject({ part: z.int().positive(), of: z.int().positive() }).optional(),
    match: z.strictObject({ score: z.number().min(0).max(1) }),
  });
}
