/**
 * 专题 and 往期专题. Editors' topics come from the `topics` collection; every published document
 * is also a yearly topic (“2021年政务公开工作要点”), current while it is the newest document and
 * archived automatically, with its pages and URLs unchanged, once a newer year is published.
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
  publishedAt: string;
}

/** The yearly topics: the newest document is current, every older one archived when the next was published. */
export function yearlyTopics(documents: DocumentInfo[]): Topic[] {
  const sorted = [...documents].sort((a, b) => b.year - a.year);
  return sorted.map((d, i) => {
    const successor = sorted[i - 1];
    return {
      slug: `yaodian-${d.id}`,
      title: `${d.year}年政务公开工作要点`,
      description: `${d.title}全文、任务分解、文字解读和图解。`,
      status: successor ? 'archived' : 'active',
      startedAt: d.publishedAt,
      ...(successor ? { archivedAt: successor.publishedAt, archiveReason: `${successor.year}年工作要点已发布，本年度要点转入往期专题。` } : {}),
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
      (m) => m === `document:${page.document}` || (page.point !== undefined && (m === `point:${page.point}` || m === `jiedu:${page.point}`)),
    ),
  );
}

/**
 * A page that belongs only to archived topics shows the archive notice, dated by the latest
 * archiving; a page in any active topic (or in none) does not.
 */
export function archiveNotice(memberOf: Topic[]): { archivedAt: string } | null {
  if (memberOf.length === 0 || memberOf.some((t) => t.status === 'active')) return null;
  const archivedAt = memberOf.map((t) => t.archivedAt ?? '').sort().at(-1) ?? '';
  return { archivedAt };
}

/** Archived topics grouped by the year they were archived, newest first. */
export function archiveByYear(topics: Topic[]): { year: number; topics: Topic[] }[] {
  const groups = new Map<number, Topic[]>();
  for (const t of topics.filter((x) => x.status === 'archived')) {
    const year = Number((t.archivedAt ?? '').slice(0, 4));
    groups.set(year, [...(groups.get(year) ?? []), t]);
  }
  return [...groups].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, topics: list.sort((a, b) => (b.archivedAt ?? '').localeCompare(a.archivedAt ?? '')) }));
}
