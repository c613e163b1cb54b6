import { z } from 'astro/zod';
import { isoDateSchema, textSchema } from './common.ts';

/** The 进展状态 a department reports: the template's drop-down offers exactly these. */
export const PROGRESS_STATUSES = ['已完成', '推进中', '未启动', '长期推进'] as const;

export const progressStatusSchema = z.enum(PROGRESS_STATUSES, {
  error: 'status 必须是 已完成、推进中、未启动 或 长期推进 / status must be 已完成, 推进中, 未启动 or 长期推进',
});

/** An evidence address: where the proof is published, http(s) only. */
export const evidenceUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'evidence 必须是 http:// 或 https:// 开头的完整网址 / evidence must be a full http(s) URL',
});

export const NOTE_MAX = 500;

/** One progress report: what a department said on `date` (填报日期). */
export const progressUpdateSchema = z
  .strictObject({
    /** 填报日期: the day the department reported. */
    date: isoDateSchema,
    status: progressStatusSchema,
    /** 完成日期: only with 已完成; the light compares it with the deadline. */
    completedAt: isoDateSchema.optional(),
    note: textSchema.max(NOTE_MAX, { error: `说明不超过 ${NOTE_MAX} 个字符 / the note must be at most ${NOTE_MAX} characters` }),
    evidence: evidenceUrlSchema.optional(),
    /** 填报人: kept in the record for the office, never published on the site or in the exports. */
    reporter: textSchema.optional(),
  })
  .refine((u) => u.completedAt === undefined || u.status === '已完成', {
    error: '只有“已完成”的进展才有完成日期 / completedAt goes only with status 已完成',
    path: ['completedAt'],
  })
  .refine((u) => u.completedAt === undefined || u.completedAt <= u.date, {
    error: '完成日期不能晚于填报日期 / completedAt cannot be after the report date',
    path: ['completedAt'],
  });

/**
 * The 工作台账 of one task (item 27: 梳理形成工作台账，实时跟进推动): every progress report, oldest
 * first. History is kept; `npm run progress -- import` appends, and the ledger reads the latest
 * report up to its as-of date.
 */
export function progressSchema<TaskRef extends z.ZodType>(taskRef: TaskRef) {
  return z.strictObject({
    task: taskRef,
    updates: z
      .array(progressUpdateSchema)
      .min(1)
      .refine((u) => u.every((x, i) => i === 0 || u[i - 1]!.date <= x.date), {
        error: '进展记录须按日期先后排列 / updates must be in date order',
      }),
  });
}
