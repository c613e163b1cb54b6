import { z } from 'astro/zod';
import { isoDateSchema, textSchema } from './common.ts';

/** What a 专题 groups: a whole document (with all its pages), one point, or one 解读. */
export function topicMemberSchema<DocRef extends z.ZodType, PointRef extends z.ZodType, JieduRef extends z.ZodType>(refs: {
  document: DocRef;
  point: PointRef;
  jiedu: JieduRef;
}) {
  return z.union(
    [z.strictObject({ document: refs.document }), z.strictObject({ point: refs.point }), z.strictObject({ jiedu: refs.jiedu })],
    {
      error: '成员写成 document: "2021"、point: 2021/17 或 jiedu: 2021/17 / a member is document: "2021", point: 2021/17 or jiedu: 2021/17',
    },
  );
}

/**
 * A 专题 (topic column). Item 12 of the 2021 要点: a topic whose work has ended is archived into
 * 往期专题, keeps its pages and URLs, and loses its front-page entry.
 */
export function topicSchema<DocRef extends z.ZodType, PointRef extends z.ZodType, JieduRef extends z.ZodType>(refs: {
  document: DocRef;
  point: PointRef;
  jiedu: JieduRef;
}) {
  return z
    .strictObject({
      title: textSchema,
      description: textSchema,
      status: z.enum(['active', 'archived'], { error: 'status 必须是 active 或 archived / status must be active or archived' }),
      startedAt: isoDateSchema,
      archivedAt: isoDateSchema.optional(),
      archiveReason: textSchema.optional(),
      members: z.array(topicMemberSchema(refs)).min(1),
    })
    .refine((t) => t.status === 'active' || (t.archivedAt !== undefined && t.archiveReason !== undefined), {
      error: '归档专题需要 archivedAt 和 archiveReason / an archived topic needs archivedAt and archiveReason',
      path: ['archivedAt'],
    });
}
