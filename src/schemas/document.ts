import { z } from 'astro/zod';
import { disclosureSchema, isoDateSchema, textSchema } from './common.ts';

export const sectionSchema = z.strictObject({
  no: z.int().positive(),
  numeral: textSchema,
  title: textSchema,
  heading: textSchema,
});

/** A published document: the 通知 (notice) and the 要点 it issues, without the points themselves. */
export const documentSchema = z.strictObject({
  year: z.int().min(1949).max(2100),
  title: textSchema,
  issuer: textSchema,
  docNumber: textSchema,
  signedAt: isoDateSchema,
  publishedAt: isoDateSchema,
  disclosure: disclosureSchema,
  disclosureNote: z.string(),
  /** 主题分类; the site config's default applies when absent. */
  category: textSchema.optional(),
  /** 索引号 (index number in the government information catalogue), when one is assigned. */
  indexNo: textSchema.optional(),
  source: textSchema,
  notice: z.strictObject({
    header: textSchema,
    title: textSchema,
    addressees: z.string(),
    body: z.array(textSchema),
    signature: z.array(textSchema),
  }),
  intro: z.array(textSchema),
  sections: z.array(sectionSchema).min(1),
  closing: z.array(textSchema),
  attachment: z.string(),
  taskTable: z.strictObject({ title: z.string(), columns: z.array(textSchema) }),
});
export type DocumentData = z.infer<typeof documentSchema>;
