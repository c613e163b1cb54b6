/**
 * A policy is what a 解读 or 图解 explains: one point of a document, or the whole document.
 * This resolves a policy key to what pages need to name and link it.
 */
import { findDocument, findPoint, getDepartmentMap, getTasks, type DocumentEntry, type PointEntry } from './queries.ts';
import { urls } from './ids.ts';
import { departmentNameOf, pointHeading, pointPlace } from './labels.ts';

export interface Policy {
  key: string;
  document: DocumentEntry;
  point?: PointEntry;
  /** e.g. `18. 创新政策解读形式` (`（三）…` where labels are printed, `第3项 …` where none is) or the document title. */
  title: string;
  /** e.g. `沈阳市 2021 年政务公开工作要点 · 第18项` (`· 第一部分（三）`) */
  kicker: string;
  section?: string;
  url: string;
}

export async function resolvePolicy(key: string): Promise<Policy> {
  const [kind, id = ''] = key.split(':');
  const point = kind === 'point' ? await findPoint(id) : undefined;
  const document = await findDocument(point ? point.data.document.id : id);
  if (!document || (kind === 'point' && !point)) throw new Error(`解读对象不存在 / no such policy: ${key}`);
  if (!point)
    return {
      key,
      document,
      title: document.data.title,
      kicker: document.data.docNumber ?? document.data.issuer,
      url: urls.document(document.id),
    };
  const section = document.data.sections.find((s) => s.no === point.data.section);
  return {
    key,
    document,
    point,
    title: pointHeading(point),
    kicker: `${document.data.title} · ${pointPlace(point, section)}`,
    section: section?.heading,
    url: urls.point(document.id, point.data.no),
  };
}

/** The section a point policy belongs to, for search filters; none for a whole document. */
export function sectionOf(policy: Policy): { no: number; heading: string } | undefined {
  const section = policy.point && policy.document.data.sections.find((s) => s.no === policy.point!.data.section);
  return section && { no: section.no, heading: section.heading };
}

/** Names of the departments that lead the policy's tasks. */
export async function leadNames(policy: Policy): Promise<string[]> {
  const departments = await getDepartmentMap();
  const tasks = (await getTasks(policy.document.id)).filter((t) => !policy.point || t.data.point.id === policy.point.id);
  return [...new Set(tasks.flatMap((t) => t.data.lead.map((d) => departmentNameOf(departments, d.id))))];
}
