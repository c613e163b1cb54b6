import { z } from 'astro/zod';
import { isoDateSchema, textSchema } from './common.ts';

export const progressStatusSchema = z.enum(['未开始', '推进中', '已完成'], {
  error: 'status 必须是 未开始、推进中 或 已完成 / status must be 未开始, 推进中 or 已完成',
});

/**
 * The 工作台账 of one task (item 27: 梳理形成工作台账，实时跟进推动): every progress report an
 * editor records, oldest first. History is kept; the ledger reads the latest report up to its
 * as-of date.
 */
export function progressSchema<TaskRef extends z.ZodType>(taskRef: TaskRef) {
  return z.strictObject({
    task: taskRef,
    updates: z
      .array(
        z.strictObject({
          date: isoDateSchema,
          status: progressStatusSchema,
          note: textSchema.max(200, { error: '说明不超过 200 个字符 / the note must be at most 200 characters' }),
          evidence: z.url({ error: 'evidence 必须是完整网址 / evidence must be a full URL' }).optional(),
        }),
      )
      .min(1)
      .refine((u) => u.every((x, i) => i === 0 || u[i - 1]!.date <= x.date), { error: '进展记录须按日期先后排列 / updates must be in date order' }),
  });
}
