/**
 * 公开属性 gate of every export (data files, RSS, sitemap): only 主动公开 content leaves the site
 * this way. `isPublic` is the one predicate; the gate applies it to what inherits a document's
 * 公开属性 (points, tasks) and to 解读/图解, which must be public themselves and explain a public
 * document.
 */
import type { Disclosure } from '../../schemas/common.ts';

export const PUBLIC_DISCLOSURE: Disclosure = '主动公开';

export interface Disclosed {
  data: { disclosure: Disclosure };
}

/** True only for 主动公开 entries. */
export function isPublic(entry: Disclosed): boolean {
  return entry.data.disclosure === PUBLIC_DISCLOSURE;
}

interface Ref {
  id: string;
}
type Interprets = { point: Ref } | { document: Ref };

export interface DisclosureGate {
  document(entry: { id: string }): boolean;
  /** Points and tasks carry no 公开属性 of their own: their document's applies. */
  point(entry: { data: { document: Ref } }): boolean;
  task(entry: { data: { document: Ref } }): boolean;
  interpretation(entry: Disclosed & { data: { interprets: Interprets } }): boolean;
}

export function disclosureGate(
  documents: (Disclosed & { id: string })[],
  points: { id: string; data: { document: Ref } }[],
): DisclosureGate {
  const publicDocuments = new Set(documents.filter(isPublic).map((d) => d.id));
  const documentOfPoint = new Map(points.map((p) => [p.id, p.data.document.id]));
  const documentIsPublic = (id: string | undefined) => id !== undefined && publicDocuments.has(id);
  return {
    document: (entry) => documentIsPublic(entry.id),
    point: (entry) => documentIsPublic(entry.data.document.id),
    task: (entry) => documentIsPublic(entry.data.document.id),
    interpretation: (entry) =>
      isPublic(entry) &&
      documentIsPublic(
        'point' in entry.data.interprets ? documentOfPoint.get(entry.data.interprets.point.id) : entry.data.interprets.document.id,
      ),
  };
}

/** Throws unless the entry is 主动公开: the last line of defence in the export builders. */
export function assertPublic(entry: Disclosed & { id: string }, what: string): void {
  if (!isPublic(entry))
    throw new Error(
      `${what} ${entry.id} 的公开属性是 ${entry.data.disclosure}，不能导出 / ${what} ${entry.id} is not 主动公开 and must not be exported`,
    );
}
