/**
 * 专题 and 往期专题. Editors' topics come from the `topics` collection; every published document
 * is also a topic of its own, titled by the document (“沈阳市 2021 年政务公开工作要点”).
 *
 * Archiving rule: a document's topic is current while it is the newest document of its issuer
 * (`issuer`, the 发文机关), and archived automatically, with its pages and URLs unchanged, once a
 * newer document of the same issuer is published (dated by that document's 发布日期). Documents of
 * other issuers never archive it: a province's 要点 does not end a city's, and two governments'
 * documents of one year stand side by side. An archive document (`archive: true`, published before
 * the site existed) is never current: it is archived from the start, dated by its successor of the
 * same issuer when there is one, else by its own 发布日期.
 */
export type MemberKey = `document:${string}` | `point:${string}` | `jiedu:${string}`;

export interface Topic {
  slug: string;
  title: string;
  description: string;
  status: 'active' | 'archived';
  startedAt: string;
  archivedAt?: string;
  archiveReason?: string;
  members: MemberKey[];
  /** True for the yearly topic made from a document. */
  yearly: boolean;
}

export interface DocumentInfo {
  id: string;
  year: number;
  title: string;
  issuer: string;
  publishedAt: string;
  /** Imported for the archive (published before the site existed). */
  archive: boolean;
}

/** Documents newest first: by year, then 发布日期, then id (stable for two of one day). */
export const newestFirst = (
  a: Pick<DocumentInfo, 'id' | 'year' | 'publishedAt'>,
  b: Pick<DocumentInfo, 'id' | 'year' | 'publishedAt'>,
): number => b.year - a.year || b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id);

/** A document's own topic is `/zhuanti/yaodian-<document id>/`; editors' topics may not use the prefix. */
export const DOCUMENT_TOPIC_PREFIX = 'yaodian-';

/** Each document's topic, archived by the rule above; in the order of `documents` sorted newest first. */
export function yearlyTopics(documents: DocumentInfo[]): Topic[] {
  const sorted = [...documents].sort(newestFirst);
  return sorted.map((d) => {
    const successor = sorted.filter((o) => o.issuer === d.issuer && newestFirst(o, d) < 0).at(-1);
    const archived = successor
      ? { archivedAt: successor.publishedAt, archiveReason: `《${successor.title}》已发布，本文件转入往期专题。` }
      : d.archive
        ? { archivedAt: d.publishedAt, archiveReason: '本文件在本站建立之前发布，作为往期资料收录。' }
        : null;
    return {
      slug: `${DOCUMENT_TOPIC_PREFIX}${d.id}`,
      title: d.title,
      description: `${d.title}全文、任务分解${d.archive ? '' : '、文字解读和图解'}。`,
      status: archived ? 'archived' : 'active',
      startedAt: d.publishedAt,
      ...archived,
      members: [`document:${d.id}` as MemberKey],
      yearly: true,
    };
  });
}

/**
 * The topics a page belongs to. A document member covers every page of that document (its points,
 * 解读, 图解, ledger); a point member covers the point's 原文, 解读 and 图解.
 */
export function topicsOf(page: { document: string; point?: string }, topics: Topic[]): Topic[] {
  return topics.filter((t) =>
    t.members.some(
      (m) =>
        m === `document:${page.document}` || (page.point !== undefined && (m === `point:${page.point}` || m === `jiedu:${page.point}`)),
    ),
  );
}

/**
 * A page that belongs only to archived topics shows the archive notice, dated by the latest
 * archiving; a page in any active topic (or in none) does not.
 */
export function archiveNotice(memberOf: Topic[]): { archivedAt: string } | null {
  if (memberOf.length === 0 || memberOf.some((t) => t.status === 'active')) return null;
  const archivedAt =
    memberOf
      .map((t) => t.archivedAt ?? '')
      .sort()
      .at(-1) ?? '';
  return { archivedAt };
}

/** Archived topics grouped by the year they were archived, newest first. */
export function archiveByYear(topics: Topic[]): { year: number; topics: Topic[] }[] {
  const groups = new Map<number, Topic[]>();
  for (const t of topics.filter((x) => x.status === 'archived')) {
    const year = Number((t.archivedAt ?? '').slice(0, 4));
    groups.set(year, [...(groups.get(year) ?? []), t]);
  }
  return [...groups]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => ({ year, topics: list.sort((a, b) => (b.archivedAt ?? '').localeCompare(a.archivedAt ?? '')) }));
}
