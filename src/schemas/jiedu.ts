import { z } from 'astro/zod';
import { interpretsSchema, publicationFields } from './interpretation.ts';

/** Front matter of a 文字解读 (MDX). The body explains 政策背景, 出台目的, 重要举措 in plain words. */
export function jieduSchema<PointRef extends z.ZodType, DocRef extends z.ZodType>(refs: { point: PointRef; document: DocRef }) {
  return z.strictObject({
    interprets: interpretsSchema(refs),
    ...publicationFields,
    summary: z.string().trim().min(1).max(100, { error: '摘要不超过 100 个字符 / the summary must be at most 100 characters' }),
  });
}
