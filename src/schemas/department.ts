import { z } from 'astro/zod';
import { textSchema } from './common.ts';

/**
 * A 牵头部门 / 责任单位. `group` is a collective such as 市政府各部门 or 区县（市）政府; `external` a unit
 * outside every local government (海关, 人民银行…支行, 税务局, 电力公司); `internal` an office of the
 * issuing department itself (办公室, 法规科, 各科室), named with its `owner`.
 */
export const departmentSchema = z
  .strictObject({
    name: textSchema,
    kind: z.enum(['municipal', 'district', 'group', 'internal', 'external']),
    aliases: z.array(textSchema).default([]),
    /**
     * The government whose department this is (福建省), when it is not the site's own: another
     * government's 市财政局 is another department, with its own id. For an external unit whose
     * name has no place (国税局), the government where it sits.
     */
    government: textSchema.optional(),
    /** The department whose internal office this is (平潭综合实验区环境与国土资源局); only for `internal`. */
    owner: textSchema.optional(),
  })
  .refine((d) => (d.kind === 'internal') === (d.owner !== undefined), {
    message: '内设机构（kind: internal）必须且只有它写明 owner / owner is required for, and only for, kind internal',
    path: ['owner'],
  });
export type DepartmentData = z.infer<typeof departmentSchema>;
