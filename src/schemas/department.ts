import { z } from 'astro/zod';
import { textSchema } from './common.ts';

/** A 牵头部门 / 责任单位. `group` is a collective such as 市政府各部门 or 区县（市）政府. */
export const departmentSchema = z.strictObject({
  name: textSchema,
  kind: z.enum(['municipal', 'district', 'group']),
  aliases: z.array(textSchema).default([]),
  /**
   * The government whose department this is (福建省), when it is not the site's own: another
   * government's 市财政局 is another department, with its own id.
   */
  government: textSchema.optional(),
});
export type DepartmentData = z.infer<typeof departmentSchema>;
