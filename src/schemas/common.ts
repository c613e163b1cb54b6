import { z } from 'astro/zod';

/** 公开属性: every publishable entry must state it; there is no default (item 5 of the 2021 要点). */
export const disclosureSchema = z.enum(['主动公开', '依申请公开', '不予公开'], {
  error: '公开属性必须是 主动公开、依申请公开 或 不予公开 / disclosure must be one of 主动公开, 依申请公开, 不予公开',
});
export type Disclosure = z.infer<typeof disclosureSchema>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A calendar date kept as the string `YYYY-MM-DD`.
 * YAML loaders differ (Astro's turns `2021-06-22` into a Date, others keep a string), so both are
 * accepted and normalised; dates carry no time zone on a government site.
 */
export const isoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string({ error: '日期必须写成 YYYY-MM-DD / a date must be written YYYY-MM-DD' }).refine(isIsoDate, {
    error:
      '日期必须是半角数字的真实日期 YYYY-MM-DD，如 2021-06-22 / the date must be a real date in ASCII digits, YYYY-MM-DD, e.g. 2021-06-22',
  }),
);

/** Text that must not be empty once trimmed. */
export const textSchema = z.string().trim().min(1, { error: '不能为空 / must not be empty' });
