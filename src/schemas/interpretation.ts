import { z } from 'astro/zod';
import { disclosureSchema, isoDateSchema, textSchema } from './common.ts';

/** What a 解读 or 图解 explains: one point (`point: 2021/18`) or a whole document (`document: "2021"`). */
export function interpretsSchema<PointRef extends z.ZodType, DocRef extends z.ZodType>(refs: { point: PointRef; document: DocRef }) {
  return z.union([z.strictObject({ point: refs.point }), z.strictObject({ document: refs.document })], {
    error: 'interprets 必须是 { point: 年份/编号 } 或 { document: 年份 } / interprets must be { point: YEAR/NN } or { document: YEAR }',
  });
}

/** Fields every 解读 and 图解 carries: publication (三同步), origin, 公开属性. */
export const publicationFields = {
  title: textSchema,
  publishedAt: isoDateSchema,
  /** Why it was not published the same day as its policy (三同步); required when the dates differ. */
  lateReason: textSchema.optional(),
  /** `official`: issued by the policy's own office; `editorial`: written by this site to explain. */
  origin: z.enum(['official', 'editorial']),
  disclosure: disclosureSchema,
};
