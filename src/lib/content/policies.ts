/**
 * A policy is what a 解读 or 图解 explains: one point of a document, or the whole document.
 * This resolves a policy key to what pages need to name and link it.
 */
import { getEntry } from 'astro:content';
import type { DocumentEntry, PointEntry } from './queries.ts';
import { urls } from './ids.ts';

export interface Policy {
  key: string;
  document: DocumentEntry;
  point?: PointEntry;
  /** e.g. `18. 创新政策解读形式` or the document title. */
  title: string;
  /** e.g. `沈阳市 2021 年政务公开工作要点 · 第18项` */
  kicker: string;
  section?: string;
  url: string;
}

export async function resolvePolicy(key: string): Promise<Policy> {
  const [kind, id = ''] = key.split(':');
  const point = kind === 'point' ? await getEntry('points', id) : undefined;
  const document = await getEntry('documents', point ? point.data.document.id : id);
  if (!document || (kind === 'point' && !point)) throw new Error(`解读对象不存在 / no such policy: ${key}`);
  if (!point) return { key, document, title: document.data.title, kicker: `${document.data.docNumber}`, url: urls.document(document.data.year) };
  return {
    key,
    document,
    point,
    title: `${point.data.no}. ${point.data.title}`,
    kicker: `${document.data.title} · 第${point.data.no}项`,
    section: document.data.sections.find((s) => s.no === point.data.section)?.heading,
    url: urls.point(document.data.year, point.data.no),
  };
}
