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

/** Longest document id: it is a folder name in every URL and in the kiosk package's paths. */
export const MAX_DOCUMENT_ID = 64;

/**
 * Names Windows reserves for devices: a folder `site/yaodian/con/` in a kiosk package cannot be
 * created, copied or opened there. Windows also reserves them followed by an extension
 * (`con.txt`), but a document id holds no dot, and `con-2021` is an ordinary name, so only the
 * bare names are refused.
 */
export const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/**
 * Document ids are chosen at import: lowercase ASCII letters, digits and hyphens (`2021`,
 * `2022-fujian`), at most 64 characters, and not a name Windows reserves.
 */
export const DOCUMENT_ID = /^(?!(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$)(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why `id` cannot be a document id, in Chinese and English; null when it can. */
export function documentIdProblem(id: string): { zh: string; en: string } | null {
  if (id.length > MAX_DOCUMENT_ID) {
    return {
      zh: `文件编号有 ${id.length} 个字符，最多 ${MAX_DOCUMENT_ID} 个（它是网址和文件夹名的一部分）`,
      en: `the id is ${id.length} characters long, at most ${MAX_DOCUMENT_ID} (it is part of every URL and folder name)`,
    };
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    return {
      zh: '文件编号只能由小写英文字母、数字和连字符组成，如 2021、2022-fujian',
      en: 'the id may hold only lowercase ASCII letters, digits and hyphens, e.g. 2021, 2022-fujian',
    };
  }
  if (WINDOWS_RESERVED.test(id)) {
    return {
      zh: `“${id}”是 Windows 保留的设备名，查阅点终端上无法建立这个文件夹`,
      en: `"${id}" is a device name Windows reserves: a 查阅点 terminal cannot hold a folder of that name`,
    };
  }
  return null;
}

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
