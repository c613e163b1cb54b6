import { z } from 'astro/zod';
import { disclosureSchema, isoDateSchema, textSchema } from './common.ts';

/**
 * A 部分 (`一、…`) or a 小部分 (`（一）…`) of a document, as printed. `no` numbers them through the
 * document and fixes anchors; `numeral` is the number as printed, absent for a group printed
 * without one (a merged 存在问题 cell grouping table rows, or the one heading above the points of
 * a document without `一、` sections): `title` and `heading` are then both its printed text.
 */
const headingFields = {
  no: z.int().positive(),
  numeral: textSchema.optional(),
  title: textSchema,
  heading: textSchema,
};

/** Sub-sections (`（一）…`) between a section and its points; numbered through the document. */
export const subsectionSchema = z.strictObject(headingFields);

export const sectionSchema = z.strictObject({
  ...headingFields,
  /** Paragraphs between the heading and the first point (`一、总体要求` is often prose only). */
  intro: z.array(textSchema).min(1).optional(),
  subsections: z.array(subsectionSchema).min(1).optional(),
});

/** The formats the importer reads; defined once, here, for the schema and the importer. */
export const SOURCE_FORMATS = ['text', 'html', 'docx', 'doc'] as const;
/** The layouts the importer recognises (one recogniser each in scripts/lib/import/layouts/). */
export const LAYOUT_NAMES = ['points-table', 'inline-clauses', 'duty-paragraphs', 'points-only', 'table-only'] as const;

/** Document ids are chosen at import: lowercase ASCII letters, digits and hyphens (`2021`, `2022-fujian`). */
export const DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A published document: the 通知 (notice) and the 要点 it issues, without the points themselves.
 * What a document leaves out is absent, never invented: no 文号 (`docNumber`), no 成文日期
 * (`signedAt`; `publishedAt` then comes from the page and `publishedAtFrom` says so), no 通知
 * (`notice`), no task table (`taskTable`).
 */
export const documentSchema = z.strictObject({
  year: z.int().min(1949).max(2100),
  title: textSchema,
  /** The issuers as one display string; joint issuers (联合发文) joined with 、. */
  issuer: textSchema,
  /** Each issuer of a 联合发文 as printed, in order (absent for a single issuer). */
  issuers: z.array(textSchema).min(2).optional(),
  docNumber: textSchema.optional(),
  signedAt: isoDateSchema.optional(),
  publishedAt: isoDateSchema,
  /** Where `publishedAt` was read when it is not the 成文日期: the page's `<meta>` or its text. */
  publishedAtFrom: z.enum(['meta', 'text']).optional(),
  /**
   * Published before the site existed and imported for the 往期专题 archive (`npm run import --
   * --archive`): no 文字解读 or 图解 was ever published for it, and none is required.
   */
  archive: z.literal(true).optional(),
  /** Format and layout the importer read (absent for the seed's text form with a task table). */
  format: z.enum(SOURCE_FORMATS).optional(),
  layout: z.enum(LAYOUT_NAMES).optional(),
  disclosure: disclosureSchema,
  disclosureNote: z.string(),
  /** 主题分类; the site config's default applies when absent. */
  category: textSchema.optional(),
  /** 索引号 (index number in the government information catalogue), when one is assigned. */
  indexNo: textSchema.optional(),
  source: textSchema,
  notice: z
    .strictObject({
      header: z.string(),
      title: textSchema,
      addressees: z.string(),
      body: z.array(textSchema),
      signature: z.array(textSchema),
    })
    .optional(),
  intro: z.array(textSchema),
  sections: z.array(sectionSchema).min(1),
  closing: z.array(textSchema),
  attachment: z.string().optional(),
  taskTable: z.strictObject({ title: z.string(), columns: z.array(textSchema) }).optional(),
});
export type DocumentData = z.infer<typeof documentSchema>;
