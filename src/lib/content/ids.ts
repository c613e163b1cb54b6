/**
 * Ids and URLs. A document's id is its file name (`src/content/documents/<id>.yaml`: `2021`,
 * `2022-fujian`), and every URL of the document uses it: several documents may share a year.
 * Points are numbered 1..N in a document; ids and URLs use two digits (`2021/01`, `/yaodian/2021/01/`).
 */
export function pointNo2(no: number): string {
  return String(no).padStart(2, '0');
}

export function pointId(documentId: string, no: number): string {
  return `${documentId}/${pointNo2(no)}`;
}

/** The document of a point id, `2021/01` → `2021`; `npm run check` holds every point to this form. */
export function documentOfPoint(pointId: string): string {
  return pointId.slice(0, pointId.lastIndexOf('/'));
}

/** The number of a point id, `2021/08` → 8. */
export function pointNoOf(pointId: string): number {
  return Number(pointId.slice(pointId.lastIndexOf('/') + 1));
}

/** A task's number as the site prints it (`8-1`, as in the ledger and the 工作台账). */
export function taskLabel(pointNo: number, seq: number): string {
  return `${pointNo}-${seq}`;
}

/** The id of a task's report history on its point page: the ledger links to it. */
export function progressAnchor(pointNo: number, seq: number): string {
  return `progress-${taskLabel(pointNo, seq)}`;
}

/** A task's number in its document: its point's number and its place there (`02-1`). */
export function taskNo(pointNo: number, seq: number): string {
  return `${pointNo2(pointNo)}-${seq}`;
}

/** A task's id (`2021/02-1`), which is also the id of its progress file. */
export function taskId(documentId: string, pointNo: number, seq: number): string {
  return `${documentId}/${taskNo(pointNo, seq)}`;
}

export const urls = {
  home: () => '/',
  document: (documentId: string) => `/yaodian/${documentId}/`,
  point: (documentId: string, no: number) => `/yaodian/${documentId}/${pointNo2(no)}/`,
  ledger: (documentId: string) => `/renwu/${documentId}/`,
  review: (documentId: string) => `/renwu/${documentId}/huitoukan/`,
  department: (slug: string) => `/bumen/${slug}/`,
};
