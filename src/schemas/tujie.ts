import { z } from 'astro/zod';
import { textSchema } from './common.ts';
import { interpretsSchema, publicationFields } from './interpretation.ts';

/**
 * A 图解. Either generated from the structured data (section, title, these key measures, the
 * tasks' lead departments and deadlines) or a hand-made image that goes through Astro's image
 * pipeline, for which `alt` and a long `description` are required.
 */
export function tujieSchema<PointRef extends z.ZodType, DocRef extends z.ZodType, Img extends z.ZodType>(refs: {
  point: PointRef;
  document: DocRef;
  image: Img;
}) {
  const base = { interprets: interpretsSchema(refs), ...publicationFields };
  const measure = z.string().trim().min(2).max(24, { error: '每条举措不超过 24 个字符 / each measure at most 24 characters' });
  return z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ ...base, kind: z.literal('generated'), measures: z.array(measure).min(2).max(6) }),
      z.strictObject({
        ...base,
        kind: z.literal('image'),
        image: refs.image,
        alt: textSchema.max(150, {
          error: 'alt 不超过 150 个字符，详细内容写在 description / alt at most 150 characters; put details in description',
        }),
        description: z.string().trim().min(100, {
          error: '手工图解需要不少于 100 个字符的文字说明 / a hand-made 图解 needs a text description of at least 100 characters',
        }),
      }),
    ],
    { error: 'kind 必须是 generated（自动生成）或 image（手工图片） / kind must be generated or image' },
  );
}
